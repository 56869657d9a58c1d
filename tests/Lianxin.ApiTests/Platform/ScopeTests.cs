using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Platform.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Platform;

/// <summary>
/// A user of one street, holding every permission, must not reach anything of the sibling street:
/// every endpoint that takes a record id answers 404 for a sibling's record, exactly as for a missing one.
/// </summary>
public sealed class ScopeTests : ApiTestBase
{
    /// <summary>Route prefixes of endpoints with an {id}, and which seeded sibling record to use for each.</summary>
    private static readonly Dictionary<string, Func<Siblings, Guid>> IdFor = new()
    {
        ["/api/v1/orgs/"] = s => s.Org,
        ["/api/v1/members/"] = s => s.Member,
        ["/api/v1/people/"] = s => s.Person,
        ["/api/v1/users/"] = s => s.User,
        ["/api/v1/orglife/meetings/"] = s => s.OrgLife.Meeting,
        ["/api/v1/orglife/attachments/"] = s => s.OrgLife.Attachment,
        ["/api/v1/orglife/themed-plans/"] = s => s.OrgLife.Plan,
        ["/api/v1/orglife/themed-days/"] = s => s.OrgLife.ThemedDay,
        ["/api/v1/orglife/medals/"] = s => s.OrgLife.Medal,
        ["/api/v1/notifications/"] = s => s.OrgLife.Notification,
        ["/api/v1/mobile/episodes/"] = s => s.Mobile.Episode,
        ["/api/v1/mobile/visits/"] = s => s.Mobile.Visit,
        ["/api/v1/mobile/suggestions/"] = s => s.Mobile.Suggestion,
        ["/api/v1/grid/grids/"] = s => s.Grid.Grid,
        ["/api/v1/grid/events/"] = s => s.Grid.Event,
        ["/api/v1/grid/photos/"] = s => s.Grid.Photo,
        ["/api/v1/grid/handling-units/"] = s => s.Grid.Unit,
        ["/api/v1/grid/mediations/"] = s => s.Grid.Mediation,
        ["/api/v1/grid/inspections/"] = s => s.Grid.Inspection,
        ["/api/v1/grid/open311-clients/"] = s => s.Grid.Client,
    };

    /// <summary>Prefixes whose records have no GET by id (only actions on them).</summary>
    private static readonly string[] NoGet = ["/api/v1/orglife/medals/", "/api/v1/notifications/", "/api/v1/mobile/visits/", "/api/v1/mobile/suggestions/",
        "/api/v1/grid/handling-units/", "/api/v1/grid/open311-clients/"];

    /// <summary>行政区划 is reference data shared by all organizations: no scope applies (README, "Access").</summary>
    /// Event categories are the installation's reference data; Open311 is scoped by the client's api_key, not the
    /// session (tested in Open311Tests).
    /// Residents' own pages answer only to a resident's cookie and only with that resident's events (ResidentTests).
    private static readonly string[] Unscoped = ["/api/v1/regions/", "/api/v1/grid/categories/", "/open311/", "/api/v1/resident/"];

    private sealed record Siblings(Guid Org, Guid Member, Guid Person, Guid User, Seeded.OrgLifeIds OrgLife, Seeded.MobileIds Mobile, Seeded.GridIds Grid,
        WorkforceSeeded.ScopeIds Workforce);

