using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Modules;

/// <summary>社区工作者花名册, 配备标准 and 队伍结构.</summary>
public sealed class WorkforceRosterTests : ApiTestBase
{
    private static async Task<JsonElement> Hire(Api api, WorkerBuilder b) =>
        await Api.Read<JsonElement>(await api.PostAsync("/api/v1/workforce/workers", b.Build()));

    [Theory, MemberData(nameof(Providers))]
    public async Task A_worker_is_hired_with_a_hire_record_changes_post_from_a_date_and_bad_input_changes_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var b = new WorkerBuilder(community.Id);
        var created = await Hire(api, b);
        var id = created.GetProperty("worker").GetProperty("id").GetGuid();
        Assert.Equal("专职网格员", created.GetProperty("worker").GetProperty("postLabel").GetString());
        var history = created.GetProperty("postHistory").EnumerateArray().ToList();
        Assert.Single(history);
        Assert.Equal("Hire", history[0].GetProperty("kind").GetString());
        Assert.StartsWith("137****", created.GetProperty("worker").GetProperty("phoneMasked").GetString());

        // The same ID number again is refused; so are a missing post and a hire before 18.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync("/api/v1/workforce/workers", b.Build())).StatusCode);
        var before = await app.Db(db => db.Workers.CountAsync());
        var p = await Api.Problem(await api.PostAsync("/api/v1/workforce/workers",
            new WorkerBuilder(community.Id, new DateOnly(2008, 5, 1)).With("post", null).Build()), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "post"));
        Assert.Contains("18", Api.FieldErrors(p, "hireDate")[0]);
        Assert.Equal(before, await app.Db(db => db.Workers.CountAsync()));

        // A promotion from a past date is in force today; one from next month is recorded but not yet in force.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var promoted = await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/workforce/workers/{id}/post-changes",
            new { effectiveOn = today.AddDays(-10).ToString("yyyy-MM-dd"), kind = "Promotion", post = "CommitteeMember", payPost = 3, level = 2, step = 1, note = "选为两委成员" }));
        Assert.Equal("CommitteeMember", promoted.GetProperty("worker").GetProperty("post").GetString());
        Assert.Equal(3, promoted.GetProperty("worker").GetProperty("payPost").GetInt32());
        var later = await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/workforce/workers/{id}/post-changes",
            new { effectiveOn = today.AddMonths(1).ToString("yyyy-MM-dd"), kind = "StepAdvance", post = "CommitteeMember", payPost = 3, level = 2, step = 2 }));
        Assert.Equal(1, later.GetProperty("worker").GetProperty("step").GetInt32());
        Assert.Equal(3, later.GetProperty("postHistory").GetArrayLength());
        p = await Api.Problem(await api.PostAsync($"/api/v1/workforce/workers/{id}/post-changes",
            new { effectiveOn = "2020-01-01", kind = "StepAdvance", post = "CommitteeMember", payPost = 3, level = 2, step = 2 }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "effectiveOn"));

        // Certificates: one of each level; dismissal needs a reason.
        var certified = await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/workforce/workers/{id}/certificates", new { level = "Social", certifiedOn = "2024-06-20", number = "2024-SG-001" }));
        Assert.Equal("社会工作师", certified.GetProperty("worker").GetProperty("certificateLabel").GetString());
        p = await Api.Problem(await api.PostAsync($"/api/v1/workforce/workers/{id}/certificates", new { level = "Social", certifiedOn = "2025-06-20" }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "level"));
        p = await Api.Problem(await api.PostAsync($"/api/v1/workforce/workers/{id}/status", new { status = "Dismissed", since = today.ToString("yyyy-MM-dd") }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "note"));
        var dismissed = await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/workforce/workers/{id}/status", new { status = "Dismissed", since = today.ToString("yyyy-MM-dd"), note = "连续两年考核不合格" }));
        Assert.Equal("解聘", dismissed.GetProperty("worker").GetProperty("statusLabel").GetString());
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == "岗位薪级变动")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_staffing_ratio_of_a_subtree_is_workers_per_ten_thousand_residents_with_communities_below_the_standard_listed(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var a = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var bOrg = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId, Lianxin.Modules.Organizations.Domain.OrgKind.CompoundBranch);
        // 六盘水: 2,334 workers for 1,271,242 residents is 18.36 per 10,000. Scaled down: 18 workers for 9,805 residents is 18.36 too.
        for (var i = 0; i < 12; i++) await Hire(api, new WorkerBuilder(a.Id));
        for (var i = 0; i < 6; i++) await Hire(api, new WorkerBuilder(bOrg.Id));
        var year = DateOnly.FromDateTime(DateTime.UtcNow).Year;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/workforce/populations", new { orgId = a.Id, year, urbanResidents = 5805 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/workforce/populations", new { orgId = bOrg.Id, year, urbanResidents = 4000 })).StatusCode);
        var p = await Api.Problem(await api.PutAsync("/api/v1/workforce/populations", new { orgId = a.Id, year, urbanResidents = -1 }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "urbanResidents"));

        // Only this test's workers and populations are under the two communities; ask for the street that holds both.
        var street = await api.GetJsonAsync<JsonElement>($"/api/v1/workforce/staffing?orgId={app.Seed.FirstStreetOrgId}&year={year}");
        var rows = street.GetProperty("communities").EnumerateArray().ToDictionary(r => r.GetProperty("orgId").GetGuid());
        Assert.Equal(20.67m, rows[a.Id].GetProperty("perTenThousand").GetDecimal());     // 12 / 5,805
        Assert.True(rows[a.Id].GetProperty("meetsStandard").GetBoolean());
        Assert.Equal(15.00m, rows[bOrg.Id].GetProperty("perTenThousand").GetDecimal());   // 6 / 4,000: 7.2 needed
        Assert.Equal(2, rows[bOrg.Id].GetProperty("shortfall").GetInt32());
        var own = await api.GetJsonAsync<JsonElement>($"/api/v1/workforce/staffing?orgId={a.Id}&year={year}");
        Assert.Equal(12, own.GetProperty("workers").GetInt32());

        // The whole ratio: the same arithmetic as the seed's city.
        Assert.Equal(18.36m, Lianxin.Modules.Workforce.Domain.WorkforceRules.PerTenThousand(2334, 1_271_242, 2));
        Assert.Equal(18.36m, Lianxin.Modules.Workforce.Domain.WorkforceRules.PerTenThousand(18, 9805, 2));

        // Structure: under-35 share, college and above, certified.
        var young = new WorkerBuilder(a.Id, new DateOnly(1960, 1, 1)).With("education", "HighSchool").With("hireDate", "2000-01-01");
        await Hire(api, young);
        var structure = await api.GetJsonAsync<JsonElement>($"/api/v1/workforce/structure?orgId={a.Id}");
        Assert.Equal(13, structure.GetProperty("total").GetInt32());
        Assert.Equal(12, structure.GetProperty("collegeOrAbove").GetProperty("count").GetInt32());
        Assert.Equal(92.31m, structure.GetProperty("collegeOrAbove").GetProperty("percent").GetDecimal());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_worker_moved_to_another_community_takes_their_history_along(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var a = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var b = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId, Lianxin.Modules.Organizations.Domain.OrgKind.CompoundBranch);
        var builder = new WorkerBuilder(a.Id);
        var created = await Hire(api, builder);
        var id = created.GetProperty("worker").GetProperty("id").GetGuid();
        var body = builder.With("orgId", b.Id).With("idNumber", null).With("phone", null).With("version", created.GetProperty("version").GetGuid()).Build();
        var moved = await Api.Read<JsonElement>(await api.PutAsync($"/api/v1/workforce/workers/{id}", body));
        Assert.Equal(b.Id, moved.GetProperty("worker").GetProperty("orgId").GetGuid());
        Assert.All(await app.Db(db => db.WorkerPostChanges.IgnoreQueryFilters().Where(c => c.WorkerId == id).Select(c => c.OrgPath).ToListAsync()),
            path => Assert.Equal(b.Path, path));
        Assert.Equal(1, (await api.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers?orgId={b.Id}")).GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_sibling_street_sees_neither_the_workers_nor_the_population(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.SecondStreetOrgId);
        await Api.Problem(await api.GetAsync($"/api/v1/workforce/workers?orgId={community.Id}"), HttpStatusCode.NotFound);
        var p = await Api.Problem(await api.PutAsync("/api/v1/workforce/populations", new { orgId = community.Id, year = 2026, urbanResidents = 100 }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "orgId"));
    }
}

