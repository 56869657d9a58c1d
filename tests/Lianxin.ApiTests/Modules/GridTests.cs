using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Grids.Features;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Modules;

public sealed class GridTests : ApiTestBase
{
    private static object GridBody(Guid? orgId, string name, string code, object boundary, string level = "First", Guid? parentId = null) =>
        new { orgId, parentId, level, name, code, buildings = 12, households = 300, boundary };

    private static async Task<Guid> CreateGrid(Api api, object body) =>
        (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/grids", body))).GetProperty("id").GetGuid();

    private static async Task<Guid> Leaf(TestApp app) => await app.Db(db => db.EventCategories.Where(c => c.Code == "HJWS-01").Select(c => c.Id).FirstAsync());

    private static object EventBody(Guid categoryId, double? lon, double? lat, string? address = null, Guid? orgId = null) =>
        new { categoryId, network = "UrbanManagement", description = "小区门口垃圾堆放三天无人清理", lon, lat, address, orgId, reporterKind = "GridStaff" };

    private static async Task<JsonElement> Act(Api api, Guid id, string action, object? body = null) =>
        await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/grid/events/{id}/actions/{action}", body ?? new { }));

    [Theory, MemberData(nameof(Providers))]
    public async Task Sibling_grids_may_share_a_border_but_not_overlap_and_bad_boundaries_are_refused_without_a_trace(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var a = await CreateGrid(api, GridBody(community.Id, "幸福里一网格", "G-A", Seeded.Square(116.50, 35.70)));
        await CreateGrid(api, GridBody(community.Id, "幸福里二网格", "G-B", Seeded.Square(116.51, 35.70)));   // shares A's east edge

        var p = await Api.Problem(await api.PostAsync("/api/v1/grid/grids", GridBody(community.Id, "重叠网格", "G-C", Seeded.Square(116.505, 35.705))), HttpStatusCode.BadRequest);
        Assert.Contains("幸福里一网格", Api.FieldErrors(p, "boundary")[0]);
        var open = new { type = "Polygon", coordinates = new[] { new[] { new[] { 116.6, 35.7 }, new[] { 116.61, 35.7 }, new[] { 116.61, 35.71 } } } };
        p = await Api.Problem(await api.PostAsync("/api/v1/grid/grids", GridBody(community.Id, "未闭合", "G-D", open)), HttpStatusCode.BadRequest);
        Assert.Contains("未闭合", Api.FieldErrors(p, "boundary")[0]);
        var bowtie = new { type = "Polygon", coordinates = new[] { new[] { new[] { 116.6, 35.7 }, new[] { 116.61, 35.71 }, new[] { 116.61, 35.7 }, new[] { 116.6, 35.71 }, new[] { 116.6, 35.7 } } } };
        p = await Api.Problem(await api.PostAsync("/api/v1/grid/grids", GridBody(community.Id, "自相交", "G-E", bowtie)), HttpStatusCode.BadRequest);
        Assert.Contains("自相交", Api.FieldErrors(p, "boundary")[0]);
        // A second-level grid must lie inside its parent; a first-level one cannot sit under another first-level one.
        p = await Api.Problem(await api.PostAsync("/api/v1/grid/grids", GridBody(null, "越界二级", "G-F", Seeded.Square(116.509, 35.70, 0.005), "Second", a)), HttpStatusCode.BadRequest);
        Assert.Contains("幸福里一网格", Api.FieldErrors(p, "boundary")[0]);
        p = await Api.Problem(await api.PostAsync("/api/v1/grid/grids", GridBody(null, "层级错", "G-G", Seeded.Square(116.50, 35.70, 0.005), "First", a)), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "level"));
        // A duplicate code is refused; nothing of the refused grids was written.
        p = await Api.Problem(await api.PostAsync("/api/v1/grid/grids", GridBody(community.Id, "重码", "G-A", Seeded.Square(116.70, 35.70))), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "code"));
        Assert.Equal(2, await app.Db(db => db.Grids.CountAsync()));

