using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Modules;

public sealed class OrganizationTests : ApiTestBase
{
    [Theory, MemberData(nameof(Providers))]
    public async Task The_tree_loads_lazily_from_the_users_own_root_with_subtree_member_counts(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var roots = await api.GetJsonAsync<JsonElement[]>("/api/v1/orgs/children");
        var root = Assert.Single(roots);
        Assert.Equal(app.Seed.FirstStreetOrgId, root.GetProperty("id").GetGuid());
        var expected = await app.Db(async db =>
        {
            var path = await db.PartyOrgs.Where(o => o.Id == app.Seed.FirstStreetOrgId).Select(o => o.Path).FirstAsync();
            return (await db.Members.Select(m => m.OrgPath).ToListAsync()).Count(p => p.StartsWith(path, StringComparison.Ordinal));
        });
        Assert.True(expected > 0);
        Assert.Equal(expected, root.GetProperty("memberCount").GetInt32());
        var children = await api.GetJsonAsync<JsonElement[]>($"/api/v1/orgs/children?parentId={app.Seed.FirstStreetOrgId}");
        Assert.Equal(root.GetProperty("childCount").GetInt32(), children.Length);
        Assert.Equal(expected, children.Sum(c => c.GetProperty("memberCount").GetInt32()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Organization_member_counts_stay_equal_to_a_real_count_through_every_kind_of_write(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var a = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var b = await Seeded.BranchUnder(app, app.Seed.SecondStreetOrgId);
        var created = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/members", new MemberBuilder(a.Id).Build()));
        var id = created.GetProperty("id").GetGuid();
        var moved = new MemberBuilder(b.Id).With("idNumber", null).With("phone", null)
            .With("birthDate", created.GetProperty("birthDate").GetString()).With("gender", "Male").Build();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"/api/v1/members/{id}", moved)).StatusCode);   // changes organization
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/members/{await Seeded.AnyMemberUnder(app, app.Seed.FirstStreetOrgId)}")).StatusCode);
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId, OrgKind.PartyCommittee);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/orgs/{community.Id}/move", new { newParentId = app.Seed.SecondStreetOrgId })).StatusCode);

