using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Platform.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Platform;

public sealed class CommandLineTests : ApiTestBase
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Admin_bootstraps_an_empty_database_with_a_system_administrator_who_can_sign_in(Provider provider)
    {
        var database = await TestDatabases.NewEmptyDatabaseAsync(provider);
        string[] common = ["--db", database, "--Lianxin:DataDirectory=" + TestDatabases.DataDirectory,
            "--Lianxin:Privacy:DataKey=" + LianxinFactory.DataKey, "--Lianxin:Privacy:IndexKey=" + LianxinFactory.IndexKey];
        Assert.Equal(0, await LianxinCli.RunAsync(["migrate", .. common]));
        Assert.Equal(2, await LianxinCli.RunAsync(["admin", .. common]));                       // usage: names are required
        Assert.Equal(1, await LianxinCli.RunAsync(["admin", "--user", "root", "--password", "weak", .. common])); // password policy
        Assert.Equal(0, await LianxinCli.RunAsync(["admin", "--user", "root", "--password", "Bootstrap2026", "--org", "中共某市委员会", .. common]));

        await using var factory = new LianxinFactory(database);
        var api = new Api(factory.CreateClient());
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync("root", "Bootstrap2026")).StatusCode);
        var me = await api.GetJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(["系统管理员"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("中共某市委员会", me.GetProperty("orgName").GetString());
        var audited = await factory.AsSystemAsync(sp => sp.GetRequiredService<Lianxin.Platform.Persistence.AppDbContext>()
            .AuditEntries.CountAsync(a => a.Summary == "命令行创建系统管理员：root"));
        Assert.Equal(1, audited);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_OpenAPI_document_describes_the_api(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var doc = await app.Anonymous().GetJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/members", paths);
        Assert.Contains("/api/v1/orgs/{id}/move", paths);
        Assert.Contains("/api/v1/audit/verify", paths);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/swagger/index.html")).StatusCode);
    }
}
