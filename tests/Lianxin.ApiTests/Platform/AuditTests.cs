using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Platform;

public sealed class AuditTests : ApiTestBase
{
    private static async Task<int> Execute(TestApp app, string sql) =>
        await app.Db(db => db.Database.ExecuteSqlRawAsync(sql));

    [Theory, MemberData(nameof(Providers))]
    public async Task The_chain_verifies_and_a_tampered_entry_is_found(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staff = await app.SignInAsync("staff");
        await staff.PostAsync("/api/v1/members", new MemberBuilder((await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id).Build());
        var auditor = await app.SignInAsync("auditor");
        var ok = await Api.Read<JsonElement>(await auditor.PostAsync("/api/v1/audit/verify"));
        Assert.True(ok.GetProperty("ok").GetBoolean(), ok.ToString());
        var count = ok.GetProperty("checked").GetInt64();
        Assert.True(count >= 5);

        // The database refuses edits of the log; someone with full rights drops the guard and edits an entry.
        await Assert.ThrowsAnyAsync<Exception>(() => Execute(app, "UPDATE sys_audit_entries SET \"Summary\" = 'x' WHERE \"Seq\" = 3"));
        if (provider == Provider.Sqlite)
            await Execute(app, "DROP TRIGGER sys_audit_no_update");
        else
            await Execute(app, "DROP TRIGGER sys_audit_no_change ON sys_audit_entries");
        await Execute(app, "UPDATE sys_audit_entries SET \"Summary\" = '登录成功：nobody' WHERE \"Seq\" = 3");
        var broken = await Api.Read<JsonElement>(await auditor.PostAsync("/api/v1/audit/verify"));
        Assert.False(broken.GetProperty("ok").GetBoolean());
        Assert.Equal(3, broken.GetProperty("firstBrokenSeq").GetInt64());
        Assert.Contains("篡改", broken.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Emptying_the_log_wholesale_is_refused(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await Assert.ThrowsAnyAsync<Exception>(() => Execute(app, provider == Provider.Postgres ? "TRUNCATE sys_audit_entries" : "DELETE FROM sys_audit_entries"));
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_removed_entry_breaks_the_chain(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.SignInAsync("staff");
        await app.SignInAsync("staff2");
        await Assert.ThrowsAnyAsync<Exception>(() => Execute(app, "DELETE FROM sys_audit_entries WHERE \"Seq\" = 2"));
        await Execute(app, provider == Provider.Sqlite ? "DROP TRIGGER sys_audit_no_delete" : "DROP TRIGGER sys_audit_no_change ON sys_audit_entries");
        await Execute(app, "DELETE FROM sys_audit_entries WHERE \"Seq\" = 2");
        var auditor = await app.SignInAsync("auditor");
        var broken = await Api.Read<JsonElement>(await auditor.PostAsync("/api/v1/audit/verify"));
        Assert.False(broken.GetProperty("ok").GetBoolean());
        Assert.Equal(2, broken.GetProperty("firstBrokenSeq").GetInt64());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_auditor_searches_by_action_and_user_with_before_and_after(Provider provider)
    {
        // The test host has no client address; give every request one, as a proxy or Kestrel would.
        await using var app = await TestApp.StartAsync(provider, b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, FixedClientAddress>()));
        var admin = await app.SignInAsync("orgadmin");
        var org = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        await admin.PutAsync($"/api/v1/orgs/{org.Id}", new { name = org.Name + "（更名）", kind = org.Kind.ToString() });
        await app.Anonymous().LoginAsync("orgadmin", "nope");
        var auditor = await app.SignInAsync("auditor");
        var updates = await auditor.GetJsonAsync<JsonElement>("/api/v1/audit?action=update&userName=orgadmin");
        var row = Assert.Single(updates.GetProperty("items").EnumerateArray());
        Assert.Equal("修改", row.GetProperty("actionLabel").GetString());
        Assert.Contains(org.Name, row.GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.Contains("（更名）", row.GetProperty("after").GetString(), StringComparison.Ordinal);
        var failures = await auditor.GetJsonAsync<JsonElement>("/api/v1/audit?action=login.failure");
        Assert.Equal(1, failures.GetProperty("total").GetInt32());
        Assert.Equal("10.20.30.40", failures.GetProperty("items")[0].GetProperty("ip").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Behind_a_trusted_proxy_the_audit_records_the_forwarded_client_address(Provider provider)
    {
        foreach (var (trusted, expected) in new[] { ("10.20.30.40", "203.0.113.9"), ("10.9.9.9", "10.20.30.40") })
        {
            await using var app = await TestApp.StartAsync(provider, b =>
            {
                b.UseSetting("Lianxin:TrustedProxies", trusted);
                b.ConfigureServices(s => s.AddSingleton<IStartupFilter, FixedClientAddress>());
            });
            var api = app.Anonymous();
            api.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
            await api.LoginAsync("staff", "wrong");
            var entry = await app.Db(db => db.AuditEntries.SingleAsync(a => a.Action == "login.failure"));
            Assert.Equal(expected, entry.Ip);
        }
    }

    private sealed class FixedClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nxt) => { ctx.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.20.30.40"); return nxt(ctx); });
            next(app);
        };
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_writers_keep_one_unbroken_chain(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SignInAsync("orgadmin")));
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var responses = await Task.WhenAll(clients.SelectMany(c => Enumerable.Range(0, 5).Select(_ => c.PostAsync("/api/v1/members", new MemberBuilder(branch.Id).Build()))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var auditor = await app.SignInAsync("auditor");
        var result = await Api.Read<JsonElement>(await auditor.PostAsync("/api/v1/audit/verify"));
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
    }
}