/// <summary>后备人才库, 竞聘上岗 and 书记备案.</summary>
public sealed class WorkforceReserveTests : ApiTestBase
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Reserve_competition_and_secretary_filing_follow_their_rules(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staff = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var w = await Api.Read<JsonElement>(await staff.PostAsync("/api/v1/workforce/workers", new WorkerBuilder(community.Id).Build()));
        var workerId = w.GetProperty("worker").GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");

        // Reserve: a worker once per kind; someone named only; leaving the pool once.
        var entry = await Api.Read<JsonElement>(await staff.PostAsync("/api/v1/workforce/reserve", new { orgId = community.Id, kind = "SecretaryReserve", workerId, addedOn = today }));
        var p = await Api.Problem(await staff.PostAsync("/api/v1/workforce/reserve", new { orgId = community.Id, kind = "SecretaryReserve", workerId, addedOn = today }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "workerId"));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync("/api/v1/workforce/reserve", new { orgId = community.Id, kind = "CommitteeReserve", name = "退役军人王某", addedOn = today })).StatusCode);
        var list = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/reserve?orgId={community.Id}&status=InPool");
        Assert.Equal(2, list.GetProperty("total").GetInt32());

        // 竞聘上岗: the appointee's post changes (kind Competitive) and so does the current placement.
        var c = await staff.PostAsync("/api/v1/workforce/competitions", new
        {
            orgId = community.Id, title = "社区党委书记竞聘", post = "Secretary", heldOn = today, candidates = "甲 88；乙 84", appointedWorkerId = workerId,
            effectiveOn = today, payPost = 1, level = 1, step = 1,
        });
        Assert.Equal(HttpStatusCode.Created, c.StatusCode);
        var detail = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{workerId}");
        Assert.Equal("Secretary", detail.GetProperty("worker").GetProperty("post").GetString());
        Assert.Equal("Competitive", detail.GetProperty("postHistory")[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/workforce/reserve/{entry.GetProperty("id").GetGuid()}/leave", new { status = "Promoted", on = today, reason = "竞聘为书记" })).StatusCode);
        p = await Api.Problem(await staff.PostAsync($"/api/v1/workforce/reserve/{entry.GetProperty("id").GetGuid()}/leave", new { status = "Removed", on = today }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "status"));

        // 书记备案: the new secretary is listed as not filed; filed once; the county decides (a street clerk may not).
        var states = await staff.GetJsonAsync<JsonElement[]>($"/api/v1/workforce/secretary-filings?orgId={community.Id}");
        Assert.Equal(JsonValueKind.Null, states.Single(s => s.GetProperty("workerId").GetGuid() == workerId).GetProperty("latest").ValueKind);
        var filing = await Api.Read<JsonElement>(await staff.PostAsync("/api/v1/workforce/secretary-filings", new { workerId, filedOn = today, documentNumber = "街组〔2026〕8号" }));
        p = await Api.Problem(await staff.PostAsync("/api/v1/workforce/secretary-filings", new { workerId, filedOn = today }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "workerId"));
        var filingId = filing.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/v1/workforce/secretary-filings/{filingId}/decide", new { accepted = true, on = today })).StatusCode);
        var admin = await app.SignInAsync("orgadmin");
        p = await Api.Problem(await admin.PostAsync($"/api/v1/workforce/secretary-filings/{filingId}/decide", new { accepted = false, on = today }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "note"));
        var accepted = await Api.Read<JsonElement>(await admin.PostAsync($"/api/v1/workforce/secretary-filings/{filingId}/decide", new { accepted = true, on = today }));
        Assert.Equal("已备案", accepted.GetProperty("statusLabel").GetString());
        var county = await app.Db(db => db.SecretaryFilings.Where(f => f.Id == filingId).Select(f => f.FiledWithOrgId).FirstAsync());
        Assert.Equal(app.Seed.RootOrgId, county);
    }
}

