using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Platform;

/// <summary>三员分立: no administrator can widen their own powers or take over another administrator's account.</summary>
public sealed class SeparationOfDutiesTests : ApiTestBase
{
    private static Task<Dictionary<string, Guid>> Ids(TestApp app) =>
        app.Db(db => db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id));

    [Theory, MemberData(nameof(Providers))]
    public async Task The_security_administrator_cannot_grant_themselves_roles_or_take_over_administrators(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ids = await Ids(app);
        var sec = await app.SignInAsync("secadmin");
        var own = await Api.Problem(await sec.PutAsync($"/api/v1/users/{ids["secadmin"]}/roles", new { roles = new[] { "安全管理员", "组织管理员" } }), HttpStatusCode.BadRequest);
        Assert.Equal(["不能调整自己的角色"], Api.FieldErrors(own, "roles"));
        var combined = await Api.Problem(await sec.PutAsync($"/api/v1/users/{ids["staff"]}/roles", new { roles = new[] { "安全管理员", "组织管理员" } }), HttpStatusCode.BadRequest);
        Assert.Contains("三员分立", Api.FieldErrors(combined, "roles")[0], StringComparison.Ordinal);
        foreach (var admin in new[] { "sysadmin", "auditor" })
            await Api.Problem(await sec.PostAsync($"/api/v1/users/{ids[admin]}/reset-password", new { newPassword = "Takeover2026x" }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().LoginAsync("sysadmin", "Lianxin2026")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_system_administrator_cannot_disable_the_others_and_moving_an_account_withdraws_its_roles(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ids = await Ids(app);
        var sys = await app.SignInAsync("sysadmin");
        await Api.Problem(await sys.PutAsync($"/api/v1/users/{ids["auditor"]}", new { displayName = "审计管理员", isActive = false }), HttpStatusCode.BadRequest);
        await Api.Problem(await sys.PutAsync($"/api/v1/users/{ids["secadmin"]}", new { displayName = "安全管理员", orgId = app.Seed.FirstStreetOrgId }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().LoginAsync("auditor", "Lianxin2026")).StatusCode);

        // Moving staff to the county would widen their data scope: their roles are withdrawn until re-granted.
        var moved = await Api.Read<JsonElement>(await sys.PutAsync($"/api/v1/users/{ids["staff"]}", new { displayName = "李工作", orgId = app.Seed.RootOrgId, isActive = true }));
        Assert.Empty(moved.GetProperty("roles").EnumerateArray());
        var staff = await app.SignInAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/members")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Account_fields_are_length_checked_instead_of_failing_in_the_database(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var sys = await app.SignInAsync("sysadmin");
        var p = await Api.Problem(await sys.PostAsync("/api/v1/users", new { userName = new string('u', 70), displayName = new string('名', 60), orgId = app.Seed.RootOrgId, password = "Lianxin2026x", roles = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "userName"));
        Assert.NotEmpty(Api.FieldErrors(p, "displayName"));
    }
}
