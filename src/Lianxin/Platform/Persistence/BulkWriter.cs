using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Lianxin.Platform.Persistence;

/// <summary>
/// Inserts many rows of a mapped entity type fast, bypassing change tracking (and so the audit
/// interceptor: callers write one summary audit entry). Column names, value converters and parameter
/// types come from the EF model, so rows look exactly as if EF had written them. SQLite: one prepared
/// INSERT reused inside a transaction; PostgreSQL: binary COPY.
/// </summary>
public sealed class BulkWriter(AppDbContext db)
{
    public async Task<int> InsertAsync<T>(IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var props = entity.GetProperties().Where(p => p.GetColumnName(store) is not null).ToList();
        var columns = props.Select(p => p.GetColumnName(store)!).ToList();
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return db.IsPostgres
            ? await CopyAsync((NpgsqlConnection)conn, table, columns, props, rows, ct)
            : await InsertSqliteAsync(conn, table, columns, props, rows, ct);
    }

    private static object? ProviderValue(IProperty p, object row)
    {
        var value = p.GetGetter().GetClrValueUsingContainingEntity(row);
        var converter = p.GetTypeMapping().Converter;
        return converter is null || value is null ? value : converter.ConvertToProvider(value);
    }

    private async Task<int> InsertSqliteAsync<T>(DbConnection conn, string table, List<string> columns, List<IProperty> props,
        IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = new DbParameter[props.Count];
        var mappings = props.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < props.Count; i++)
            {
                if (n == 0)
                {
                    // The type mapping creates the parameter exactly as EF would (Guid as TEXT, DateOnly as yyyy-MM-dd …);
                    // later rows reuse it with the converted value.
                    parameters[i] = mappings[i].CreateParameter(cmd, $"@p{i}", props[i].GetGetter().GetClrValueUsingContainingEntity(row), props[i].IsNullable);
                    cmd.Parameters.Add(parameters[i]);
                }
                else
                {
                    parameters[i].Value = ProviderValue(props[i], row) ?? DBNull.Value;
                }
            }
            if (n == 0) await cmd.PrepareAsync(ct);
            await cmd.ExecuteNonQueryAsync(ct);
            n++;
        }
        return n;
    }

    private static async Task<int> CopyAsync<T>(NpgsqlConnection conn, string table, List<string> columns, List<IProperty> props,
        IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var types = props.Select(p => StripLength(p.GetRelationalTypeMapping().StoreType)).ToArray();
        await using var importer = await conn.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        var n = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < props.Count; i++)
            {
                var value = ProviderValue(props[i], row);
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, types[i], ct);
            }
            n++;
        }
        await importer.CompleteAsync(ct);
        return n;
    }

    private static string StripLength(string storeType)
    {
        var paren = storeType.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? storeType : storeType[..paren].TrimEnd();
    }
}