/// <summary>The community-worker roster in Excel.</summary>
public sealed class WorkforceExcelTests : ApiTestBase
{
    private static List<string?[]> Read(byte[] xlsx) => [.. Lianxin.Platform.Excel.Xlsx.ReadRows(new MemoryStream(xlsx))];

    private static async Task<byte[]> Workbook(List<string?[]> rows)
    {
        var ms = new MemoryStream();
        await Lianxin.Platform.Excel.Xlsx.WriteAsync(ms, [new Lianxin.Platform.Excel.XlsxSheet("社区工作者",
            [.. rows[0].Select(h => new Lianxin.Platform.Excel.XlsxColumn(h!))], Lianxin.Platform.Excel.Xlsx.Rows(rows.Skip(1).Select(r => r.Cast<object?>().ToArray())))], CancellationToken.None);
        return ms.ToArray();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_exported_roster_imports_back_unchanged_updates_and_hires_by_row_and_never_changes_a_post(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        for (var i = 0; i < 3; i++) await api.PostAsync("/api/v1/workforce/workers", new WorkerBuilder(community.Id).Build());
        var file = await (await api.GetAsync($"/api/v1/workforce/workers/export?orgId={community.Id}&full=true")).Content.ReadAsByteArrayAsync();
        var rows = Read(file);
        Assert.Equal(4, rows.Count);
        Assert.DoesNotContain(rows.Skip(1), r => r[1]!.Contains('*', StringComparison.Ordinal));

        var same = await Api.Read<JsonElement>(await api.UploadAsync("/api/v1/workforce/workers/import", file, "花名册.xlsx"));
        Assert.Equal(3, same.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, same.GetProperty("created").GetInt32() + same.GetProperty("updated").GetInt32() + same.GetProperty("refused").GetInt32());

        // Row 2: a new political status (updated); row 3: another 档次 (reported, not changed); a new person (hired); a bad row.
        var header = rows[0].ToList();
        rows[1][header.IndexOf("政治面貌")] = "群众";
        rows[2][header.IndexOf("档次")] = "7";
        var b = new WorkerBuilder(community.Id);
        var fresh = rows[1].ToArray();
        fresh[header.IndexOf("姓名")] = "新社工";
        fresh[header.IndexOf("身份证号")] = b.IdNumber;
        var bad = fresh.ToArray();
        bad[header.IndexOf("身份证号")] = "520201199001011230";
        bad[header.IndexOf("姓名")] = "坏行";
        rows.Add(fresh);
        rows.Add(bad);
        var report = await Api.Read<JsonElement>(await api.UploadAsync("/api/v1/workforce/workers/import", await Workbook(rows), "改.xlsx"));
        Assert.True(report.GetProperty("committed").GetBoolean());
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(1, report.GetProperty("refused").GetInt32());
        var byRow = report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32());
        Assert.Contains("岗位变动", byRow[3].GetProperty("messages")[0].GetString());
        Assert.Equal("Refused", byRow[6].GetProperty("outcome").GetString());
        var list = await api.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers?orgId={community.Id}");
        Assert.Equal(4, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), w => Assert.Equal(1, w.GetProperty("step").GetInt32()));
        Assert.Equal(2, list.GetProperty("items").EnumerateArray().Count(w => w.GetProperty("politicalStatus").GetString() == "Masses"));   // row 2 and the new one copied from it

        // The full export needs the reveal permission; the masked one does not.
        var staff = await app.SignInAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/workforce/workers/export?orgId={community.Id}&full=true")).StatusCode);
        Assert.All(Read(await (await staff.GetAsync($"/api/v1/workforce/workers/export?orgId={community.Id}")).Content.ReadAsByteArrayAsync()).Skip(1),
            r => Assert.Contains('*', r[1]!));
    }
}
