using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Platform.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Platform;

public sealed class AuthTests : ApiTestBase
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Sign_in_returns_the_user_roles_permissions_and_organization(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.Anonymous();
        var resp = await api.LoginAsync("orgadmin", "Lianxin2026");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var me = await api.GetJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal("orgadmin", me.GetProperty("userName").GetString());
        Assert.Equal(["组织管理员"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("member:reveal", me.GetProperty("permissions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(app.Seed.RootOrgId, me.GetProperty("orgId").GetGuid());
        var audited = await app.Db(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.LoginSuccess && a.UserName == "orgadmin"));
        Assert.Equal(1, audited);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Wrong_password_is_refused_in_Chinese_and_audited(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var resp = await app.Anonymous().LoginAsync("orgadmin", "wrong-password");
        var problem = await Api.Problem(resp, HttpStatusCode.Unauthorized);
        Assert.Equal("用户名或密码错误", problem.GetProperty("detail").GetString());
        var failure = await app.Db(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.LoginFailure));
        Assert.Equal("orgadmin", failure.UserName);
        Assert.DoesNotContain("wrong-password", failure.Summary + failure.Before + failure.After, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_user_gets_the_same_answer_as_a_wrong_password(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var problem = await Api.Problem(await app.Anonymous().LoginAsync("nobody", "Lianxin2026"), HttpStatusCode.Unauthorized);
        Assert.Equal("用户名或密码错误", problem.GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Five_failures_lock_the_account_even_for_the_right_password(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.Anonymous();
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await api.LoginAsync("staff", "bad" + i)).StatusCode);
        var fifth = await api.LoginAsync("staff", "bad5");
        var problem = await Api.Problem(fifth, (HttpStatusCode)423);
        Assert.Contains("锁定", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Api.Problem(await api.LoginAsync("staff", "Lianxin2026"), (HttpStatusCode)423);

        // The security administrator unlocks it.
        var sec = await app.SignInAsync("secadmin");
        var staffId = await app.Db(db => db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await sec.PostAsync($"/api/v1/users/{staffId}/unlock")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().LoginAsync("staff", "Lianxin2026")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unsafe_requests_without_the_antiforgery_token_are_refused(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var org = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var resp = await api.SendAsync(HttpMethod.Post, "/api/v1/members", new MemberBuilder(org.Id).Build(), withToken: false);
        var problem = await Api.Problem(resp, HttpStatusCode.BadRequest);
        Assert.Equal("请求校验失败", problem.GetProperty("title").GetString());
        Assert.Equal(120, await app.Db(db => db.Members.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Without_a_session_the_api_answers_401_problem(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var problem = await Api.Problem(await app.Anonymous().GetAsync("/api/v1/members"), HttpStatusCode.Unauthorized);
        Assert.Equal("未登录或登录已过期", problem.GetProperty("title").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_role_without_the_permission_gets_403(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var auditor = await app.SignInAsync("auditor");
        await Api.Problem(await auditor.GetAsync("/api/v1/members"), HttpStatusCode.Forbidden);
        var sysadmin = await app.SignInAsync("sysadmin");
        await Api.Problem(await sysadmin.GetAsync("/api/v1/audit"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Password_policy_is_enforced_with_Chinese_messages(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var resp = await api.PostAsync("/api/v1/auth/change-password", new { currentPassword = "Lianxin2026", newPassword = "short" });
        var problem = await Api.Problem(resp, HttpStatusCode.BadRequest);
        var messages = Api.FieldErrors(problem, "newPassword");
        Assert.Contains("密码至少 10 位", messages);
        Assert.Contains("密码须包含大写字母", messages);
        var ok = await api.PostAsync("/api/v1/auth/change-password", new { currentPassword = "Lianxin2026", newPassword = "NewPassw0rd2026" });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().LoginAsync("staff", "NewPassw0rd2026")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Separation_of_duties_refuses_combining_audit_with_other_roles(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var sec = await app.SignInAsync("secadmin");
        var staffId = await app.Db(db => db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).FirstAsync());
        var problem = await Api.Problem(await sec.PutAsync($"/api/v1/users/{staffId}/roles", new { roles = new[] { "审计管理员", "工作人员" } }), HttpStatusCode.BadRequest);
        Assert.Contains("三员分立", Api.FieldErrors(problem, "roles")[0], StringComparison.Ordinal);
        // The system administrator may create users but not assign roles.
        var sys = await app.SignInAsync("sysadmin");
        await Api.Problem(await sys.PutAsync($"/api/v1/users/{staffId}/roles", new { roles = new[] { "组织管理员" } }), HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_system_administrator_opens_accounts_and_the_security_administrator_grants_roles(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var sys = await app.SignInAsync("sysadmin");
        var withRoles = new { userName = "clerk1", displayName = "王文书", orgId = app.Seed.FirstStreetOrgId, password = "Lianxin2026x", roles = new[] { "工作人员" } };
        var refused = await Api.Problem(await sys.PostAsync("/api/v1/users", withRoles), HttpStatusCode.BadRequest);
        Assert.Contains("三员分立", Api.FieldErrors(refused, "roles")[0], StringComparison.Ordinal);
        var created = await sys.PostAsync("/api/v1/users", withRoles with { roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Api.Read<JsonElement>(created)).GetProperty("id").GetGuid();

        var sec = await app.SignInAsync("secadmin");
        Assert.Equal(HttpStatusCode.OK, (await sec.PutAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "工作人员" } })).StatusCode);
        var weak = await Api.Problem(await sec.PostAsync($"/api/v1/users/{id}/reset-password", new { newPassword = "abc" }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(weak, "newPassword"));
        Assert.Equal(HttpStatusCode.NoContent, (await sec.PostAsync($"/api/v1/users/{id}/reset-password", new { newPassword = "Reset2026Pw" })).StatusCode);
        var clerk = await app.SignInAsync("clerk1", "Reset2026Pw");
        var me = await clerk.GetJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(["工作人员"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, await app.Db(db => db.AuditEntries.CountAsync(a => a.Summary == "重置密码：clerk1")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Too_many_sign_in_attempts_from_one_address_are_slowed_down(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, b => b.UseSetting("Lianxin:SignIn:AttemptsPerMinutePerAddress", "3"));
        var api = app.Anonymous();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await api.LoginAsync("user" + i, "x")).StatusCode);
        var problem = await Api.Problem(await api.LoginAsync("staff", "Lianxin2026"), HttpStatusCode.TooManyRequests);
        Assert.Equal("操作过于频繁", problem.GetProperty("title").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Answers_carry_security_headers_and_api_answers_are_not_cached(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var resp = await api.GetAsync("/api/v1/members");
        Assert.Equal("nosniff", resp.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", resp.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(resp.Headers.CacheControl?.NoStore);
    }
}