        // Moving A's boundary onto B is refused the same way on update.
        var detail = await api.GetJsonAsync<JsonElement>($"/api/v1/grid/grids/{a}");
        var version = detail.GetProperty("grid").GetProperty("version").GetGuid();
        p = await Api.Problem(await api.PutAsync($"/api/v1/grid/grids/{a}", new { orgId = community.Id, level = "First", name = "幸福里一网格", code = "G-A",
            boundary = Seeded.Square(116.505, 35.70), version }), HttpStatusCode.BadRequest);
        Assert.Contains("幸福里二网格", Api.FieldErrors(p, "boundary")[0]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_reported_point_goes_to_the_deepest_grid_holding_it_a_border_point_to_one_grid_and_a_point_outside_all_to_the_community_queue(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var a = await CreateGrid(api, GridBody(community.Id, "一网格", "R-A", Seeded.Square(116.50, 35.70)));
        var b = await CreateGrid(api, GridBody(community.Id, "二网格", "R-B", Seeded.Square(116.51, 35.70)));
        var a1 = await CreateGrid(api, GridBody(null, "一网格北片", "R-A1", Seeded.Square(116.50, 35.705, 0.005), "Second", a));
        var leaf = await Leaf(app);

        async Task<JsonElement> Report(object body) => (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/events", body))).GetProperty("event");
        var inside = await Report(EventBody(leaf, 116.502, 35.702));
        Assert.Equal("一网格", inside.GetProperty("gridName").GetString());
        Assert.False(inside.GetProperty("outsideGrid").GetBoolean());
        Assert.Equal("一网格北片", (await Report(EventBody(leaf, 116.502, 35.707))).GetProperty("gridName").GetString());
        // Exactly on the shared edge of 一网格 and 二网格: one of them, always the same (the smaller code).
        Assert.Equal("一网格", (await Report(EventBody(leaf, 116.51, 35.702))).GetProperty("gridName").GetString());
        Assert.Equal("二网格", (await Report(EventBody(leaf, 116.515, 35.702))).GetProperty("gridName").GetString());
        // Near but outside every grid: the community of the nearest grid, flagged.
        var outside = await Report(EventBody(leaf, 116.525, 35.702));
        Assert.True(outside.GetProperty("outsideGrid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, outside.GetProperty("gridName").ValueKind);
        Assert.Equal(community.Id, outside.GetProperty("orgId").GetGuid());
        // Far from every grid with no community named: refused, nothing written; with the community named: its queue.
        var p = await Api.Problem(await api.PostAsync("/api/v1/grid/events", EventBody(leaf, 120.0, 30.0, orgId: Guid.NewGuid())), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "lon"));
        var far = await Report(EventBody(leaf, 120.0, 30.0, orgId: community.Id));
        Assert.True(far.GetProperty("outsideGrid").GetBoolean());
        // An address only: the named community's queue.
        var byAddress = await Report(EventBody(leaf, null, null, "幸福里小区3号楼", community.Id));
        Assert.True(byAddress.GetProperty("outsideGrid").GetBoolean());
        Assert.Equal(7, await app.Db(db => db.GridEvents.CountAsync()));
        var queue = await api.GetJsonAsync<JsonElement>($"/api/v1/grid/events?outside=true&orgId={community.Id}");
        Assert.Equal(3, queue.GetProperty("total").GetInt32());

        // A clerk places a queued event into a grid.
        var placed = await Api.Read<JsonElement>(await api.PutAsync($"/api/v1/grid/events/{outside.GetProperty("id").GetGuid()}/place", new { gridId = b }));
        Assert.Equal("二网格", placed.GetProperty("event").GetProperty("gridName").GetString());
        Assert.Equal(2, (await api.GetJsonAsync<JsonElement>($"/api/v1/grid/events?outside=true&orgId={community.Id}")).GetProperty("total").GetInt32());

        // A grid edited on another instance is routed by this one once the stamp is read again.
        await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var g = await db.Grids.FirstAsync(x => x.Id == b);
            g.SoftDelete("合并", db.Now.AddSeconds(1));
            await db.SaveChangesAsync();
        });
        _ = a1;
        var index = app.Factory.Services.GetRequiredService<GridIndex>();
        index.Invalidate();   // stands in for the stamp interval passing
        Assert.True((await Report(EventBody(leaf, 116.515, 35.702))).GetProperty("outsideGrid").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_event_goes_round_the_closed_loop_with_every_step_on_its_timeline_and_illegal_steps_refused(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        await CreateGrid(api, GridBody(community.Id, "一网格", "L-A", Seeded.Square(116.50, 35.70)));
        var unit = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/handling-units", new { orgId = app.Seed.FirstStreetOrgId, name = "街道城管中队", kind = "Department" }));
        var created = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/events", EventBody(await Leaf(app), 116.502, 35.702)));
        var id = created.GetProperty("event").GetProperty("id").GetGuid();
        Assert.Contains("Accept", created.GetProperty("allowedActions").EnumerateArray().Select(x => x.GetString()));

        // Dispatch before acceptance is refused with the state named; nothing changes.
        var p = await Api.Problem(await api.PostAsync($"/api/v1/grid/events/{id}/actions/dispatch", new { handlingUnitId = unit.GetProperty("id").GetGuid() }), HttpStatusCode.BadRequest);
        Assert.Contains("待研判", Api.FieldErrors(p, "action")[0]);
        p = await Api.Problem(await api.PostAsync($"/api/v1/grid/events/{id}/actions/fly", new { }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "action"));

        await Act(api, id, "accept");
        var dispatched = await Act(api, id, "dispatch", new { handlingUnitId = unit.GetProperty("id").GetGuid() });
        var deadline = dispatched.GetProperty("event").GetProperty("deadline").GetDateTime();
        var reported = dispatched.GetProperty("event").GetProperty("reportedAt").GetDateTime();
        Assert.InRange((deadline - reported).TotalHours, 47.9, 48.1);  // 乱堆乱放: 48 hours
        Assert.Equal("街道城管中队", dispatched.GetProperty("event").GetProperty("handlingUnitName").GetString());
        await Act(api, id, "start");
        p = await Api.Problem(await api.PostAsync($"/api/v1/grid/events/{id}/actions/progress", new { }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "note"));
        await Act(api, id, "progress", new { note = "已联系物业，明早清运" });
        await Act(api, id, "feedback", new { note = "已清运完毕" });
        var failed = await Act(api, id, "fail", new { note = "楼后仍有垃圾" });
        Assert.Equal("InProgress", failed.GetProperty("event").GetProperty("status").GetString());
        await Act(api, id, "feedback", new { note = "楼后垃圾已清" });
        var closed = await Act(api, id, "pass", new { note = "现场核查通过" });
        Assert.Equal("Closed", closed.GetProperty("event").GetProperty("status").GetString());
        var rated = await Act(api, id, "rate", new { rating = 5, note = "处理及时" });
        Assert.Equal(5, rated.GetProperty("event").GetProperty("rating").GetInt32());
        p = await Api.Problem(await api.PostAsync($"/api/v1/grid/events/{id}/actions/rate", new { rating = 4 }), HttpStatusCode.BadRequest);
        Assert.Contains("已评价", Api.FieldErrors(p, "rating")[0]);

        // 回头看 re-opens it; the history stays and the next close is on the same event.
        var reopened = await Act(api, id, "reopen", new { note = "回头看发现垃圾再次堆放" });
        Assert.Equal("InProgress", reopened.GetProperty("event").GetProperty("status").GetString());
        Assert.Equal(1, reopened.GetProperty("reopenCount").GetInt32());
        var actions = reopened.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()).ToList();
        Assert.Equal(["report", "accept", "dispatch", "start", "progress", "feedback", "fail", "feedback", "pass", "rate", "reopen"], actions);
        Assert.All(reopened.GetProperty("steps").EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("actorName").GetString())));
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(x => x.EntityType == "事件" && x.EntityId == id.ToString() && x.Action == "update")));

        // A grid worker cannot 研判 or 派单 (those need grid:dispatch); a staff member of another street cannot see it at all.
        var other = await app.SignInAsync("staff2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/grid/events/{id}/actions/feedback", new { note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/grid/events/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_duplicate_is_merged_a_reject_needs_a_reason_and_merged_events_leave_the_figures(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        await CreateGrid(api, GridBody(community.Id, "一网格", "M-A", Seeded.Square(116.50, 35.70)));
        var leaf = await Leaf(app);
        var first = (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/events", EventBody(leaf, 116.502, 35.702)))).GetProperty("event").GetProperty("id").GetGuid();
        var dup = (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/events", EventBody(leaf, 116.5021, 35.7021)))).GetProperty("event").GetProperty("id").GetGuid();
        var third = (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/events", EventBody(leaf, 116.503, 35.703)))).GetProperty("event").GetProperty("id").GetGuid();
        var merged = await Act(api, dup, "merge", new { duplicateOfId = first });
        Assert.Equal("Merged", merged.GetProperty("event").GetProperty("status").GetString());
        Assert.Equal(first, merged.GetProperty("duplicateOfId").GetGuid());
        var p = await Api.Problem(await api.PostAsync($"/api/v1/grid/events/{third}/actions/reject", new { }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "note"));
        await Act(api, third, "reject", new { note = "非本辖区事务，已告知来电人" });
        var figures = await api.GetJsonAsync<JsonElement>($"/api/v1/grid/events/figures?orgId={community.Id}");
        Assert.Equal(2, figures.GetProperty("total").GetProperty("reported").GetInt32());
        Assert.Equal(0, figures.GetProperty("total").GetProperty("closed").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_event_past_its_deadline_escalates_one_level_up_once_and_shows_in_the_overdue_list(Provider provider)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(provider, b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var api = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        await CreateGrid(api, GridBody(community.Id, "一网格", "E-A", Seeded.Square(116.50, 35.70)));
        var id = (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/events", EventBody(await Leaf(app), 116.502, 35.702)))).GetProperty("event").GetProperty("id").GetGuid();
        await Act(api, id, "accept");
        await Act(api, id, "dispatch", new { toGrid = true, deadlineHours = 4 });
        var job = app.Factory.Services.GetRequiredService<EventEscalation>();
        clock.Advance(TimeSpan.FromHours(4));
        api = await app.SignInAsync("staff");                              // the session idled out meanwhile
        Assert.Equal(0, await job.RunDueAsync(CancellationToken.None));   // at the deadline: not yet
        Assert.Empty((await api.GetJsonAsync<JsonElement>("/api/v1/grid/events?overdue=true")).GetProperty("items").EnumerateArray());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await job.RunDueAsync(CancellationToken.None));
        Assert.Equal(0, await job.RunDueAsync(CancellationToken.None));   // once

        var detail = await api.GetJsonAsync<JsonElement>($"/api/v1/grid/events/{id}");
        Assert.True(detail.GetProperty("event").GetProperty("overdue").GetBoolean());
        Assert.True(detail.GetProperty("event").GetProperty("escalated").GetBoolean());
        Assert.Equal("escalate", detail.GetProperty("steps").EnumerateArray().Last().GetProperty("action").GetString());
        Assert.Equal(community.ParentId, await app.Db(db => db.GridEvents.Where(e => e.Id == id).Select(e => e.EscalatedOrgId).FirstAsync()));
        Assert.Equal(1, await app.Db(db => db.Notifications.CountAsync(n => n.OrgId == community.ParentId && n.Kind == "grid.overdue")));
        var overdue = await api.GetJsonAsync<JsonElement>("/api/v1/grid/events?overdue=true");
        Assert.Equal(id, Assert.Single(overdue.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        // Handled late, it stays counted as overdue in the figures after closing.
        await Act(api, id, "start");
        await Act(api, id, "feedback", new { note = "已处理" });
        await Act(api, id, "pass");
        var figures = await api.GetJsonAsync<JsonElement>($"/api/v1/grid/events/figures?orgId={community.Id}");
        Assert.Equal(1, figures.GetProperty("total").GetProperty("overdue").GetInt32());
        Assert.Equal(1, figures.GetProperty("total").GetProperty("closed").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_figures_of_a_seed_like_dataset_come_out_exactly_and_follow_the_publishing_settings(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        // 四会: 743 reported, 739 closed since the start of the year; a few events of another street must not count.
        await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var cats = await db.EventCategories.Where(c => c.ParentId != null).OrderBy(c => c.Code).ToListAsync();
            var other = await db.PartyOrgs.FirstAsync(o => o.Id == app.Seed.SecondStreetOrgId);
            var start = new DateTime(2026, 1, 5, 1, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 750; i++)
            {
                var c = cats[i % cats.Count];
                var here = i < 743;
                var e = GridEvent.Report($"S-{i:D5}", c, c.ParentId!.Value, (EventNetwork)(i % 5), "事件", 116.5, 35.7, null,
                    here ? (community.Id, community.Path, null, null, false) : (other.Id, other.Path, null, null, false),
                    ReporterKind.GridStaff, "网格员", null, null, start.AddHours(i * 7));
                var t = start.AddHours(i * 7);
                e.Apply(EventAction.Accept, t.AddHours(1));
                e.Dispatch(null, "网格", t.AddHours(48), t.AddHours(2));
                e.Apply(EventAction.Start, t.AddHours(3));
                if (i % 185 != 184 || !here)   // 4 of the 743 stay in handling
                {
                    e.Apply(EventAction.Feedback, t.AddHours(i % 10 == 0 ? 60 : 10));    // one in ten handled after the deadline
                    e.Apply(EventAction.Pass, t.AddHours(i % 10 == 0 ? 62 : 12));
                    if (i % 3 == 0) e.Rate(i % 6 == 0 ? 5 : 3, null, t.AddHours(20));
                }
                db.GridEvents.Add(e);
            }
            await db.SaveChangesAsync();
        });
        var api = await app.SignInAsync("orgadmin");
        var url = $"/api/v1/grid/events/figures?orgId={community.Id}&from=2026-01-01&to=2026-12-31";
        var total = (await api.GetJsonAsync<JsonElement>(url)).GetProperty("total");
        Assert.Equal(743, total.GetProperty("reported").GetInt32());
        Assert.Equal(739, total.GetProperty("closed").GetInt32());
        Assert.Equal(99.46m, total.GetProperty("closedRate").GetDecimal());
        // Overdue: handled after the deadline, plus the 4 still being handled long after theirs.
        var lateHere = Enumerable.Range(0, 743).Count(i => i % 10 == 0 && i % 185 != 184);
        Assert.Equal(lateHere + 4, total.GetProperty("overdue").GetInt32());
        var ratedHere = Enumerable.Range(0, 743).Where(i => i % 185 != 184 && i % 3 == 0).ToList();
        var satisfied = ratedHere.Count(i => i % 6 == 0);
        Assert.Equal(Math.Round(satisfied * 100m / ratedHere.Count, 2, MidpointRounding.AwayFromZero), total.GetProperty("satisfaction").GetDecimal());
        Assert.Equal(62.0, total.GetProperty("p90Hours").GetDouble());   // more than a tenth took 62 hours
        var byNetwork = (await api.GetJsonAsync<JsonElement>(url)).GetProperty("byNetwork").EnumerateArray().ToList();
        Assert.Equal(743, byNetwork.Sum(n => n.GetProperty("reported").GetInt32()));

        // 四会 publishes one decimal, cut off: 99.4%.
        var sys = await app.SignInAsync("sysadmin");
        Assert.Equal(HttpStatusCode.OK, (await sys.PutAsync("/api/v1/grid/settings", new { rateDecimals = 1, rateRounding = "Truncate" })).StatusCode);
        Assert.Equal(99.4m, (await api.GetJsonAsync<JsonElement>(url)).GetProperty("total").GetProperty("closedRate").GetDecimal());
        var bad = await Api.Problem(await sys.PutAsync("/api/v1/grid/settings", new { rateDecimals = 9 }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(bad, "rateDecimals"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_big_queue_read_along_the_time_index_pages_newest_first_and_stays_in_its_subtree(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        // 2,400 events here (past the size from which the queue walks the time index) and 300 in a sibling street, interleaved in time.
        await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var c = await db.EventCategories.FirstAsync(x => x.ParentId != null);
            var other = await db.PartyOrgs.FirstAsync(o => o.Id == app.Seed.SecondStreetOrgId);
            var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 2700; i++)
            {
                var here = i % 9 != 0;
                db.GridEvents.Add(GridEvent.Report($"Q-{i:D5}", c, c.ParentId!.Value, EventNetwork.Comprehensive, "事件", null, null, "地址",
                    here ? (community.Id, community.Path, null, null, true) : (other.Id, other.Path, null, null, true),
                    ReporterKind.GridStaff, "网格员", null, null, start.AddMinutes(i * 13)));
            }
            await db.SaveChangesAsync();
        });
        var api = await app.SignInAsync("staff");
        var expected = Enumerable.Range(0, 2700).Where(i => i % 9 != 0).OrderByDescending(i => i).Select(i => $"Q-{i:D5}").ToList();
        foreach (var page in new[] { 1, 3, 120 })
        {
            var got = await api.GetJsonAsync<JsonElement>($"/api/v1/grid/events?pageSize=20&page={page}");
            Assert.Equal(2400, got.GetProperty("total").GetInt32());
            Assert.Equal(expected.Skip((page - 1) * 20).Take(20), got.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("number").GetString()));
        }
        // The same subtree read by path (a text filter keeps it small) agrees.
        var one = await api.GetJsonAsync<JsonElement>("/api/v1/grid/events?q=Q-02699");
        Assert.Equal("Q-02699", Assert.Single(one.GetProperty("items").EnumerateArray()).GetProperty("number").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Photos_are_checked_by_their_bytes_and_size_and_attach_to_the_step_they_prove(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        await CreateGrid(api, GridBody(community.Id, "一网格", "P-A", Seeded.Square(116.50, 35.70)));
        var id = (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/events", EventBody(await Leaf(app), 116.502, 35.702)))).GetProperty("event").GetProperty("id").GetGuid();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];
        var photo = await Api.Read<JsonElement>(await api.UploadAsync($"/api/v1/grid/events/{id}/photos", jpeg, "现场.png", "image/png"));
        Assert.Equal("现场.jpg", photo.GetProperty("fileName").GetString());   // named after what it is

        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0];
        var p = await Api.Problem(await api.UploadAsync($"/api/v1/grid/events/{id}/photos", exe, "photo.jpg", "image/jpeg"), HttpStatusCode.BadRequest);
        Assert.Contains("JPG", Api.FieldErrors(p, "file")[0]);
        var big = new byte[50 * 1024 * 1024];
        jpeg.CopyTo(big, 0);
        p = await Api.Problem(await api.UploadAsync($"/api/v1/grid/events/{id}/photos", big, "big.jpg", "image/jpeg"), HttpStatusCode.BadRequest);
        Assert.Contains("10 MB", Api.FieldErrors(p, "file")[0]);
        Assert.Equal(1, await app.Db(db => db.GridPhotos.CountAsync()));

        await Act(api, id, "accept");
        await Act(api, id, "dispatch", new { toGrid = true });
        await Act(api, id, "start");
        var after = await Api.Read<JsonElement>(await api.UploadAsync($"/api/v1/grid/events/{id}/photos", jpeg, "处置后.jpg", "image/jpeg"));
        var done = await Act(api, id, "feedback", new { note = "已清理", photoIds = new[] { after.GetProperty("id").GetGuid() } });
        var step = done.GetProperty("steps").EnumerateArray().Last();
        Assert.Equal(after.GetProperty("id").GetGuid(), Assert.Single(step.GetProperty("photoIds").EnumerateArray()).GetGuid());
        var download = await api.GetAsync($"/api/v1/grid/photos/{after.GetProperty("id").GetGuid()}");
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jpeg, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Grids_round_trip_through_GeoJSON_and_a_file_with_one_bad_feature_writes_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        object Feature(string code, string level, string? parent, object geometry) =>
            new { type = "Feature", properties = new { name = "网格" + code, code, level, parentCode = parent, buildings = 3, households = 90 }, geometry };
        var good = new
        {
            type = "FeatureCollection",
            features = new[]
            {
                Feature("J-A1", "二级网格", "J-A", Seeded.Square(116.50, 35.70, 0.005)),     // child listed before its parent
                Feature("J-A", "一级网格", null, Seeded.Square(116.50, 35.70)),
                Feature("J-B", "一级网格", null, Seeded.Square(116.51, 35.70)),
            },
        };
        var bad = new
        {
            type = "FeatureCollection",
            features = new[]
            {
                Feature("K-A", "一级网格", null, Seeded.Square(116.60, 35.70)),
                Feature("K-B", "一级网格", null, Seeded.Square(116.605, 35.70)),               // overlaps K-A
            },
        };
        var p = await Api.Problem(await api.PostAsync($"/api/v1/grid/grids/import?orgId={community.Id}", bad), HttpStatusCode.BadRequest);
        Assert.Contains(p.GetProperty("errors").EnumerateObject(), e => e.Value[0].GetString()!.Contains("K-A"));
        Assert.Equal(0, await app.Db(db => db.Grids.CountAsync()));

        var result = await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/grid/grids/import?orgId={community.Id}", good));
        Assert.Equal(3, result.GetProperty("created").GetInt32());
        var exported = await api.GetJsonAsync<JsonElement>($"/api/v1/grid/grids/export?orgId={community.Id}");
        Assert.Equal("FeatureCollection", exported.GetProperty("type").GetString());
        var features = exported.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["J-A", "J-A1", "J-B"], features.Select(f => f.GetProperty("properties").GetProperty("code").GetString()));
        Assert.Equal("J-A", features[1].GetProperty("properties").GetProperty("parentCode").GetString());
        // Re-importing the export changes nothing but updates in place.
        var again = await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/grid/grids/import?orgId={community.Id}", exported));
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(3, again.GetProperty("updated").GetInt32());
        Assert.Equal(3, await app.Db(db => db.Grids.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Mediation_success_rate_and_an_inspection_finding_rechecked_with_before_and_after_photos(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var outcomes = new[] { "Success", "Success", "Success", "Failure", "Transferred", null };
        foreach (var (o, i) in outcomes.Select((o, i) => (o, i)))
        {
            var c = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/mediations", new
            {
                orgId = community.Id, title = $"纠纷{i}", parties = new[] { "张某", "李某" }, mediator = "老干部和事佬", mediatorTeam = "银发调解队",
                acceptedOn = Iso(Today.AddDays(-10)),
            }));
            var cid = c.GetProperty("case").GetProperty("id").GetGuid();
            await api.PostAsync($"/api/v1/grid/mediations/{cid}/sessions", new { heldOn = Iso(Today.AddDays(-5)), notes = "双方到场" });
            if (o is not null)
                Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/grid/mediations/{cid}/conclude", new { outcome = o, note = "转交司法所" })).StatusCode);
        }
        var p = await Api.Problem(await api.PostAsync("/api/v1/grid/mediations", new { orgId = community.Id, title = "x", parties = new[] { "张某" }, mediator = "y", acceptedOn = Iso(Today) }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "parties"));
        var figures = await api.GetJsonAsync<JsonElement>($"/api/v1/grid/mediations/figures?orgId={community.Id}&year={Today.Year}");
        Assert.Equal(6, figures.GetProperty("cases").GetInt32());
        Assert.Equal(5, figures.GetProperty("concluded").GetInt32());
        Assert.Equal(60.00m, figures.GetProperty("successRate").GetDecimal());

        var grid = await CreateGrid(api, GridBody(community.Id, "一网格", "I-A", Seeded.Square(116.50, 35.70)));
        var insp = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/inspections", new { gridId = grid, kind = "JointWeekly", scheduledOn = Iso(Today), inspectors = "街道、社区、物业" }));
        var iid = insp.GetProperty("inspection").GetProperty("id").GetGuid();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        var before = (await Api.Read<JsonElement>(await api.UploadAsync($"/api/v1/grid/inspections/{iid}/photos", png, "整改前.png"))).GetProperty("id").GetGuid();
        var withFinding = await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/grid/inspections/{iid}/findings",
            new { description = "3号楼楼道堆放杂物", photoId = before, deadline = Iso(Today.AddDays(3)) }));
        var fid = withFinding.GetProperty("findings")[0].GetProperty("id").GetGuid();
        p = await Api.Problem(await api.PostAsync($"/api/v1/grid/inspections/{iid}/findings/{fid}/recheck", new { passed = true }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "photoId"));
        var after = (await Api.Read<JsonElement>(await api.UploadAsync($"/api/v1/grid/inspections/{iid}/photos", png, "整改后.png"))).GetProperty("id").GetGuid();
        var rechecked = await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/grid/inspections/{iid}/findings/{fid}/recheck", new { passed = true, photoId = after, note = "已清理" }));
        var f = rechecked.GetProperty("findings")[0];
        Assert.Equal("Rectified", f.GetProperty("status").GetString());
        Assert.Equal(before, f.GetProperty("photoId").GetGuid());
        Assert.Equal(after, f.GetProperty("recheckPhotoId").GetGuid());
        Assert.Equal(0, rechecked.GetProperty("inspection").GetProperty("openFindings").GetInt32());

        // An inspection that found nothing is recorded as done; one not yet due cannot be.
        var quiet = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/inspections", new { gridId = grid, kind = "Routine", scheduledOn = Iso(Today), inspectors = "网格员" }));
        var done = await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/grid/inspections/{quiet.GetProperty("inspection").GetProperty("id").GetGuid()}/done"));
        Assert.Equal(Iso(Today), done.GetProperty("inspection").GetProperty("doneOn").GetString());
        var later = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/grid/inspections", new { gridId = grid, kind = "Routine", scheduledOn = Iso(Today.AddDays(7)), inspectors = "网格员" }));
        p = await Api.Problem(await api.PostAsync($"/api/v1/grid/inspections/{later.GetProperty("inspection").GetProperty("id").GetGuid()}/done"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "doneOn"));
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
}
