using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Modules;

public sealed class PeopleTests : ApiTestBase
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_resident_is_registered_with_region_and_tags_and_listed_without_a_phone(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var grid = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var region = await app.Db(db => db.Regions.FirstAsync(r => r.Level == RegionLevel.Community));
        var birth = new DateOnly(1938, 2, 3);
        var body = new
        {
            name = "独居老人甲", idNumber = ChineseIdNumber.Compose("370830", birth, 222, Gender.Female), gender = "Female",
            birthDate = Iso(birth), orgId = grid.Id, regionId = region.Id, tags = new[] { "独居", "高龄老人" },
        };
        var created = await api.PostAsync("/api/v1/people", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var detail = await Api.Read<JsonElement>(created);
        Assert.Equal(region.Name, detail.GetProperty("regionName").GetString());
        Assert.False(detail.GetProperty("isMember").GetBoolean());

        var list = await api.GetJsonAsync<JsonElement>($"/api/v1/people?name={Uri.EscapeDataString("独居老人甲")}");
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("phoneMasked").ValueKind);
        Assert.Equal(["独居", "高龄老人"], row.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var dup = await Api.Problem(await api.PostAsync("/api/v1/people", body), HttpStatusCode.Conflict);
        Assert.Contains("已登记", dup.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Residents_filter_by_membership_and_a_members_person_cannot_be_deleted_here(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var members = (await api.GetJsonAsync<JsonElement>("/api/v1/people?isMember=true&pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        var others = (await api.GetJsonAsync<JsonElement>("/api/v1/people?isMember=false&pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(members, p => Assert.True(p.GetProperty("isMember").GetBoolean()));
        Assert.All(others, p => Assert.False(p.GetProperty("isMember").GetBoolean()));
        Assert.Equal(40, others.Count);
        var problem = await Api.Problem(await api.DeleteAsync($"/api/v1/people/{members[0].GetProperty("id").GetGuid()}"), HttpStatusCode.BadRequest);
        Assert.Contains("该居民是党员", Api.FieldErrors(problem, "id")[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/people/{others[0].GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(39, (await api.GetJsonAsync<JsonElement>("/api/v1/people?isMember=false")).GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Editing_a_members_resident_record_keeps_the_membership_rules_and_the_roster_name(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var created = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/members", new MemberBuilder(branch.Id).With("joinedOn", "2005-07-01").With("fullMemberOn", "2006-07-01").Build()));
        var personId = created.GetProperty("personId").GetGuid();
        var young = new DateOnly(2000, 1, 1);
        var tooYoung = new { name = "测试乙", idNumber = ChineseIdNumber.Compose("370830", young, 17, Gender.Male), gender = "Male", birthDate = Iso(young), orgId = branch.Id };
        var problem = await Api.Problem(await api.PutAsync($"/api/v1/people/{personId}", tooYoung), HttpStatusCode.BadRequest);
        Assert.Contains("入党", Api.FieldErrors(problem, "birthDate")[0], StringComparison.Ordinal);

        var renamed = new { name = "测试乙", gender = "Male", birthDate = created.GetProperty("birthDate").GetString(), orgId = branch.Id };
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"/api/v1/people/{personId}", renamed)).StatusCode);
        var row = await api.GetJsonAsync<JsonElement>($"/api/v1/members/{created.GetProperty("id").GetGuid()}");
        Assert.Equal("测试乙", row.GetProperty("name").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Tag_changes_are_audited_and_bad_tags_or_phones_are_refused(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var grid = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var birth = new DateOnly(1950, 5, 6);
        object Body(object? tags, string? phone = null) => new { name = "标签测试", idNumber = ChineseIdNumber.Compose("370830", birth, 41, Gender.Male), gender = "Male", birthDate = Iso(birth), orgId = grid.Id, tags, phone };
        Assert.NotEmpty(Api.FieldErrors(await Api.Problem(await api.PostAsync("/api/v1/people", Body(new string?[] { null })), HttpStatusCode.BadRequest), "tags"));
        Assert.NotEmpty(Api.FieldErrors(await Api.Problem(await api.PostAsync("/api/v1/people", Body(null, "138００１３８０００")), HttpStatusCode.BadRequest), "phone"));
        var id = (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/people", Body(new[] { "低保", "残疾" })))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"/api/v1/people/{id}", new { name = "标签测试", gender = "Male", birthDate = Iso(birth), orgId = grid.Id, tags = Array.Empty<string>() })).StatusCode);
        var entries = await app.Db(db => db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Summary.StartsWith("修改标签")).OrderBy(a => a.Seq).ToListAsync());
        Assert.Equal(2, entries.Count); // set on creation, cleared on edit
        Assert.Contains("低保", entries[1].Before, StringComparison.Ordinal);
    }
}
