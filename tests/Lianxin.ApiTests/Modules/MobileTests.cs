using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Mobile.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Modules;

public sealed class MobileTests : ApiTestBase
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static object Outbound(Guid memberId, Guid? flowInOrgId = null, DateOnly? left = null, DateOnly? back = null, string phone = "13800138000") => new
    {
        memberId, destinationRegionCode = "370102", destinationRegionName = "山东省济南市历下区", destinationAddress = "泉城路街道100号",
        reason = "Work", leftOn = Iso(left ?? Today.AddMonths(-4)), expectedReturnOn = Iso(back ?? Today.AddMonths(6)), contactPhone = phone,
        contactWeChat = "wx_zhang", flowInOrgId,
    };

    private static async Task<Guid> Register(Api api, object body)
    {
        var created = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/mobile/episodes", body));
        return created.GetProperty("id").GetGuid();
    }

    private static async Task CreateUser(TestApp app, string name, Guid orgId, string role = Roles.Staff) =>
        await app.Factory.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var u = new AppUser { Id = Guid.CreateVersion7(), UserName = name, DisplayName = name, OrgId = orgId, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(u, "Lianxin2026")).Succeeded);
            Assert.True((await users.AddToRoleAsync(u, role)).Succeeded);
        });

    private static async Task<PartyOrg> MobileBranch(TestApp app, string name) =>
        await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var root = await db.PartyOrgs.FirstAsync(o => o.Id == app.Seed.RootOrgId);
            var org = root.AddChild(name, OrgKind.MobileBranch, db.Now);
            db.PartyOrgs.Add(org);
            await db.SaveChangesAsync();
            return org;
        });

    private static JsonElement[] Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    [Theory, MemberData(nameof(Providers))]
    public async Task Registered_and_approved_the_member_shows_on_the_flow_in_side_which_records_for_both_and_a_third_organization_sees_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var home = await app.SignInAsync("staff");                 // 汶上街道: the member's home
        var flowInBranch = await Seeded.BranchUnder(app, app.Seed.SecondStreetOrgId);
        var homeBranch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var memberId = await Seeded.AnyMemberUnder(app, homeBranch.Id);
        var id = await Register(home, Outbound(memberId, flowInBranch.Id));

        var flowIn = await app.SignInAsync("staff2");              // 中都街道: the flow-in side
        // Pending: not yet the flow-in side's business.
        Assert.Empty(Items(await flowIn.GetJsonAsync<JsonElement>("/api/v1/mobile/episodes?side=In")));
        Assert.Equal(HttpStatusCode.NotFound, (await flowIn.GetAsync($"/api/v1/mobile/episodes/{id}")).StatusCode);
        // Staff may not approve; the county's organization administrator does.
        Assert.Equal(HttpStatusCode.Forbidden, (await home.PostAsync($"/api/v1/mobile/episodes/{id}/approve")).StatusCode);
        var county = await app.SignInAsync("orgadmin");
        var approved = await Api.Read<JsonElement>(await county.PostAsync($"/api/v1/mobile/episodes/{id}/approve"));
        Assert.Equal("Away", approved.GetProperty("state").GetString());
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.Action == "approve" && a.EntityId == id.ToString())));

        var inList = Items(await flowIn.GetJsonAsync<JsonElement>("/api/v1/mobile/episodes?side=In"));
        var row = Assert.Single(inList);
        Assert.Equal(memberId, row.GetProperty("memberId").GetGuid());
        var homeName = await app.Db(db => db.Members.Where(m => m.Id == memberId).Select(m => db.PartyOrgs.First(o => o.Id == m.OrgId).Name).FirstAsync());
        Assert.Equal(homeName, row.GetProperty("homeOrgName").GetString());
        Assert.True(row.GetProperty("isFlowInSide").GetBoolean());
        Assert.Equal("138****8000", row.GetProperty("contactPhoneMasked").GetString());
        var detail = await flowIn.GetJsonAsync<JsonElement>($"/api/v1/mobile/episodes/{id}");
        Assert.True(detail.GetProperty("isFlowInSide").GetBoolean());
        Assert.False(detail.GetProperty("canReturn").GetBoolean());
        // The flow-in side takes the member into its attendance list, marked, and records activities; it cannot close the episode.
        var roster = await flowIn.GetJsonAsync<JsonElement>($"/api/v1/orglife/roster?orgId={flowInBranch.Id}");
        var listed = roster.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("memberId").GetGuid() == memberId);
        Assert.True(listed.GetProperty("flowIn").GetBoolean());
        await Api.Read<JsonElement>(await flowIn.PostAsync($"/api/v1/mobile/episodes/{id}/activities",
            new { kind = "OrgLife", occurredOn = Iso(Today.AddDays(-3)), content = "参加流入地支部主题党日" }));
        Assert.Equal(HttpStatusCode.NotFound, (await flowIn.PostAsync($"/api/v1/mobile/episodes/{id}/return", new { returnedOn = Iso(Today) })).StatusCode);
        // The home side sees what the flow-in side recorded, marked as such.
        var seen = await home.GetJsonAsync<JsonElement>($"/api/v1/mobile/episodes/{id}");
        var activity = Assert.Single(seen.GetProperty("activities").EnumerateArray());
        Assert.True(activity.GetProperty("byFlowInSide").GetBoolean());
        Assert.Equal((await Seeded.Org(app, app.Seed.SecondStreetOrgId)).Name, activity.GetProperty("recordedByOrgName").GetString());

        // A clerk of the third street — outside both subtrees — sees none of it.
        var sibling = await app.Db(db => db.PartyOrgs.Where(o => o.ParentId == app.Seed.RootOrgId && o.Id != app.Seed.FirstStreetOrgId
            && o.Id != app.Seed.SecondStreetOrgId).OrderBy(o => o.Path).Select(o => o.Id).FirstAsync());
        await CreateUser(app, "third", sibling, Roles.OrgAdmin);
        var third = await app.SignInAsync("third");
        foreach (var side in new[] { "Out", "In", "All" })
            Assert.Empty(Items(await third.GetJsonAsync<JsonElement>($"/api/v1/mobile/episodes?side={side}")));
        Assert.Equal(HttpStatusCode.NotFound, (await third.GetAsync($"/api/v1/mobile/episodes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await third.PostAsync($"/api/v1/mobile/episodes/{id}/activities",
            new { kind = "OrgLife", occurredOn = Iso(Today), content = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await third.PostAsync($"/api/v1/mobile/episodes/{id}/reveal-phone")).StatusCode);
        var thirdRoster = await third.GetJsonAsync<JsonElement>($"/api/v1/orglife/roster?orgId={sibling}");
        Assert.DoesNotContain(thirdRoster.GetProperty("members").EnumerateArray(), m => m.GetProperty("memberId").GetGuid() == memberId);

        // After the return the flow-in side's lists no longer hold the member.
        await Api.Read<JsonElement>(await home.PostAsync($"/api/v1/mobile/episodes/{id}/return", new { returnedOn = Iso(Today) }));
        Assert.Empty(Items(await flowIn.GetJsonAsync<JsonElement>("/api/v1/mobile/episodes?side=In")));
        Assert.Equal(HttpStatusCode.NotFound, (await flowIn.GetAsync($"/api/v1/mobile/episodes/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_member_has_one_open_episode_an_overdue_one_is_listed_and_a_return_opens_the_way_for_the_next(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var memberId = await Seeded.AnyMemberUnder(app, app.Seed.FirstStreetOrgId);
        var id = await Register(api, Outbound(memberId, left: Today.AddMonths(-8), back: Today.AddDays(-5)));

        var p = await Api.Problem(await api.PostAsync("/api/v1/mobile/episodes", Outbound(memberId)), HttpStatusCode.BadRequest);
        Assert.Contains("该党员已有未结束的外出报备", Api.FieldErrors(p, "memberId")[0]);
        await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/mobile/episodes/{id}/approve"));
        await Api.Problem(await api.PostAsync("/api/v1/mobile/episodes", Outbound(memberId)), HttpStatusCode.BadRequest);

        var overdue = Items(await api.GetJsonAsync<JsonElement>("/api/v1/mobile/episodes?state=Overdue"));
        var row = Assert.Single(overdue);
        Assert.Equal(5, row.GetProperty("overdueDays").GetInt32());
        Assert.Equal("逾期未返", row.GetProperty("stateLabel").GetString());

        var bad = await Api.Problem(await api.PostAsync($"/api/v1/mobile/episodes/{id}/return", new { returnedOn = Iso(Today.AddMonths(-9)) }), HttpStatusCode.BadRequest);
        Assert.Equal(["返回日期不能早于外出日期"], Api.FieldErrors(bad, "returnedOn"));
        await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/mobile/episodes/{id}/return", new { returnedOn = Iso(Today.AddDays(-1)), note = "已回原籍" }));
        Assert.Empty(Items(await api.GetJsonAsync<JsonElement>("/api/v1/mobile/episodes?state=Overdue")));
        await Api.Problem(await api.PostAsync($"/api/v1/mobile/episodes/{id}/return", new { returnedOn = Iso(Today) }), HttpStatusCode.BadRequest);

        var next = await Register(api, Outbound(memberId));
        var history = Items(await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/episodes?memberId={memberId}"));
        Assert.Equal([next, id], history.Select(h => h.GetProperty("id").GetGuid()));
        // The database refuses a second open episode even when the check is raced past.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var m = await db.Members.FirstAsync(x => x.Id == memberId);
            var e = MobileEpisode.Register(Guid.CreateVersion7(), m.Id, m.Name, m.OrgId, m.OrgPath, "race", db.Now);
            e.SetDetails("370102", "济南", "地址", OutboundReason.Work, null, Today, Today.AddDays(30), db.Now);
            db.MobileEpisodes.Add(e);
            await db.SaveChangesAsync();
        }));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_registrations_are_refused_field_by_field_and_nothing_is_written(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var memberId = await Seeded.AnyMemberUnder(app, app.Seed.FirstStreetOrgId);
        var before = await app.Db(db => db.MobileEpisodes.CountAsync());
        var p = await Api.Problem(await api.PostAsync("/api/v1/mobile/episodes", new
        {
            memberId, destinationRegionCode = "990102", destinationRegionName = "", destinationAddress = "", reason = "Other",
            leftOn = Iso(Today), expectedReturnOn = Iso(Today.AddDays(-1)), contactPhone = "12345",
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["行政区划代码的省级代码不存在"], Api.FieldErrors(p, "destinationRegionCode"));
        Assert.Equal(["请填写在外居住地址"], Api.FieldErrors(p, "destinationAddress"));
        Assert.Equal(["外出原因为“其他”时请说明"], Api.FieldErrors(p, "reasonNote"));
        Assert.Equal(["预计返回日期不能早于外出日期"], Api.FieldErrors(p, "expectedReturnOn"));
        Assert.Equal(["请输入11位手机号码"], Api.FieldErrors(p, "contactPhone"));
        // A member of another street is not the clerk's to register.
        var stranger = await Seeded.AnyMemberUnder(app, app.Seed.SecondStreetOrgId);
        var q = await Api.Problem(await api.PostAsync("/api/v1/mobile/episodes", Outbound(stranger)), HttpStatusCode.BadRequest);
        Assert.Equal(["所选党员不存在或不在您的管辖范围内"], Api.FieldErrors(q, "memberId"));
        Assert.Equal(before, await app.Db(db => db.MobileEpisodes.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_mobile_branch_holds_members_of_two_home_organizations_whose_membership_stays_at_home(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var county = await app.SignInAsync("orgadmin");
        var baseline = await county.GetJsonAsync<JsonElement>($"/api/v1/mobile/report?orgId={app.Seed.RootOrgId}&year={Today.Year}");
        var mobile = await MobileBranch(app, "驻济南流动党支部");
        var a = await Seeded.AnyMemberUnder(app, app.Seed.FirstStreetOrgId);
        var b = await Seeded.AnyMemberUnder(app, app.Seed.SecondStreetOrgId);
        foreach (var m in new[] { a, b })
            await Api.Read<JsonElement>(await county.PostAsync($"/api/v1/mobile/episodes/{await Register(county, Outbound(m, mobile.Id))}/approve"));

        var roster = await county.GetJsonAsync<JsonElement>($"/api/v1/orglife/roster?orgId={mobile.Id}");
        var members = roster.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal([a, b], members.Select(m => m.GetProperty("memberId").GetGuid()).Order());
        Assert.All(members, m => Assert.True(m.GetProperty("flowIn").GetBoolean()));
        Assert.NotEqual(members[0].GetProperty("orgName").GetString(), members[1].GetProperty("orgName").GetString());

        // Participation is recorded at the mobile branch …
        var meeting = await Api.Read<JsonElement>(await county.PostAsync("/api/v1/orglife/meetings", new
        {
            orgId = mobile.Id, kind = "GeneralMeeting", heldOn = Iso(Today.AddDays(-2)), startTime = "19:00", place = "流动党员服务驿站", host = "王建国",
            topic = "学习党的二十届四中全会精神", minutes = "线上线下结合召开。", submit = true,
            attendance = members.Select(m => new { memberId = m.GetProperty("memberId").GetGuid(), present = true }),
        }));
        Assert.Equal(2, meeting.GetProperty("presentCount").GetInt32());
        // … while membership stays at home.
        Assert.Equal(0, await app.Db(db => db.Members.CountAsync(m => m.OrgId == mobile.Id)));
        var fourClear = await county.GetJsonAsync<JsonElement>($"/api/v1/mobile/four-clear/members?orgId={app.Seed.RootOrgId}");
        Assert.All(Items(fourClear).Where(r => new[] { a, b }.Contains(r.GetProperty("memberId").GetGuid())),
            r => Assert.True(r.GetProperty("orgLife").GetBoolean()));
        var report = await county.GetJsonAsync<JsonElement>($"/api/v1/mobile/report?orgId={app.Seed.RootOrgId}&year={Today.Year}");
        Assert.Equal(2, report.GetProperty("total").GetProperty("inMobileOrgs").GetInt32());
        Assert.Equal(baseline.GetProperty("total").GetProperty("mobileBranches").GetInt32() + 1, report.GetProperty("total").GetProperty("mobileBranches").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Four_clear_scores_each_member_and_the_summary_counts_those_at_four_of_four(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var ids = await app.Db(db => db.Members.Where(m => m.Person.PhoneMasked != null && m.Person.Address != null && m.Person.Education != null)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(3).ToListAsync());
        var full = await Register(api, Outbound(ids[0]));
        await api.PostAsync($"/api/v1/mobile/episodes/{full}/approve");
        await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/mobile/episodes/{full}/contacts",
            new { channel = "Phone", contactedOn = Iso(Today.AddDays(-90)), reachable = true, content = "电话联系，身体健康" }));
        await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/mobile/episodes/{full}/activities",
            new { kind = "OrgLife", occurredOn = Iso(Today.AddDays(-10)), content = "参加主题党日" }));
        var pending = await Register(api, Outbound(ids[1]));       // not approved: fails 底数清
        var silent = await Register(api, Outbound(ids[2]));        // approved, only an unreachable call
        await api.PostAsync($"/api/v1/mobile/episodes/{silent}/approve");
        await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/mobile/episodes/{silent}/contacts",
            new { channel = "Phone", contactedOn = Iso(Today), reachable = false, content = "无人接听" }));

        var rows = Items(await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/four-clear/members?orgId={app.Seed.RootOrgId}&pageSize=100"))
            .ToDictionary(r => r.GetProperty("memberId").GetGuid());
        Assert.Equal(4, rows[ids[0]].GetProperty("score").GetInt32());
        Assert.False(rows[ids[1]].GetProperty("registered").GetBoolean());
        Assert.False(rows[ids[2]].GetProperty("contact").GetBoolean());
        Assert.True(rows[ids[2]].GetProperty("registered").GetBoolean());
        var summary = await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/four-clear?orgId={app.Seed.RootOrgId}");
        Assert.Equal(rows.Count, summary.GetProperty("members").GetInt32());
        Assert.Equal(rows.Values.Count(r => r.GetProperty("score").GetInt32() == 4), summary.GetProperty("allFour").GetInt32());
        var failingContact = Items(await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/four-clear/members?orgId={app.Seed.RootOrgId}&failing=Contact&pageSize=100"));
        Assert.Contains(failingContact, r => r.GetProperty("memberId").GetGuid() == ids[2]);
        Assert.DoesNotContain(failingContact, r => r.GetProperty("memberId").GetGuid() == ids[0]);
        _ = pending;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Missing_reports_are_listed_and_go_into_the_home_branchs_monthly_reminder_and_no_contact_is_one_list(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var memberId = await Seeded.AnyMemberUnder(app, branch.Id);
        var id = await Register(api, Outbound(memberId, left: new DateOnly(Today.Year, Today.Month, 1).AddMonths(-3)));
        await api.PostAsync($"/api/v1/mobile/episodes/{id}/approve");
        var lastMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
        var period = $"{lastMonth.Year:D4}-{lastMonth.Month:D2}";
        await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/mobile/episodes/{id}/reports", new { period, content = "按时参加流入地组织生活" }));
        var dup = await Api.Problem(await api.PostAsync($"/api/v1/mobile/episodes/{id}/reports", new { period, content = "再报一次" }), HttpStatusCode.BadRequest);
        Assert.Contains("已经报告过", Api.FieldErrors(dup, "period")[0]);

        var missing = Assert.Single(Items(await api.GetJsonAsync<JsonElement>("/api/v1/mobile/missing-reports")));
        Assert.Equal(2, missing.GetProperty("missingPeriods").GetArrayLength()); // three ended months, one reported
        Assert.Single(Items(await api.GetJsonAsync<JsonElement>("/api/v1/mobile/no-contact")));
        await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/mobile/episodes/{id}/contacts",
            new { channel = "WeChat", contactedOn = Iso(Today), reachable = true, content = "微信视频" }));
        Assert.Empty(Items(await api.GetJsonAsync<JsonElement>("/api/v1/mobile/no-contact")));

        await Api.Read<JsonElement>(await api.PostAsync("/api/v1/orglife/reminders", new { orgId = branch.Id }));
        var lines = await app.Db(db => db.Notifications.Where(n => n.OrgId == branch.Id).Select(n => n.Lines).ToListAsync());
        Assert.Contains(lines.SelectMany(l => l), l => l.StartsWith("流动党员：1人未按期报告在外履责情况", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_yearly_report_reproduces_the_seed_figures_and_the_county_total_is_the_sum_of_its_streets(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var year = Today.Year;
        var cityId = Guid.CreateVersion7();
        // Seed 001: 640 members all registered; 8 mobile branches and 6 groups holding 235; 660 visits, 12 problems solved; 42 suggestions.
        await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = db.Now;
            var root = await db.PartyOrgs.FirstAsync(o => o.Id == app.Seed.RootOrgId);
            var city = root.AddChild("中共铜仁市委老干部工作党委", OrgKind.PartyCommittee, now, cityId);
            var counties = Enumerable.Range(1, 3).Select(i => city.AddChild($"县{i}老干部党总支", OrgKind.GeneralBranch, now)).ToList();
            var homes = counties.SelectMany(c => Enumerable.Range(1, 4).Select(i => c.AddChild($"{c.Name}离退休干部第{i}党支部", OrgKind.RetiredCadreBranch, now))).ToList();
            db.PartyOrgs.Add(city);
            db.PartyOrgs.AddRange(counties);
            db.PartyOrgs.AddRange(homes);
            var branches = Enumerable.Range(1, 8).Select(i => city.AddChild($"流动党支部{i}", OrgKind.MobileBranch, now)).ToList();
            var groups = Enumerable.Range(1, 6).Select(i => branches[i % 8].AddChild($"流动党小组{i}", OrgKind.MobileGroup, now)).ToList();
            db.PartyOrgs.AddRange(branches);
            db.PartyOrgs.AddRange(groups);
            await db.SaveChangesAsync();
            var mobileOrgs = branches.Concat(groups).ToList();

            var people = new List<Person>();
            var members = new List<Member>();
            var episodes = new List<MobileEpisode>();
            for (var i = 0; i < 640; i++)
            {
                var home = homes[i % homes.Count];
                var person = Person.Create(Guid.CreateVersion7(), $"流动{i}", now);
                person.SetIdentity($"流动{i}", Gender.Male, new DateOnly(1950, 1, 1), null, null, null, now);
                person.SetIdNumber("cipher", $"hash-{i}", "3708**********0000");
                person.AssignTo(home.Id, home.Path, null);
                var m = Member.Create(Guid.CreateVersion7(), person, now);
                m.SetMembership(home.Id, home.Path, new DateOnly(1975, 7, 1), new DateOnly(1976, 7, 1), MemberStatus.Full, MemberCategory.Mobile, now);
                people.Add(person);
                members.Add(m);
                var e = MobileEpisode.Register(Guid.CreateVersion7(), m.Id, m.Name, home.Id, home.Path, "test", now);
                e.SetDetails("520102", "贵州省贵阳市云岩区", "中华北路1号", OutboundReason.Retirement, null, new DateOnly(year, 1, 15), new DateOnly(year + 1, 1, 15), now);
                e.SetContact("cipher", "139****0000", null, now);
                if (i < 235) { var o = mobileOrgs[i % mobileOrgs.Count]; e.SetFlowIn(o.Id, o.Path, now); }
                e.Approve("test", now);
                if (i % 10 == 0) e.Return(new DateOnly(year, 3, 1), null, new DateOnly(year, 3, 1), now);
                episodes.Add(e);
            }
            var visits = new List<MobileVisit>();
            for (var i = 0; i < 660; i++)
            {
                var e = episodes[i % 640];
                var v = MobileVisit.Record(Guid.CreateVersion7(), e, e.MemberId, e.MemberName, e.OrgId, e.OrgPath, e.OrgId, "test", now);
                v.Set(VisitKind.Routine, new DateOnly(year, 1 + (i % 10), 5), "书记", null, i < 20 ? "困难" : null, i < 20 ? 1 : 0, i < 12 ? 1 : 0, now);
                visits.Add(v);
            }
            // A visit of last year does not count.
            var old = MobileVisit.Record(Guid.CreateVersion7(), episodes[0], episodes[0].MemberId, "流动0", episodes[0].OrgId, episodes[0].OrgPath, episodes[0].OrgId, "test", now);
            old.Set(VisitKind.Routine, new DateOnly(year - 1, 12, 31), "书记", null, "x", 1, 1, now);
            visits.Add(old);
            var suggestions = Enumerable.Range(0, 42).Select(i => MobileSuggestion.File(Guid.CreateVersion7(), episodes[i], episodes[i].MemberId,
                episodes[i].MemberName, episodes[i].OrgId, episodes[i].OrgPath, new DateOnly(year, 2, 1), SuggestionArea.Economy, $"建议{i}", "内容", episodes[i].OrgId, "test", now)).ToList();
            var bulk = new BulkWriter(db);
            await bulk.InsertAsync(people);
            await bulk.InsertAsync(members);
            await bulk.InsertAsync(episodes);
            await bulk.InsertAsync(visits);
            await bulk.InsertAsync(suggestions);
        });

        var api = await app.SignInAsync("orgadmin");
        var report = await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/report?orgId={cityId}&year={year}");
        var total = report.GetProperty("total");
        Assert.Equal((640, 640, 235, 8, 6, 660, 20, 12, 42), (total.GetProperty("mobileMembers").GetInt32(), total.GetProperty("registered").GetInt32(),
            total.GetProperty("inMobileOrgs").GetInt32(), total.GetProperty("mobileBranches").GetInt32(), total.GetProperty("mobileGroups").GetInt32(),
            total.GetProperty("visits").GetInt32(), total.GetProperty("problemsRaised").GetInt32(), total.GetProperty("problemsSolved").GetInt32(),
            total.GetProperty("suggestions").GetInt32()));
        // City, county or township: the same report at each level sums its subtree.
        var children = report.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(640, children.Sum(c => c.GetProperty("mobileMembers").GetInt32()));
        Assert.Equal(660, children.Sum(c => c.GetProperty("visits").GetInt32()));
        Assert.Equal(8, children.Sum(c => c.GetProperty("mobileBranches").GetInt32()));
        var county = children.First(c => c.GetProperty("mobileMembers").GetInt32() > 0 && c.GetProperty("mobileBranches").GetInt32() == 0);
        var countyReport = await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/report?orgId={county.GetProperty("orgId").GetGuid()}&year={year}");
        Assert.Equal(county.GetProperty("mobileMembers").GetInt32(), countyReport.GetProperty("total").GetProperty("mobileMembers").GetInt32());
        Assert.Equal(county.GetProperty("visits").GetInt32(), countyReport.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("visits").GetInt32()));
        // And the county committee above the city sums the city too.
        var above = (await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/report?year={year}")).GetProperty("total");
        Assert.True(above.GetProperty("mobileMembers").GetInt32() >= 640 && above.GetProperty("visits").GetInt32() == 660);
        // Last year holds only the old visit.
        Assert.Equal(1, (await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/report?orgId={cityId}&year={year - 1}")).GetProperty("total").GetProperty("visits").GetInt32());
        var xlsx = await api.GetAsync($"/api/v1/mobile/report/export?orgId={cityId}&year={year}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = Lianxin.Platform.Excel.Xlsx.ReadRows(stream).ToList();
        Assert.Equal(["合计", "640", "640", "235", "8", "6", "660", "20", "12", "42"], rows[^1].Take(10));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Visits_and_suggestions_are_recorded_by_either_side_and_listed_by_year(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var county = await app.SignInAsync("orgadmin");
        var flowInBranch = await Seeded.BranchUnder(app, app.Seed.SecondStreetOrgId);
        var memberId = await Seeded.AnyMemberUnder(app, app.Seed.FirstStreetOrgId);
        await county.PostAsync($"/api/v1/mobile/episodes/{await Register(county, Outbound(memberId, flowInBranch.Id))}/approve");
        var home = await app.SignInAsync("staff");
        var flowIn = await app.SignInAsync("staff2");

        var bad = await Api.Problem(await home.PostAsync("/api/v1/mobile/visits", new
        {
            memberId, kind = "Holiday", visitedOn = Iso(Today), visitors = "李书记", problems = "医保异地报销", problemsRaised = 1, problemsSolved = 2,
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["解决问题数不能多于反映问题数"], Api.FieldErrors(bad, "problemsSolved"));
        var visit = await Api.Read<JsonElement>(await home.PostAsync("/api/v1/mobile/visits", new
        {
            memberId, kind = "Holiday", visitedOn = Iso(Today), visitors = "李书记", problems = "医保异地报销", problemsRaised = 1, problemsSolved = 0,
        }));
        var solved = await Api.Read<JsonElement>(await flowIn.PutAsync($"/api/v1/mobile/visits/{visit.GetProperty("id").GetGuid()}", new
        {
            kind = "Holiday", visitedOn = Iso(Today), visitors = "李书记", problems = "医保异地报销", problemsRaised = 1, problemsSolved = 1,
            version = visit.GetProperty("version").GetGuid(),
        }));
        Assert.Equal(1, solved.GetProperty("problemsSolved").GetInt32());
        // A stale form is refused rather than overwriting.
        Assert.Equal(HttpStatusCode.Conflict, (await home.PutAsync($"/api/v1/mobile/visits/{visit.GetProperty("id").GetGuid()}", new
        {
            kind = "Holiday", visitedOn = Iso(Today), visitors = "李书记", problemsRaised = 0, problemsSolved = 0, version = visit.GetProperty("version").GetGuid(),
        })).StatusCode);
        await Api.Read<JsonElement>(await flowIn.PostAsync("/api/v1/mobile/suggestions", new
        {
            memberId, area = "Ecology", title = "加强河道保护", content = "建议家乡借鉴流入地河长制做法。",
        }));

        foreach (var api in new[] { home, flowIn })
        {
            Assert.Single(Items(await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/visits?year={Today.Year}")));
            Assert.Single(Items(await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/suggestions?year={Today.Year}")));
            Assert.Empty(Items(await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/visits?year={Today.Year - 1}")));
        }
        await Api.Problem(await home.GetAsync("/api/v1/mobile/visits?year=1999"), HttpStatusCode.BadRequest);
        // A member of another street who is not flowing in is nobody's business here.
        var stranger = await Seeded.AnyMemberUnder(app, app.Seed.SecondStreetOrgId);
        var p = await Api.Problem(await home.PostAsync("/api/v1/mobile/suggestions", new { memberId = stranger, area = "Other", title = "t", content = "c" }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["所选党员不存在或不在您的管辖范围内"], Api.FieldErrors(p, "memberId"));
        var report = await county.GetJsonAsync<JsonElement>($"/api/v1/mobile/report?year={Today.Year}");
        Assert.Equal((1, 1, 1), (report.GetProperty("total").GetProperty("visits").GetInt32(), report.GetProperty("total").GetProperty("problemsSolved").GetInt32(),
            report.GetProperty("total").GetProperty("suggestions").GetInt32()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_report_schedule_and_thresholds_are_settings(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignInAsync("sysadmin");
        var p = await Api.Problem(await admin.PutAsync("/api/v1/mobile/settings", new { noContactDays = 400 }), HttpStatusCode.BadRequest);
        Assert.Equal(["未联系天数应为1至365"], Api.FieldErrors(p, "noContactDays"));
        await Api.Read<JsonElement>(await admin.PutAsync("/api/v1/mobile/settings", new { reportFrequency = "Quarterly", noContactDays = 45 }));
        var api = await app.SignInAsync("orgadmin");
        var settings = await api.GetJsonAsync<JsonElement>("/api/v1/mobile/settings");
        Assert.Equal(("Quarterly", 45), (settings.GetProperty("reportFrequency").GetString(), settings.GetProperty("noContactDays").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/v1/mobile/settings", new { noContactDays = 10 })).StatusCode);
        // Reports now go by quarter.
        var memberId = await Seeded.AnyMemberUnder(app, app.Seed.FirstStreetOrgId);
        var id = await Register(api, Outbound(memberId, left: Today.AddMonths(-7)));
        await api.PostAsync($"/api/v1/mobile/episodes/{id}/approve");
        var wrong = await Api.Problem(await api.PostAsync($"/api/v1/mobile/episodes/{id}/reports", new { period = "2026-01", content = "x" }), HttpStatusCode.BadRequest);
        Assert.StartsWith("报告期格式不对", Api.FieldErrors(wrong, "period")[0]);
        var detail = await api.GetJsonAsync<JsonElement>($"/api/v1/mobile/episodes/{id}");
        Assert.All(detail.GetProperty("reports").EnumerateArray(), r => Assert.Contains("Q", r.GetProperty("period").GetString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Moving_an_organization_carries_its_mobile_records_along(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var memberId = await Seeded.AnyMemberUnder(app, branch.Id);
        var id = await Register(api, Outbound(memberId));
        var target = await app.Db(db => db.PartyOrgs.Where(o => o.ParentId == app.Seed.SecondStreetOrgId && o.Kind != OrgKind.GridBranch).Select(o => o.Id).FirstAsync());
        await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/orgs/{branch.Id}/move", new { newParentId = target }));
        var (orgPath, memberPath) = await app.Db(async db => (await db.MobileEpisodes.IgnoreQueryFilters().Where(e => e.Id == id).Select(e => e.OrgPath).FirstAsync(),
            await db.Members.IgnoreQueryFilters().Where(m => m.Id == memberId).Select(m => m.OrgPath).FirstAsync()));
        Assert.Equal(memberPath, orgPath);
        var staff2 = await app.SignInAsync("staff2");
        Assert.Single(Items(await staff2.GetJsonAsync<JsonElement>($"/api/v1/mobile/episodes?memberId={memberId}")));
    }
}
