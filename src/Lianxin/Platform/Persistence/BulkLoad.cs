using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Persistence;

/// <summary>
/// For loading many rows into empty tables: drops the tables' secondary indexes and triggers, and rebuilds them
/// afterwards from the definitions the database itself reported, so nothing is lost or altered. Building an
/// index once over all rows is much faster than growing it row by row. Used by the data generator only.
/// </summary>
public sealed class BulkLoad : IAsyncDisposable
{
    private readonly AppDbContext _db;
    private readonly List<string> _indexes = [];
    private readonly List<string> _triggers = [];

    private BulkLoad(AppDbContext db) => _db = db;

    public static async Task<BulkLoad> SuspendIndexesAsync(AppDbContext db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var load = new BulkLoad(db);
        var conn = db.Database.GetDbConnection();
        var list = string.Join(", ", tables.Select(t => $"'{t}'"));
        if (db.IsPostgres)
        {
            foreach (var row in await Rows(conn, $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ({list}) AND indexname NOT LIKE 'PK\\_%'", ct))
            {
                load._indexes.Add(row[1]);
                await Exec(conn, $"DROP INDEX \"{row[0]}\"", ct);
            }
            foreach (var row in await Rows(conn, $"SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relname IN ({list})", ct))
            {
                load._triggers.Add(row[2]);
                await Exec(conn, $"DROP TRIGGER \"{row[1]}\" ON \"{row[0]}\"", ct);
            }
        }
        else
        {
            foreach (var row in await Rows(conn, $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({list})", ct))
            {
                load._indexes.Add(row[1]);
                await Exec(conn, $"DROP INDEX \"{row[0]}\"", ct);
            }
            foreach (var row in await Rows(conn, $"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({list})", ct))
            {
                load._triggers.Add(row[1]);
                await Exec(conn, $"DROP TRIGGER \"{row[0]}\"", ct);
            }
        }
        return load;
    }

    public async ValueTask DisposeAsync()
    {
        var conn = _db.Database.GetDbConnection();
        foreach (var sql in _indexes.Concat(_triggers)) await Exec(conn, sql, CancellationToken.None);
    }

    private static async Task Exec(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Every row of a query whose columns are all text.</summary>
    private static async Task<List<string[]>> Rows(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var list = new List<string[]>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add([.. Enumerable.Range(0, r.FieldCount).Select(r.GetString)]);
        return list;
    }
}
