using Lianxin.Platform.Audit;
using Lianxin.Platform.Persistence;

namespace Lianxin.UnitTests.Platform;

public sealed class PlatformTests
{
    [Fact]
    public void Database_settings_select_the_provider_and_never_print_the_password()
    {
        var pg = DatabaseTarget.Parse("postgres://lx:s3cret@db.local:5433/lianxin?Pooling=true", "/data");
        Assert.Equal(DbKind.Postgres, pg.Kind);
        Assert.Contains("Port=5433", pg.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", pg.Describe(), StringComparison.Ordinal);
        Assert.Equal("PostgreSQL db.local:5433/lianxin", pg.Describe());
        var sqlite = DatabaseTarget.Parse(null, "/srv/lianxin/data");
        Assert.Equal(DbKind.Sqlite, sqlite.Kind);
        Assert.Equal("Data Source=/srv/lianxin/data/lianxin.db", sqlite.ConnectionString);
        Assert.Equal(DbKind.Sqlite, DatabaseTarget.Parse("sqlite:/tmp/x.db", "/d").Kind);
    }

    [Fact]
    public void An_audit_hash_covers_every_field_and_the_previous_hash()
    {
        var e = new AuditEntry
        {
            Seq = 7, At = new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), UserName = "staff", Ip = "127.0.0.1",
            Action = "update", EntityType = "党员", EntityId = "x", Summary = "修改党员：张三", Before = "{}", After = "{}", PrevHash = AuditTrail.Genesis,
        };
        var h = AuditTrail.ComputeHash(e);
        Assert.Matches("^[0-9a-f]{64}$", h);
        foreach (var change in new Action<AuditEntry>[]
                 {
                     x => x.Seq = 8, x => x.At = x.At.AddMilliseconds(1), x => x.UserName = "staff2", x => x.Ip = "10.0.0.1",
                     x => x.Action = "delete", x => x.EntityId = "y", x => x.Summary += "。", x => x.Before = "{\"a\":1}",
                     x => x.After = null, x => x.PrevHash = new string('1', 64),
                 })
        {
            var copy = new AuditEntry
            {
                Seq = e.Seq, At = e.At, UserName = e.UserName, Ip = e.Ip, Action = e.Action, EntityType = e.EntityType,
                EntityId = e.EntityId, Summary = e.Summary, Before = e.Before, After = e.After, PrevHash = e.PrevHash,
            };
            change(copy);
            Assert.NotEqual(h, AuditTrail.ComputeHash(copy));
        }
    }
}
