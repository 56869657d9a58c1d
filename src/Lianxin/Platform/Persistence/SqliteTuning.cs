using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lianxin.Platform.Persistence;

/// <summary>WAL journal (readers never wait for the writer), foreign keys on, a busy timeout, a 64 MB page cache.</summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA cache_size=-65536;";

    /// <summary>EF opens a read-only connection to check that the file exists; pragmas that write are skipped there.</summary>
    private static bool Applies(DbConnection connection) =>
        connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
        && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode != Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly;

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!Applies(connection)) return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!Applies(connection)) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }
}
