using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Lianxin.Platform.Persistence;

public enum DbKind { Sqlite, Postgres }

/// <summary>
/// Reads the database setting: "postgres://user:pass@host:port/db" (or an Npgsql "Host=…" string) selects
/// PostgreSQL; "sqlite:path", "Data Source=path" or nothing selects the embedded SQLite file under data/.
/// </summary>
public sealed record DatabaseTarget(DbKind Kind, string ConnectionString)
{
    public static DatabaseTarget Parse(string? setting, string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(setting))
            return new(DbKind.Sqlite, $"Data Source={Path.Combine(dataDirectory, "lianxin.db")}");
        var s = setting.Trim();
        if (s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new(DbKind.Postgres, FromUrl(new Uri(s)));
        if (s.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            return new(DbKind.Postgres, s);
        if (s.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
            return new(DbKind.Sqlite, $"Data Source={s["sqlite:".Length..]}");
        return new(DbKind.Sqlite, s);
    }

    private static string FromUrl(Uri uri)
    {
        var userInfo = uri.UserInfo.Split(':', 2);
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/'),
            Username = Uri.UnescapeDataString(userInfo[0]),
        };
        if (userInfo.Length > 1) b.Password = Uri.UnescapeDataString(userInfo[1]);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2) b[Uri.UnescapeDataString(kv[0])] = Uri.UnescapeDataString(kv[1]);
        }
        return b.ConnectionString;
    }

    /// <summary>A description safe to print: no password.</summary>
    public string Describe()
    {
        if (Kind == DbKind.Sqlite) return "SQLite " + ConnectionString.Replace("Data Source=", "", StringComparison.Ordinal);
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Kind == DbKind.Postgres)
            options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("sys_schema_history"));
        else
            options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable("sys_schema_history"));
        // Migrations are hand-written without a model snapshot (see Migrations/README.md); the schema-drift
        // test is the check that the migrations build the model's schema.
        // Counting a list up to a cap (Take(n).Count()) needs no order; EF would warn on every such count.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning, CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }
}