    private static async Task<Api> SignInAllPowerfulStreetUser(TestApp app)
    {
        await app.Factory.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var u = new AppUser { Id = Guid.CreateVersion7(), UserName = "streetboss", DisplayName = "街道全权", OrgId = app.Seed.FirstStreetOrgId, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(u, "Lianxin2026")).Succeeded);
            Assert.True((await users.AddToRolesAsync(u, [Roles.OrgAdmin, Roles.SystemAdmin, Roles.SecurityAdmin])).Succeeded);
        });
        return await app.SignInAsync("streetboss");
    }

    private static async Task<Siblings> SiblingRecords(TestApp app) => new(
        (await Seeded.BranchUnder(app, app.Seed.SecondStreetOrgId)).Id,
        await Seeded.AnyMemberUnder(app, app.Seed.SecondStreetOrgId),
        await Seeded.AnyNonMemberPersonUnder(app, app.Seed.SecondStreetOrgId),
        await app.Db(db => db.Users.Where(u => u.UserName == "staff2").Select(u => u.Id).FirstAsync()),
        await Seeded.OrgLifeRecordsUnder(app, app.Seed.SecondStreetOrgId),
        await Seeded.MobileRecordsUnder(app, app.Seed.SecondStreetOrgId),
        await Seeded.GridRecordsUnder(app, app.Seed.SecondStreetOrgId, 116.60),
        await WorkforceSeeded.RecordsUnder(app, app.Seed.SecondStreetOrgId));

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_endpoint_with_a_record_id_answers_404_for_a_sibling_organizations_record(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await SignInAllPowerfulStreetUser(app);
        var siblings = await SiblingRecords(app);
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name == "id"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .ToList();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} endpoints with an id were found");
        var checkedCount = 0;
        foreach (var (method, pattern) in endpoints)
        {
            var route = "/" + pattern.TrimStart('/');
            if (Unscoped.Any(u => route.StartsWith(u, StringComparison.Ordinal))) continue;
            var prefix = IdFor.Keys.SingleOrDefault(k => route.StartsWith(k, StringComparison.Ordinal));
            var workforce = siblings.Workforce.Ids.Keys.Where(k => route.StartsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length);
            Assert.True(prefix is not null || workforce is not null,
                $"{method} {route} takes a record id but the scope test does not know it: add it to IdFor (or WorkforceSeeded)");
            var id = prefix is not null ? IdFor[prefix](siblings) : siblings.Workforce.Ids[workforce!];
            var url = route.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal);
            var resp = await api.SendAsync(new HttpMethod(method), url, method is "POST" or "PUT" ? new { } : null);
            Assert.True(resp.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)resp.StatusCode}: {await resp.Content.ReadAsStringAsync()}");
            checkedCount++;
        }
        Assert.True(checkedCount >= 15);
        // Nothing was changed by any of those requests (only the sign-in was audited).
        Assert.Equal(0, await app.Db(db => db.AuditEntries.CountAsync(a => a.UserName == "streetboss" && a.Action != "login.success")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_same_user_reaches_records_of_their_own_subtree(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await SignInAllPowerfulStreetUser(app);
        var own = new Siblings((await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id, await Seeded.AnyMemberUnder(app, app.Seed.FirstStreetOrgId),
            await Seeded.AnyNonMemberPersonUnder(app, app.Seed.FirstStreetOrgId), await app.Db(db => db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).FirstAsync()),
            await Seeded.OrgLifeRecordsUnder(app, app.Seed.FirstStreetOrgId), await Seeded.MobileRecordsUnder(app, app.Seed.FirstStreetOrgId),
            await Seeded.GridRecordsUnder(app, app.Seed.FirstStreetOrgId, 116.50), await WorkforceSeeded.RecordsUnder(app, app.Seed.FirstStreetOrgId));
        foreach (var (prefix, id) in IdFor.Where(kv => !NoGet.Contains(kv.Key)))
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(prefix + id(own))).StatusCode);
        foreach (var (prefix, id) in own.Workforce.Ids.Where(kv => !own.Workforce.NoGet.Contains(kv.Key)))
            Assert.True((await api.GetAsync(prefix + id)).StatusCode == HttpStatusCode.OK, prefix);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Lists_searches_and_counts_never_include_a_sibling_organization(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await SignInAllPowerfulStreetUser(app);
        await Api.Problem(await api.GetAsync($"/api/v1/members?orgId={app.Seed.SecondStreetOrgId}"), HttpStatusCode.NotFound);
        await Api.Problem(await api.GetAsync($"/api/v1/people?orgId={app.Seed.SecondStreetOrgId}"), HttpStatusCode.NotFound);
        await Api.Problem(await api.GetAsync($"/api/v1/orgs/children?parentId={app.Seed.SecondStreetOrgId}"), HttpStatusCode.NotFound);

        var ownPath = (await Seeded.Org(app, app.Seed.FirstStreetOrgId)).Path;
        var ownMembers = await app.Db(async db => (await db.Members.Select(m => m.OrgPath).ToListAsync()).Count(p => p.StartsWith(ownPath, StringComparison.Ordinal)));
        var list = await api.GetJsonAsync<JsonElement>("/api/v1/members?pageSize=100");
        Assert.Equal(ownMembers, list.GetProperty("total").GetInt32());
        var siblingName = (await Seeded.Org(app, app.Seed.SecondStreetOrgId)).Name;
        Assert.Empty(await api.GetJsonAsync<JsonElement[]>("/api/v1/orgs/search?q=" + Uri.EscapeDataString(siblingName[2..6])));
        var users = await api.GetJsonAsync<JsonElement>("/api/v1/users?pageSize=100");
        Assert.DoesNotContain("staff2", users.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
        Assert.Contains("staff", users.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
        var people = await api.GetJsonAsync<JsonElement>("/api/v1/people?pageSize=100");
        Assert.All(people.GetProperty("items").EnumerateArray(), p => Assert.NotEqual(siblingName, p.GetProperty("orgName").GetString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task References_to_a_sibling_organization_in_a_body_are_refused_and_nothing_is_written(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await SignInAllPowerfulStreetUser(app);
        var siblingBranch = await Seeded.BranchUnder(app, app.Seed.SecondStreetOrgId);
        var ownBranch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var p1 = await Api.Problem(await api.PostAsync("/api/v1/members", new MemberBuilder(siblingBranch.Id).Build()), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p1, "orgId"));
        var p2 = await Api.Problem(await api.PostAsync("/api/v1/orgs", new { parentId = siblingBranch.Id, name = "越权支部", kind = "Group" }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p2, "parentId"));
        var p3 = await Api.Problem(await api.PostAsync($"/api/v1/orgs/{ownBranch.Id}/move", new { newParentId = app.Seed.SecondStreetOrgId }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p3, "newParentId"));
        var p4 = await Api.Problem(await api.PostAsync("/api/v1/users", new { userName = "x1", displayName = "某", orgId = siblingBranch.Id, password = "Lianxin2026", roles = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p4, "orgId"));
        Assert.Equal(120, await app.Db(db => db.Members.CountAsync()));
        Assert.False(await app.Db(db => db.PartyOrgs.AnyAsync(o => o.Name == "越权支部")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Deactivating_a_user_ends_their_open_session_and_moving_them_changes_their_scope_at_once(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staff = await app.SignInAsync("staff");
        var staff2 = await app.SignInAsync("staff2");
        var sys = await app.SignInAsync("sysadmin");
        var ids = await app.Db(async db => await db.Users.Where(u => u.UserName == "staff" || u.UserName == "staff2").ToDictionaryAsync(u => u.UserName!, u => u.Id));

        var member = await Seeded.AnyMemberUnder(app, app.Seed.SecondStreetOrgId);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/members/{member}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sys.PutAsync($"/api/v1/users/{ids["staff"]}", new { displayName = "李工作", orgId = app.Seed.SecondStreetOrgId, isActive = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/members/{member}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await sys.PutAsync($"/api/v1/users/{ids["staff2"]}", new { displayName = "赵工作", orgId = app.Seed.SecondStreetOrgId, isActive = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff2.GetAsync("/api/v1/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().LoginAsync("staff2", "Lianxin2026")).StatusCode);
    }
}
