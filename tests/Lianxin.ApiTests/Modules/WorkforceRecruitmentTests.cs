using System.Globalization;
using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Modules.Members.Domain;
using Lianxin.Platform.Excel;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Modules;

/// <summary>社区工作者 — 选聘: announcement, applications with automatic checks, 联审, scores, ranking, 公示 and hiring.</summary>
public sealed class WorkforceRecruitmentTests : ApiTestBase
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static int _seq = 300;

    private static string Id(DateOnly birth, Gender g = Gender.Female) => ChineseIdNumber.Compose("520201", birth, Interlocked.Increment(ref _seq), g);

    private static Dictionary<string, object?> Announcement(Guid street, params (Guid Community, int Places)[] positions) => new()
    {
        ["orgId"] = street,
        ["title"] = "2026年社区工作者选聘公告",
        ["applyFrom"] = D(Today.AddDays(-40)),
        ["applyTo"] = D(Today.AddDays(-30)),
        ["positions"] = positions.Select((p, i) => new { name = $"专职网格员{i + 1}", post = "GridWorker", communityId = p.Community, places = p.Places, payPost = 5, level = 1, step = 2 }).ToList(),
        ["conditions"] = new object[]
        {
            new { text = "35周岁以下", rule = "MaxAge", maxAge = 35 },
            new { text = "大专及以上学历", rule = "MinEducation", minEducation = "College" },
            new { text = "品行端正" },
        },
        ["disqualifications"] = new[] { "曾因犯罪受过刑事处罚的", "曾被开除公职的" },
        ["reviewDepartments"] = new[] { "组织部门", "政法部门", "民政部门", "公安部门" },
        ["writtenWeight"] = 0.4m,
        ["interviewWeight"] = 0.6m,
        ["publicityDays"] = 5,
        ["publicityWorkingDays"] = true,
    };

    private static object Applicant(Guid positionId, string name, string idNumber, string education = "Bachelor", string phone = "13912345678") =>
        new { positionId, name, idNumber, phone, education, politicalStatus = "LeagueMember", residenceCode = "520201", address = "钟山区某小区" };

    private static readonly object[] AllClear =
        [new { department = "组织部门", clear = true }, new { department = "政法部门", clear = true }, new { department = "民政部门", clear = true }, new { department = "公安部门", clear = true }];

    [Theory, MemberData(nameof(Providers))]
    public async Task From_announcement_to_hired_worker_with_checks_joint_review_ties_publicity_and_an_all_or_nothing_hire(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var street = app.Seed.FirstStreetOrgId;
        var community = await Seeded.BranchUnder(app, street);

        // Bad input: weights that do not add up to 1, no positions; nothing is written.
        var bad = Announcement(street);
        bad["writtenWeight"] = 0.5m;
        var p = await Api.Problem(await api.PostAsync("/api/v1/workforce/announcements", bad), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "writtenWeight"));
        Assert.NotEmpty(Api.FieldErrors(p, "positions"));
        Assert.Equal(0, await app.Db(db => db.RecruitAnnouncements.CountAsync()));

        var created = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/workforce/announcements", Announcement(street, (community.Id, 1), (community.Id, 1))));
        var id = created.GetProperty("summary").GetProperty("id").GetGuid();
        var positions = created.GetProperty("positions").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToList();
        var (pos1, pos2) = (positions[0], positions[1]);
        var apps = $"/api/v1/workforce/announcements/{id}/applications";
        // No applications before it is published.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync(apps, Applicant(pos1, "甲", Id(new DateOnly(1998, 1, 1))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/workforce/announcements/{id}/open")).StatusCode);

        async Task<Guid> Apply(object body) => (await Api.Read<JsonElement>(await api.PostAsync(apps, body))).GetProperty("application").GetProperty("id").GetGuid();
        var idA = Id(new DateOnly(1998, 5, 1));
        var a = await Apply(Applicant(pos1, "王小明", idA));
        var b = await Apply(Applicant(pos1, "李华", Id(new DateOnly(1996, 2, 1)), "College"));
        var e = await Apply(Applicant(pos1, "赵丽", Id(new DateOnly(1997, 7, 7))));
        var old = await Apply(Applicant(pos1, "钱老", Id(Today.AddDays(-30).AddYears(-36))));          // 36 on the closing date
        var low = await Apply(Applicant(pos1, "孙低", Id(new DateOnly(1999, 1, 1)), "HighSchool"));
        var idF = Id(new DateOnly(1995, 1, 1));
        var f = await Apply(Applicant(pos2, "周方", idF));

        // The same ID number twice in one announcement, and a bad ID number, are refused.
        p = await Api.Problem(await api.PostAsync(apps, Applicant(pos2, "王小明", idA)), HttpStatusCode.BadRequest);
        Assert.Contains("重复", Api.FieldErrors(p, "idNumber")[0]);
        p = await Api.Problem(await api.PostAsync(apps, Applicant(pos2, "错号", "520201199801011230")), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "idNumber"));
        var stored = await app.Db(db => db.RecruitApplications.FirstAsync(x => x.Id == a));
        Assert.DoesNotContain(idA, stored.IdNumberCipher);
        Assert.Equal("520201********" + idA[^4..], stored.IdNumberMasked);

        // Automatic checks: age on the closing date, education; the condition without a rule is left to people.
        var oldRow = await api.GetJsonAsync<JsonElement>($"/api/v1/workforce/applications/{old}");
        var checks = oldRow.GetProperty("application").GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal("Fail", checks[0].GetProperty("outcome").GetString());
        Assert.Equal("Pass", checks[1].GetProperty("outcome").GetString());
        Assert.Equal("Manual", checks[2].GetProperty("outcome").GetString());
        Assert.Equal("Fail", oldRow.GetProperty("application").GetProperty("autoCheck").GetString());
        var aRow = await api.GetJsonAsync<JsonElement>($"/api/v1/workforce/applications/{a}");
        Assert.Equal("Manual", aRow.GetProperty("application").GetProperty("autoCheck").GetString());

        // 联审: every department's opinion; a failed automatic check cannot pass; 不通过 needs a reason.
        var review = (Guid x) => $"/api/v1/workforce/applications/{x}/review";
        p = await Api.Problem(await api.PostAsync(review(a), new { result = "Passed", opinions = AllClear.Take(2) }), HttpStatusCode.BadRequest);
        Assert.Contains("民政部门", Api.FieldErrors(p, "opinions")[0]);
        p = await Api.Problem(await api.PostAsync(review(old), new { result = "Passed", opinions = AllClear }), HttpStatusCode.BadRequest);
        Assert.Contains("不符合", Api.FieldErrors(p, "result")[0]);
        p = await Api.Problem(await api.PostAsync(review(old), new { result = "Failed", opinions = AllClear }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "reason"));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync(review(old), new { result = "Failed", opinions = AllClear, reason = "年龄超过35周岁" })).StatusCode);
        foreach (var x in new[] { a, b, e, f })
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync(review(x), new { result = "Passed", opinions = AllClear })).StatusCode);

        // Scores: only for passed applications, 0–100 with one decimal.
        var scores = (Guid x) => $"/api/v1/workforce/applications/{x}/scores";
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsync(scores(low), new { writtenScore = 80, interviewScore = 80 })).StatusCode);
        p = await Api.Problem(await api.PutAsync(scores(a), new { writtenScore = 100.5m, interviewScore = 85.55m }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "writtenScore"));
        Assert.NotEmpty(Api.FieldErrors(p, "interviewScore"));
        // A and E tie on everything; B ties A's total (86.00) but with a lower interview score.
        await api.PutAsync(scores(a), new { writtenScore = 80, interviewScore = 90 });
        await api.PutAsync(scores(e), new { writtenScore = 80, interviewScore = 90 });
        await api.PutAsync(scores(b), new { writtenScore = 86, interviewScore = 86 });
        await api.PutAsync(scores(f), new { writtenScore = 70.5m, interviewScore = 75 });
        var ranking = await api.GetJsonAsync<JsonElement>($"/api/v1/workforce/announcements/{id}/ranking");
        var rows = ranking.GetProperty("positions")[0].GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("applicationId").GetGuid());
        Assert.Equal(86.00m, rows[b].GetProperty("total").GetDecimal());
        Assert.All(rows.Values, r => Assert.Equal(1, r.GetProperty("rank").GetInt32()));
        Assert.Equal("TiedAtCutoff", rows[a].GetProperty("standing").GetString());
        Assert.Equal("TiedAtCutoff", rows[e].GetProperty("standing").GetString());
        Assert.Equal("Outside", rows[b].GetProperty("standing").GetString());
        Assert.Equal(3, rows[b].GetProperty("hiringOrder").GetInt32());
        Assert.Equal(73.20m, ranking.GetProperty("positions")[1].GetProperty("rows")[0].GetProperty("total").GetDecimal());

        // 公示: the clerk must choose between the tied; nobody from outside the places.
        var publicize = $"/api/v1/workforce/announcements/{id}/publicize";
        p = await Api.Problem(await api.PostAsync(publicize, new { from = D(Today), applicationIds = new[] { a, e, f } }), HttpStatusCode.BadRequest);
        Assert.Contains("并列", Api.FieldErrors(p, "applicationIds")[0]);
        p = await Api.Problem(await api.PostAsync(publicize, new { from = D(Today), applicationIds = new[] { b } }), HttpStatusCode.BadRequest);
        Assert.Contains("名额之外", Api.FieldErrors(p, "applicationIds")[0]);
        var shown = await Api.Read<JsonElement>(await api.PostAsync(publicize, new { from = D(Today), applicationIds = new[] { a, f } }));
        var publicity = shown.GetProperty("publicity");
        Assert.Equal("王*明", publicity.GetProperty("rows")[0].GetProperty("maskedName").GetString());
        Assert.False(publicity.GetProperty("ended").GetBoolean());
        Assert.False(shown.GetProperty("canHire").GetBoolean());

        // Hiring is refused while the 公示 runs.
        var hire = $"/api/v1/workforce/announcements/{id}/hire";
        p = await Api.Problem(await api.PostAsync(hire, new { hireDate = D(Today) }), HttpStatusCode.Conflict);
        Assert.Contains("公示期满", p.GetProperty("detail").GetString());

        // A 公示 that already happened (from a past day) is recorded; then hiring is possible.
        shown = await Api.Read<JsonElement>(await api.PostAsync(publicize, new { from = D(Today.AddDays(-20)), days = 5, workingDays = false, applicationIds = new[] { a, f } }));
        Assert.Equal(D(Today.AddDays(-16)), shown.GetProperty("publicity").GetProperty("to").GetString());
        Assert.True(shown.GetProperty("canHire").GetBoolean());

        // F is on the roster already: hiring A and F fails whole, nobody is hired.
        await api.PostAsync("/api/v1/workforce/workers", new WorkerBuilder(community.Id).With("idNumber", idF).With("birthDate", "1995-01-01").With("name", "周方").Build());
        var workers = await app.Db(db => db.Workers.CountAsync());
        p = await Api.Problem(await api.PostAsync(hire, new { hireDate = D(Today) }), HttpStatusCode.Conflict);
        Assert.Contains("周方", p.GetProperty("detail").GetString());
        Assert.Equal(workers, await app.Db(db => db.Workers.CountAsync()));
        Assert.False(await app.Db(db => db.RecruitApplications.AnyAsync(x => x.HiredWorkerId != null)));

        // A alone: a worker of the position's community with its starting grade.
        p = await Api.Problem(await api.PostAsync(hire, new { hireDate = D(Today.AddDays(-18)), applicationIds = new[] { a } }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "hireDate"));
        var hired = await Api.Read<JsonElement>(await api.PostAsync(hire, new { hireDate = D(Today), applicationIds = new[] { a } }));
        var workerId = hired.GetProperty("hired")[0].GetProperty("workerId").GetGuid();
        var worker = await api.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{workerId}");
        Assert.Equal("王小明", worker.GetProperty("worker").GetProperty("name").GetString());
        Assert.Equal(community.Id, worker.GetProperty("worker").GetProperty("orgId").GetGuid());
        Assert.Equal(2, worker.GetProperty("worker").GetProperty("step").GetInt32());
        Assert.Equal("LeagueMember", worker.GetProperty("worker").GetProperty("politicalStatus").GetString());
        Assert.Equal("已聘用", (await api.GetJsonAsync<JsonElement>($"/api/v1/workforce/applications/{a}")).GetProperty("application").GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync(publicize, new { from = D(Today), applicationIds = new[] { e } })).StatusCode);
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(x => x.EntityType == "选聘报名")));
    }

    private static byte[] Workbook(params string?[][] rows)
    {
        using var ms = new MemoryStream();
        Xlsx.WriteAsync(ms, [new XlsxSheet("报名人员", [.. new[] { "姓名", "身份证号", "手机号码", "报考岗位", "学历", "政治面貌", "户籍地区代码", "住址" }.Select(h => new XlsxColumn(h))],
            Xlsx.Rows(rows.Select(r => r.Cast<object?>().ToArray())))], CancellationToken.None).GetAwaiter().GetResult();
        return ms.ToArray();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_import_reports_each_row_and_either_takes_the_valid_rows_or_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var created = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/workforce/announcements", Announcement(app.Seed.FirstStreetOrgId, (community.Id, 2))));
        var id = created.GetProperty("summary").GetProperty("id").GetGuid();
        var position = created.GetProperty("positions")[0];
        var label = $"{position.GetProperty("communityName").GetString()}-{position.GetProperty("name").GetString()}";
        await api.PostAsync($"/api/v1/workforce/announcements/{id}/open");
        var dup = Id(new DateOnly(1997, 3, 3));
        var file = Workbook(
            ["张一", Id(new DateOnly(1998, 1, 1)), "13800000001", label, "大学本科", "共青团员", "520201", null],
            ["张二", Id(new DateOnly(1999, 1, 1)), "13800000002", "不存在的岗位", "大学本科", "群众", null, null],
            ["张三", dup, "13800000003", label, "博士", "群众", null, null],
            ["张四", dup, "138", label, "大学专科", "中共党员", null, null]);
        var url = $"/api/v1/workforce/announcements/{id}/applications/import";

        var report = await Api.Read<JsonElement>(await api.UploadAsync(url + "?mode=AllOrNothing", file, "报名.xlsx"));
        Assert.False(report.GetProperty("committed").GetBoolean());
        Assert.Equal(3, report.GetProperty("refused").GetInt32());
        Assert.Equal(0, await app.Db(db => db.RecruitApplications.CountAsync(x => x.AnnouncementId == id)));
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(rows[1].GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("不存在的岗位"));
        Assert.Contains(rows[2].GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("第 5 行重复"));
        Assert.Contains(rows[3].GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("手机号"));

        report = await Api.Read<JsonElement>(await api.UploadAsync(url + "?mode=ValidRows", file, "报名.xlsx"));
        Assert.True(report.GetProperty("committed").GetBoolean());
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var list = await api.GetJsonAsync<JsonElement>($"/api/v1/workforce/announcements/{id}/applications");
        Assert.Equal("张一", list.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal("Imported", list.GetProperty("items")[0].GetProperty("source").GetString());
        // Again: the same person is already an applicant.
        report = await Api.Read<JsonElement>(await api.UploadAsync(url + "?mode=ValidRows", file, "报名.xlsx"));
        Assert.Contains(report.GetProperty("rows")[0].GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("已报名"));
        var notXlsx = await Api.Problem(await api.UploadAsync(url, [1, 2, 3], "x.xlsx"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(notXlsx, "file"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_sibling_street_can_neither_see_nor_use_the_announcement_nor_hire_into_its_communities(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var sibling = await Seeded.BranchUnder(app, app.Seed.SecondStreetOrgId);
        var p = await Api.Problem(await api.PostAsync("/api/v1/workforce/announcements", Announcement(app.Seed.FirstStreetOrgId, (sibling.Id, 1))), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "positions[0].communityId"));
        await Api.Problem(await api.GetAsync($"/api/v1/workforce/announcements?orgId={app.Seed.SecondStreetOrgId}"), HttpStatusCode.NotFound);
    }
}