        var mismatches = await app.Db(async db =>
        {
            var real = await db.Members.GroupBy(m => m.OrgId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N);
            var kept = await db.PartyOrgs.Select(o => new { o.Id, o.MemberCount }).ToListAsync();
            return kept.Where(o => o.MemberCount != real.GetValueOrDefault(o.Id)).ToList();
        });
        Assert.Empty(mismatches);
        // And the list total for a whole subtree (from those counts) equals a filtered count over the same rows.
        var whole = (await api.GetJsonAsync<JsonElement>($"/api/v1/members?orgId={app.Seed.SecondStreetOrgId}")).GetProperty("total").GetInt32();
        var byStatus = (await api.GetJsonAsync<JsonElement>($"/api/v1/members?orgId={app.Seed.SecondStreetOrgId}&status=Full")).GetProperty("total").GetInt32()
            + (await api.GetJsonAsync<JsonElement>($"/api/v1/members?orgId={app.Seed.SecondStreetOrgId}&status=Probationary")).GetProperty("total").GetInt32();
        Assert.Equal(byStatus, whole);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_rename_and_search_an_organization(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId, OrgKind.PartyCommittee);
        var created = await api.PostAsync("/api/v1/orgs", new { parentId = community.Id, name = "幸福里小区党支部", kind = "CompoundBranch", secretaryName = "王芳" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var org = await Api.Read<JsonElement>(created);
        var id = org.GetProperty("id").GetGuid();
        Assert.Equal("小区党支部", org.GetProperty("kindLabel").GetString());
        Assert.Equal(community.Name, org.GetProperty("pathNames").EnumerateArray().Reverse().Skip(1).First().GetString());

        var renamed = await api.PutAsync($"/api/v1/orgs/{id}", new { name = "幸福里第一小区党支部", kind = "CompoundBranch" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var hits = await api.GetJsonAsync<JsonElement[]>("/api/v1/orgs/search?q=" + Uri.EscapeDataString("幸福里第一"));
        var hit = Assert.Single(hits);
        Assert.Equal(id, hit.GetProperty("id").GetGuid());
        Assert.Equal("中共汶上县委员会", hit.GetProperty("pathNames")[0].GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_branch_cannot_hold_a_committee_and_a_group_holds_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var problem = await Api.Problem(await api.PostAsync("/api/v1/orgs", new { parentId = branch.Id, name = "某党委", kind = "PartyCommittee" }), HttpStatusCode.BadRequest);
        Assert.Equal(["网格党支部下不能设立党委"], Api.FieldErrors(problem, "kind"));
        var group = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId, OrgKind.BuildingGroup);
        problem = await Api.Problem(await api.PostAsync("/api/v1/orgs", new { parentId = group.Id, name = "某小组", kind = "Group" }), HttpStatusCode.BadRequest);
        Assert.Equal(["楼栋党小组下不能设立党小组"], Api.FieldErrors(problem, "kind"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Moving_a_subtree_carries_its_members_and_is_audited(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId, OrgKind.PartyCommittee);
        var subtreeMembers = (await api.GetJsonAsync<JsonElement>($"/api/v1/orgs/{community.Id}")).GetProperty("memberCount").GetInt32();
        Assert.True(subtreeMembers > 0);
        var before = (await api.GetJsonAsync<JsonElement>($"/api/v1/members?orgId={app.Seed.SecondStreetOrgId}&pageSize=1")).GetProperty("total").GetInt32();

        var moved = await api.PostAsync($"/api/v1/orgs/{community.Id}/move", new { newParentId = app.Seed.SecondStreetOrgId });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var detail = await Api.Read<JsonElement>(moved);
        Assert.Equal(app.Seed.SecondStreetOrgId, detail.GetProperty("parentId").GetGuid());
        Assert.Equal(subtreeMembers, detail.GetProperty("memberCount").GetInt32());

        var after = (await api.GetJsonAsync<JsonElement>($"/api/v1/members?orgId={app.Seed.SecondStreetOrgId}&pageSize=1")).GetProperty("total").GetInt32();
        Assert.Equal(before + subtreeMembers, after);
        // Every descendant's path now starts with the new parent's path; staff of the first street no longer sees it.
        var paths = await app.Db(async db =>
        {
            var parent = await db.PartyOrgs.FirstAsync(o => o.Id == app.Seed.SecondStreetOrgId);
            var moved = await db.PartyOrgs.FirstAsync(o => o.Id == community.Id);
            var descendants = (await db.PartyOrgs.ToListAsync()).Where(o => o.Path.StartsWith(moved.Path, StringComparison.Ordinal)).ToList();
            return (parent, moved, descendants);
        });
        Assert.StartsWith(paths.parent.Path, paths.moved.Path, StringComparison.Ordinal);
        Assert.Equal(paths.parent.Depth + 1, paths.moved.Depth);
        Assert.All(paths.descendants, d => Assert.Equal(d.Path.Count(c => c == '/') - 2, d.Depth));
        var staff = await app.SignInAsync("staff");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/orgs/{community.Id}")).StatusCode);
        Assert.Equal(1, await app.Db(db => db.AuditEntries.CountAsync(a => a.Action == "move" && a.EntityId == community.Id.ToString())));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_organization_cannot_move_under_its_own_descendant(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var problem = await Api.Problem(await api.PostAsync($"/api/v1/orgs/{app.Seed.FirstStreetOrgId}/move", new { newParentId = branch.Id }), HttpStatusCode.BadRequest);
        Assert.Contains("不能把组织移动到它自己或它的下级组织之下", Api.FieldErrors(problem, "newParentId"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_an_empty_organization_can_be_closed(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var problem = await Api.Problem(await api.PostAsync($"/api/v1/orgs/{branch.Id}/close", new { reason = "合并" }), HttpStatusCode.BadRequest);
        Assert.Contains("请先撤销或移走下级组织", Api.FieldErrors(problem, "id")[0], StringComparison.Ordinal);

        var group = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId, OrgKind.BuildingGroup);
        var hasMembers = await app.Db(db => db.Members.AnyAsync(m => m.OrgId == group.Id));
        var empty = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/orgs", new { parentId = branch.Id, name = "新建党小组", kind = "Group" }));
        var closed = await api.PostAsync($"/api/v1/orgs/{empty.GetProperty("id").GetGuid()}/close", new { reason = "并入楼栋党小组" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Closed", (await Api.Read<JsonElement>(closed)).GetProperty("status").GetString());
        Assert.Equal(1, await app.Db(db => db.AuditEntries.CountAsync(a => a.Action == "close")));
        if (hasMembers)
        {
            problem = await Api.Problem(await api.PostAsync($"/api/v1/orgs/{group.Id}/close", new { reason = "x" }), HttpStatusCode.BadRequest);
            Assert.Contains("该组织仍有党员", Api.FieldErrors(problem, "id")[0], StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_crossing_moves_at_once_cannot_make_a_cycle(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var a = await app.SignInAsync("orgadmin");
        var b = await app.SignInAsync("orgadmin");
        var communities = await app.Db(async db =>
        {
            var street = await db.PartyOrgs.FirstAsync(o => o.Id == app.Seed.FirstStreetOrgId);
            return await db.PartyOrgs.Where(o => o.ParentId == street.Id && o.Kind == OrgKind.PartyCommittee).Select(o => o.Id).Take(2).ToListAsync();
        });
        var results = await Task.WhenAll(
            a.PostAsync($"/api/v1/orgs/{communities[0]}/move", new { newParentId = communities[1] }),
            b.PostAsync($"/api/v1/orgs/{communities[1]}/move", new { newParentId = communities[0] }));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.BadRequest);
        var orgs = await app.Db(db => db.PartyOrgs.AsNoTracking().ToListAsync());
        Assert.All(orgs, o => Assert.Equal(o.Path.Length, o.Path.Replace(o.Segment, "", StringComparison.Ordinal).Length + o.Segment.Length));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_organization_still_responsible_for_residents_cannot_be_closed(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var home = await app.Db(db => db.People.Where(p => !db.Members.Any(m => m.PersonId == p.Id)).Select(p => p.OrgId).FirstAsync());
        var emptied = await app.Db(async db =>
        {
            // Leave the organization with residents only: no members, no child organizations.
            await db.Members.Where(m => m.OrgId == home).ExecuteUpdateAsync(u => u.SetProperty(m => m.IsDeleted, true));
            await db.PartyOrgs.Where(o => o.ParentId == home).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OrgStatus.Closed));
            return home;
        });
        var problem = await Api.Problem(await api.PostAsync($"/api/v1/orgs/{emptied}/close", new { reason = "合并" }), HttpStatusCode.BadRequest);
        Assert.Contains("居民", Api.FieldErrors(problem, "id")[0], StringComparison.Ordinal);
    }
}
