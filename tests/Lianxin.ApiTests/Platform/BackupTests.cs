using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lianxin.ApiTests.Platform;

/// <summary>deploy/backup.sh and deploy/restore.sh, run for real: what was entered comes back, audit chain intact.</summary>
public sealed class BackupTests : ApiTestBase
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_backup_restored_into_an_empty_database_holds_everything_and_the_chain_verifies(Provider provider)
    {
        var source = await TestDatabases.NewDatabaseAsync(provider);
        string name;
        await using (var app = new LianxinFactory(source))
        {
            var api = new Api(app.CreateClient());
            Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync("staff", "Lianxin2026")).StatusCode);
            var orgId = await app.AsSystemAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                var street = await db.PartyOrgs.FirstAsync(o => o.Id == TestDatabases.Generated!.FirstStreetOrgId);
                return (await db.PartyOrgs.Where(o => o.Kind == Lianxin.Modules.Organizations.Domain.OrgKind.GridBranch).ToListAsync())
                    .First(o => o.Path.StartsWith(street.Path, StringComparison.Ordinal)).Id;
            });
            var member = new MemberBuilder(orgId);
            name = member.Name;
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/members", member.Build())).StatusCode);
        }

        var backup = Directory.CreateTempSubdirectory("lianxin-backup").FullName;
        var target = await TestDatabases.NewEmptyDatabaseAsync(provider);
        if (provider == Provider.Sqlite) File.Delete(target["Data Source=".Length..]); // restore wants a new file
        await Run("backup.sh", ScriptForm(source), backup, Path.Combine(backup, "no-data-dir"));
        await Run("restore.sh", backup, ScriptForm(target), Path.Combine(backup, "restored-data"));

        await using var restored = new LianxinFactory(target);
        var found = await restored.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Members.CountAsync(), await db.Members.AnyAsync(m => m.Name == name), await AuditTrail.VerifyAsync(db, default));
        });
        Assert.Equal(121, found.Item1);
        Assert.True(found.Item2);
        Assert.True(found.Item3.Ok, found.Item3.Message);
        var api2 = new Api(restored.CreateClient());
        Assert.Equal(HttpStatusCode.OK, (await api2.LoginAsync("staff", "Lianxin2026")).StatusCode);
        var list = await api2.GetJsonAsync<JsonElement>($"/api/v1/members?name={Uri.EscapeDataString(name)}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    /// <summary>The scripts take a postgres:// URL or sqlite:path.</summary>
    private static string ScriptForm(string setting)
    {
        if (setting.StartsWith("Data Source=", StringComparison.Ordinal)) return "sqlite:" + setting["Data Source=".Length..];
        var b = new NpgsqlConnectionStringBuilder(setting);
        return $"postgres://{b.Username}@{b.Host}:{b.Port}/{b.Database}";
    }

    private static async Task Run(string script, params string[] args)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Directory.Packages.props"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "deploy", script), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{script} failed ({p.ExitCode}): {await stdout}{await stderr}");
    }
}
