using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Modules;

public sealed class OrgLifeTests : ApiTestBase
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 73, 72, 68, 82];

    private static async Task<(Guid BranchId, JsonElement[] Roster)> BranchWithRoster(TestApp app, Api api)
    {
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var roster = await api.GetJsonAsync<JsonElement>($"/api/v1/orglife/roster?orgId={branch.Id}");
        var members = roster.GetProperty("members").EnumerateArray().ToArray();
        Assert.True(members.Length >= 2, "the seeded branch needs at least two members");
        return (branch.Id, members);
    }

    private static object Meeting(Guid orgId, JsonElement[] roster, string kind = "CommitteeMeeting", bool submit = true, DateOnly? on = null,
        string? reasonForSecond = "因病") => new
    {
        orgId, kind, heldOn = Iso(on ?? DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))), startTime = "09:00", endTime = "10:30",
        place = "社区党群服务中心", host = "王书记", topic = "研究本月工作", minutes = "会议研究了本月重点工作。", submit,
        attendance = roster.Select((m, i) => new { memberId = m.GetProperty("memberId").GetGuid(), present = i != 1, absenceReason = i == 1 ? reasonForSecond : null }),
    };

    private static async Task<string> CommitteeState(Api api, Guid branchId, string month)
    {
        var detail = await api.GetJsonAsync<JsonElement>($"/api/v1/orglife/compliance/branch?orgId={branchId}&from={month}&to={month}");
        var kind = detail.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "CommitteeMeeting");
        return kind.GetProperty("units")[0].GetProperty("state").GetString()!;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_submitted_committee_meeting_turns_the_months_compliance_from_pending_to_held_and_a_draft_does_not(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var (branchId, roster) = await BranchWithRoster(app, api);
        var month = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Pending", await CommitteeState(api, branchId, month));

        var draft = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/orglife/meetings", Meeting(branchId, roster, submit: false)));
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("Pending", await CommitteeState(api, branchId, month));

        var resp = await api.PutAsync($"/api/v1/orglife/meetings/{draft.GetProperty("id").GetGuid()}",
            new Dictionary<string, object?>(JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(Meeting(branchId, roster), Api.Json))!)
            { ["version"] = draft.GetProperty("version").GetGuid() });
        var submitted = await Api.Read<JsonElement>(resp);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(roster.Length, submitted.GetProperty("expectedCount").GetInt32());
        Assert.Equal(roster.Length - 1, submitted.GetProperty("presentCount").GetInt32());
        Assert.Equal("Held", await CommitteeState(api, branchId, month));

        var summary = await api.GetJsonAsync<JsonElement>($"/api/v1/orglife/compliance?orgId={app.Seed.FirstStreetOrgId}&from={month}&to={month}&pageSize=100");
        var row = summary.GetProperty("rows").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("orgId").GetGuid() == branchId);
        var cell = row.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "CommitteeMeeting");
        Assert.Equal(1, cell.GetProperty("held").GetInt32());
        Assert.Equal(Math.Round(100.0 * (roster.Length - 1) / roster.Length, 1), row.GetProperty("attendanceRate").GetDouble());
        // The audit log names the submission.
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.Action == "submit" && a.EntityType == "三会一课")));
        // A submitted record is locked.
        await Api.Problem(await api.DeleteAsync($"/api/v1/orglife/meetings/{draft.GetProperty("id").GetGuid()}"), HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Submitting_without_absence_reasons_or_with_a_stranger_on_the_list_is_refused_and_nothing_is_written(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var (branchId, roster) = await BranchWithRoster(app, api);
        var p = await Api.Problem(await api.PostAsync("/api/v1/orglife/meetings", Meeting(branchId, roster, reasonForSecond: null)), HttpStatusCode.BadRequest);
        Assert.Contains("请填写缺席原因", Api.FieldErrors(p, "attendance[1].absenceReason"));

        var stranger = await Seeded.AnyMemberUnder(app, app.Seed.SecondStreetOrgId);
        var body = new
        {
            orgId = branchId, kind = "PartyLecture", heldOn = "2026-01-05", startTime = "25:00", place = "", host = "书记", topic = "党课", submit = true,
            attendance = new[] { new { memberId = stranger, present = true, absenceReason = (string?)null } },
        };
        p = await Api.Problem(await api.PostAsync("/api/v1/orglife/meetings", body), HttpStatusCode.BadRequest);
        Assert.Contains("该党员不在本支部名册中", Api.FieldErrors(p, "attendance[0].memberId"));
        Assert.NotEmpty(Api.FieldErrors(p, "startTime"));
        Assert.Contains("请填写会议地点", Api.FieldErrors(p, "place"));
        Assert.Contains("请填写会议记录", Api.FieldErrors(p, "minutes"));

        // A committee (not a branch) cannot hold 三会一课 records.
        p = await Api.Problem(await api.PostAsync("/api/v1/orglife/meetings", Meeting(app.Seed.FirstStreetOrgId, roster)), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "orgId"));
        // A general meeting must list the whole branch.
        p = await Api.Problem(await api.PostAsync("/api/v1/orglife/meetings", Meeting(branchId, roster[..1], kind: "GeneralMeeting")), HttpStatusCode.BadRequest);
        Assert.Contains(Api.FieldErrors(p, "attendance"), m => m.Contains("全体党员", StringComparison.Ordinal));
        Assert.Equal(0, await app.Db(db => db.Meetings.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_a_higher_organization_returns_a_record_and_the_branch_can_then_correct_it(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staff = await app.SignInAsync("staff");
        var (branchId, roster) = await BranchWithRoster(app, staff);
        var created = await Api.Read<JsonElement>(await staff.PostAsync("/api/v1/orglife/meetings", Meeting(branchId, roster)));
        var id = created.GetProperty("id").GetGuid();

        // A clerk of the branch itself may not return it.
        await app.Factory.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var u = new AppUser { Id = Guid.CreateVersion7(), UserName = "branchclerk", DisplayName = "支部书记", OrgId = branchId, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(u, "Lianxin2026")).Succeeded);
            Assert.True((await users.AddToRoleAsync(u, Roles.OrgAdmin)).Succeeded);
        });
        var clerk = await app.SignInAsync("branchclerk");
        Assert.False((await clerk.GetJsonAsync<JsonElement>($"/api/v1/orglife/meetings/{id}")).GetProperty("canReturn").GetBoolean());
        await Api.Problem(await clerk.PostAsync($"/api/v1/orglife/meetings/{id}/return", new { comment = "自己退回" }), HttpStatusCode.Forbidden);
        // Staff has no review permission at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/v1/orglife/meetings/{id}/return", new { comment = "x" })).StatusCode);

        var county = await app.SignInAsync("orgadmin");
        await Api.Problem(await county.PostAsync($"/api/v1/orglife/meetings/{id}/return", new { comment = "" }), HttpStatusCode.BadRequest);
        var returned = await Api.Read<JsonElement>(await county.PostAsync($"/api/v1/orglife/meetings/{id}/return", new { comment = "缺席原因不具体，请补充" }));
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        Assert.Equal("缺席原因不具体，请补充", returned.GetProperty("returnComment").GetString());
        Assert.Equal("Pending", await CommitteeState(staff, branchId, DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
        var detail = await staff.GetJsonAsync<JsonElement>($"/api/v1/orglife/meetings/{id}");
        Assert.True(detail.GetProperty("canEdit").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Attachments_are_typed_by_their_content_and_limited_in_size(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var (branchId, roster) = await BranchWithRoster(app, api);
        var id = (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/orglife/meetings", Meeting(branchId, roster, submit: false)))).GetProperty("id").GetGuid();

        var ok = await Api.Read<JsonElement>(await api.UploadAsync($"/api/v1/orglife/meetings/{id}/attachments", Png, "签到表.exe", "application/x-msdownload"));
        Assert.Equal("签到表.png", ok.GetProperty("fileName").GetString());
        Assert.Equal("image/png", ok.GetProperty("contentType").GetString());
        var download = await api.GetAsync($"/api/v1/orglife/attachments/{ok.GetProperty("id").GetGuid()}");
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);

        var p = await Api.Problem(await api.UploadAsync($"/api/v1/orglife/meetings/{id}/attachments", "<script>alert(1)</script>"u8.ToArray(), "photo.jpg", "image/jpeg"), HttpStatusCode.BadRequest);
        Assert.Contains(Api.FieldErrors(p, "file"), m => m.Contains("按文件内容识别", StringComparison.Ordinal));

        var sysadmin = await app.SignInAsync("sysadmin");
        await sysadmin.PutAsync("/api/v1/orglife/settings", new { maxAttachmentMegabytes = 1 });
        var big = new byte[1_200_000];
        Png.CopyTo(big, 0);
        p = await Api.Problem(await api.UploadAsync($"/api/v1/orglife/meetings/{id}/attachments", big, "big.png"), HttpStatusCode.BadRequest);
        Assert.Contains("文件不能超过 1 MB", Api.FieldErrors(p, "file"));
        Assert.Equal(1, await app.Db(db => db.Attachments.CountAsync()));
        Assert.Equal(1, await app.Db(db => db.Files.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_published_themed_day_plan_reaches_the_branch_and_its_record_shows_in_the_publishers_matrix(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var county = await app.SignInAsync("orgadmin");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var plan = await Api.Read<JsonElement>(await county.PostAsync("/api/v1/orglife/themed-plans", new
        {
            orgId = app.Seed.RootOrgId, year = today.Year, title = "离退休干部党支部主题党日计划",
            themes = new[] { new { month = today.Month, theme = "学习贯彻全会精神", guidance = "支部领学" } },
        }));
        Assert.Equal(["重温入党誓词", "过政治生日", "学习党章党规"], plan.GetProperty("requiredParts").EnumerateArray().Select(x => x.GetString()));
        var planId = plan.GetProperty("id").GetGuid();

        var staff = await app.SignInAsync("staff");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        // Not visible below until published.
        Assert.Empty((await staff.GetJsonAsync<JsonElement>($"/api/v1/orglife/themed-days?orgId={branch.Id}&year={today.Year}")).GetProperty("plans").EnumerateArray());
        await county.PostAsync($"/api/v1/orglife/themed-plans/{planId}/publish");
        var view = await staff.GetJsonAsync<JsonElement>($"/api/v1/orglife/themed-days?orgId={branch.Id}&year={today.Year}");
        var month = view.GetProperty("plans")[0].GetProperty("months")[today.Month - 1];
        Assert.Equal("学习贯彻全会精神", month.GetProperty("theme").GetString());
        Assert.Equal("Pending", month.GetProperty("state").GetString());

        var outside = today.Day > 1 ? today.AddDays(-today.Day) : today.AddMonths(-1);
        var p = await Api.Problem(await staff.PostAsync("/api/v1/orglife/themed-days", new
        {
            planId, month = today.Month, orgId = branch.Id, heldOn = Iso(outside), place = "社区", summary = "重温入党誓词", attendeeCount = 12,
            partsDone = new[] { "重温入党誓词" },
        }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "heldOn"));
        await Api.Read<JsonElement>(await staff.PostAsync("/api/v1/orglife/themed-days", new
        {
            planId, month = today.Month, orgId = branch.Id, heldOn = Iso(today), place = "社区", summary = "重温入党誓词，集体过政治生日", attendeeCount = 12,
            partsDone = new[] { "重温入党誓词", "过政治生日", "学习党章党规" },
        }));
        var again = await staff.PostAsync("/api/v1/orglife/themed-days", new
        {
            planId, month = today.Month, orgId = branch.Id, heldOn = Iso(today), place = "社区", summary = "再次", attendeeCount = 1, partsDone = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var matrix = await county.GetJsonAsync<JsonElement>($"/api/v1/orglife/themed-plans/{planId}/matrix?pageSize=100");
        var row = matrix.GetProperty("rows").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("orgId").GetGuid() == branch.Id);
        Assert.Equal("Done", row.GetProperty("cells")[today.Month - 1].GetProperty("state").GetString());
        var m = matrix.GetProperty("months")[today.Month - 1];
        Assert.Equal(1, m.GetProperty("done").GetInt32());
        Assert.Equal(m.GetProperty("branches").GetInt32() - 1, m.GetProperty("notDone").GetInt32());
        // Staff (below the publisher) sees the plan but cannot edit it.
        Assert.False((await staff.GetJsonAsync<JsonElement>($"/api/v1/orglife/themed-plans/{planId}")).GetProperty("editable").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/v1/orglife/themed-plans/{planId}/publish")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Political_birthdays_follow_the_joining_day_and_the_medal_list_the_1_July_cutoff(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        async Task<Guid> Add(string name, int seq, string joined, string full) =>
            (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/members", new MemberBuilder(branch.Id)
                .WithIdNumber(Lianxin.Modules.Members.Domain.ChineseIdNumber.Compose("370830", new DateOnly(1940, 3, 3), seq, Lianxin.Modules.Members.Domain.Gender.Male), new DateOnly(1940, 3, 3), "Male")
                .With("name", name).With("joinedOn", joined).With("fullMemberOn", full).Build()))).GetProperty("id").GetGuid();
        var leap = await Add("闰日党员", 11, "1975-02-28", "1976-02-29");
        var leapJoin = await Add("二月廿九", 13, "1976-02-29", "1977-03-01");
        var onCutoff = await Add("七一转正", 15, "1975-07-01", "1976-07-01");
        var dayLate = await Add("七二转正", 17, "1975-07-02", "1976-07-02");

        async Task<Guid[]> Birthdays(int year, int month) =>
            [.. (await api.GetJsonAsync<JsonElement>($"/api/v1/orglife/birthdays?orgId={branch.Id}&year={year}&month={month}&pageSize=100"))
                .GetProperty("items").EnumerateArray().Select(r => r.GetProperty("memberId").GetGuid())];
        Assert.Contains(leapJoin, await Birthdays(2026, 3));
        Assert.DoesNotContain(leapJoin, await Birthdays(2026, 2));
        Assert.Contains(leapJoin, await Birthdays(2028, 2));
        Assert.DoesNotContain(leapJoin, await Birthdays(2028, 3));
        Assert.Contains(leap, await Birthdays(2026, 2));

        var medals = (await api.GetJsonAsync<JsonElement>($"/api/v1/orglife/medals?orgId={branch.Id}&year=2026&pageSize=100")).GetProperty("items")
            .EnumerateArray().ToDictionary(r => r.GetProperty("memberId").GetGuid());
        Assert.True(medals.ContainsKey(onCutoff));
        Assert.Equal(50, medals[onCutoff].GetProperty("partyAge").GetInt32());
        Assert.False(medals.ContainsKey(dayLate));
        Assert.True(medals.ContainsKey(leap)); // full member since 29 Feb 1976

        var p = await Api.Problem(await api.PostAsync("/api/v1/orglife/medals", new { memberId = dayLate, year = 2026, awardedOn = "2026-07-01" }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "memberId"));
        var award = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/orglife/medals", new { memberId = onCutoff, year = 2026, awardedOn = "2026-07-01", note = "七一前颁发" }));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync("/api/v1/orglife/medals", new { memberId = onCutoff, year = 2026, awardedOn = "2026-07-01" })).StatusCode);
        var awarded = await api.GetJsonAsync<JsonElement>($"/api/v1/orglife/medals?orgId={branch.Id}&year=2026&filter=Awarded");
        Assert.Equal(award.GetProperty("id").GetGuid(), awarded.GetProperty("items")[0].GetProperty("awardId").GetGuid());
        var export = await api.GetAsync($"/api/v1/orglife/medals/export?orgId={branch.Id}&year=2026");
        Assert.Equal(Lianxin.Platform.Excel.Xlsx.ContentType, export.Content.Headers.ContentType?.MediaType);
        var rows = Lianxin.Platform.Excel.Xlsx.ReadRows(new MemoryStream(await export.Content.ReadAsByteArrayAsync())).ToList();
        Assert.Contains(rows, r => r[0] == "七一转正" && r[5]!.StartsWith("已颁发", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_compliance_table_exports_to_a_workbook_that_reads_back(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var resp = await api.GetAsync($"/api/v1/orglife/compliance/export?orgId={app.Seed.FirstStreetOrgId}&from=2026-01&to=2026-06");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var rows = Lianxin.Platform.Excel.Xlsx.ReadRows(new MemoryStream(await resp.Content.ReadAsByteArrayAsync())).ToList();
        Assert.Equal("党组织", rows[0][0]);
        var summary = await api.GetJsonAsync<JsonElement>($"/api/v1/orglife/compliance?orgId={app.Seed.FirstStreetOrgId}&from=2026-01&to=2026-06");
        Assert.Equal(summary.GetProperty("branches").GetInt32(), rows.Count - 1);
        // Monthly 支委会 over six past months: six due, none held, in every row.
        Assert.All(rows.Skip(1), r => Assert.Equal(("6", "0", "6"), (r[6], r[7], r[8])));
        await Api.Problem(await api.GetAsync("/api/v1/orglife/compliance?from=2026-13&to=2026-01"), HttpStatusCode.BadRequest);
        await Api.Problem(await api.GetAsync("/api/v1/orglife/compliance?from=2020-01&to=2026-01"), HttpStatusCode.BadRequest);
    }
}
