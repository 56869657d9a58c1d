using Lianxin.Platform.Seeding;
using Npgsql;

namespace Lianxin.ApiTests.Infrastructure;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// One template database per provider, migrated and seeded once per test run; every test gets its own
/// fresh copy (SQLite: a file copy; PostgreSQL: CREATE DATABASE … TEMPLATE), so no test sees another's writes.
/// PostgreSQL comes from LIANXIN_TEST_PG (the test script starts a throwaway server and sets it).
/// </summary>
public static class TestDatabases
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "lianxin-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static string? _sqliteTemplate;
    private static string? _pgTemplate;

    /// <summary>Small, fixed-seed data: 3 streets × 2 communities, 120 members, 40 other residents.</summary>
    public static readonly DemoSeeder.Scale Scale =
        new("中共汶上县委员会", "370830", [("370830", "汶上县")], ["汶上街道", "中都街道", "南站镇"], 3, 2, 1, 120, 40);

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable("LIANXIN_TEST_PG");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string DataDirectory { get; } = Directory.CreateDirectory(Path.Combine(Root, "data")).FullName;

    /// <summary>The Lianxin:Database setting of a new, seeded database for one test.</summary>
    public static async Task<string> NewDatabaseAsync(Provider provider)
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..16];
        if (provider == Provider.Sqlite)
        {
            var template = await SqliteTemplateAsync();
            var file = Path.Combine(Root, name + ".db");
            File.Copy(template, file);
            return $"Data Source={file}";
        }
        var pgTemplate = await PostgresTemplateAsync();
        await Gate.WaitAsync();
        try
        {
            await using var conn = new NpgsqlConnection(PostgresAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{pgTemplate}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        finally { Gate.Release(); }
        return DatabaseFor(name);
    }

    /// <summary>An empty database (no schema), for migration tests.</summary>
    public static async Task<string> NewEmptyDatabaseAsync(Provider provider)
    {
        var name = "e" + Guid.NewGuid().ToString("N")[..16];
        if (provider == Provider.Sqlite) return $"Data Source={Path.Combine(Root, name + ".db")}";
        RequirePostgres();
        await using var conn = new NpgsqlConnection(PostgresAdmin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return DatabaseFor(name);
    }

    private static string DatabaseFor(string name) =>
        new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    public static void RequirePostgres()
    {
        if (string.IsNullOrEmpty(PostgresAdmin))
            throw new InvalidOperationException("LIANXIN_TEST_PG is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL 15 server.");
    }

    private static async Task<string> SqliteTemplateAsync()
    {
        if (_sqliteTemplate is not null) return _sqliteTemplate;
        await Gate.WaitAsync();
        try
        {
            if (_sqliteTemplate is not null) return _sqliteTemplate;
            var file = Path.Combine(Root, "template.db");
            await SeedAsync($"Data Source={file}");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // Fold the WAL into the main file so that a plain file copy is complete.
            await using (var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
                await cmd.ExecuteNonQueryAsync();
            }
            return _sqliteTemplate = file;
        }
        finally { Gate.Release(); }
    }

    private static async Task<string> PostgresTemplateAsync()
    {
        RequirePostgres();
        if (_pgTemplate is not null) return _pgTemplate;
        await Gate.WaitAsync();
        try
        {
            if (_pgTemplate is not null) return _pgTemplate;
            var name = "template_" + Environment.ProcessId;
            await using (var conn = new NpgsqlConnection(PostgresAdmin))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE); CREATE DATABASE \"{name}\"", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            await SeedAsync(DatabaseFor(name));
            NpgsqlConnection.ClearAllPools();
            return _pgTemplate = name;
        }
        finally { Gate.Release(); }
    }

    private static async Task SeedAsync(string database)
    {
        await using var factory = new LianxinFactory(database);
        await factory.AsSystemAsync(async sp =>
        {
            await Lianxin.Platform.Cli.LianxinCli.Migrate(sp);
            Generated = await DemoSeeder.SeedAsync(sp, Scale);
        });
    }

    /// <summary>What the seed produced (identical for both providers: the generator is deterministic).</summary>
    public static DemoSeeder.Generated? Generated { get; private set; }
}
