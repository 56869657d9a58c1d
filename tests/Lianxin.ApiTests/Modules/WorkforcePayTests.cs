using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Platform.Excel;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Modules;

/// <summary>薪酬体系 (versions, the grid, Excel) and pay (工资表, a worker's pay history).</summary>
public sealed class WorkforcePayTests : ApiTestBase
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string[] Posts(int n) => [.. Enumerable.Range(1, n).Select(p => "一二三四五六七八九十"[(p - 1) % 10] + "岗")];

    /// <summary>amount(p, l, s) = 3000 + 100p + 10l + s (1-based), as [post][level][step].</summary>
    private static decimal[][][] Grid(int posts, int levels, int steps, Func<int, int, int, decimal>? f = null) =>
        [.. Enumerable.Range(1, posts).Select(p => Enumerable.Range(1, levels).Select(l => Enumerable.Range(1, steps)
            .Select(s => f?.Invoke(p, l, s) ?? 3000m + 100 * p + 10 * l + s).ToArray()).ToArray())];

    private static object Input(Guid orgId, string effectiveFrom, int posts, int levels, int steps, decimal[][][]? amounts = null, string name = "测试薪酬体系") => new
    {
        name, orgId, effectiveFrom, postNames = Posts(posts), levels, steps, assistantAllowance = 100, socialAllowance = 300, seniorAllowance = 600,
        seniorityPerYear = 30, allowances = Array.Empty<object>(), amounts,
    };

    private static async Task<JsonElement> Created(HttpResponseMessage resp)
    {
        var text = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)resp.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage resp)
    {
        var text = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)resp.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Guid IdOf(JsonElement detail) => detail.GetProperty("scheme").GetProperty("id").GetGuid();

    private static decimal[][][] AmountsOf(JsonElement detail) =>
        [.. detail.GetProperty("amounts").EnumerateArray().Select(p => p.EnumerateArray().Select(l => l.EnumerateArray().Select(s => s.GetDecimal()).ToArray()).ToArray())];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_version_is_drafted_published_frozen_once_in_force_and_adjusted_only_by_a_later_copy(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignInAsync("orgadmin");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);

        // 三岗十八级 (庆阳), the scheme already in force since 2025: the organization's first version may be back-dated.
        var draft = await Created(await admin.PostAsync("/api/v1/workforce/schemes", Input(community.Id, "2025-01-01", 3, 18, 10, Grid(3, 18, 10))));
        var id = IdOf(draft);
        Assert.Equal("草稿", draft.GetProperty("scheme").GetProperty("stateLabel").GetString());
        Assert.Equal(3000m + 300 + 180 + 10, AmountsOf(draft)[2][17][9]);
        var edited = await Ok(await admin.PutAsync($"/api/v1/workforce/schemes/{id}/cells",
            new { amounts = Grid(3, 18, 10, (p, l, s) => p == 1 && l == 1 && s == 1 ? 3111.5m : 3000m + 100 * p + 10 * l + s) }));
        Assert.Equal(3111.5m, AmountsOf(edited)[0][0][0]);
        var published = await Ok(await admin.PostAsync($"/api/v1/workforce/schemes/{id}/publish"));
        Assert.Equal("生效中", published.GetProperty("scheme").GetProperty("stateLabel").GetString());
        Assert.True(published.GetProperty("scheme").GetProperty("frozen").GetBoolean());

        // Frozen: neither the header, the cells, an import nor a delete; the message says what to do instead.
        var before = await app.Db(db => db.SalaryCells.Where(c => c.SchemeId == id).SumAsync(c => (double)c.Amount));
        var p = await Api.Problem(await admin.PutAsync($"/api/v1/workforce/schemes/{id}/cells", new { amounts = Grid(3, 18, 10, (_, _, _) => 1m) }), HttpStatusCode.Conflict);
        Assert.Contains("复制为新版本", p.GetProperty("detail").GetString());
        await Api.Problem(await admin.PutAsync($"/api/v1/workforce/schemes/{id}", Input(community.Id, "2025-01-01", 3, 18, 11)), HttpStatusCode.Conflict);
        await Api.Problem(await admin.DeleteAsync($"/api/v1/workforce/schemes/{id}"), HttpStatusCode.Conflict);
        Assert.Equal(before, await app.Db(db => db.SalaryCells.Where(c => c.SchemeId == id).SumAsync(c => (double)c.Amount)));

        // An adjustment: a copy with a later date, edited while pending, published; it cannot start in the past.
        var copy = await Created(await admin.PostAsync($"/api/v1/workforce/schemes/{id}/copy", new { effectiveFrom = Today.AddDays(-3).ToString("yyyy-MM-dd") }));
        var copyId = IdOf(copy);
        Assert.Equal(AmountsOf(published)[1][5][3], AmountsOf(copy)[1][5][3]);
        p = await Api.Problem(await admin.PostAsync($"/api/v1/workforce/schemes/{copyId}/publish"), HttpStatusCode.BadRequest);
        Assert.Contains("明天", Api.FieldErrors(p, "effectiveFrom")[0]);
        var next = Today.AddDays(1).ToString("yyyy-MM-dd");
        var raised = await Ok(await admin.PutAsync($"/api/v1/workforce/schemes/{copyId}",
            Input(community.Id, next, 3, 18, 10, Grid(3, 18, 10, (p, l, s) => 3450m + 100 * p + 10 * l + s), "测试薪酬体系（调整）")));
        Assert.Equal(3450m + 100 + 10 + 1, AmountsOf(raised)[0][0][0]);
        var pending = await Ok(await admin.PostAsync($"/api/v1/workforce/schemes/{copyId}/publish"));
        Assert.Equal("待生效", pending.GetProperty("scheme").GetProperty("stateLabel").GetString());
        Assert.False(pending.GetProperty("scheme").GetProperty("frozen").GetBoolean());
        // Another version on the same day is refused.
        var twin = IdOf(await Created(await admin.PostAsync($"/api/v1/workforce/schemes/{id}/copy", new { effectiveFrom = next })));
        p = await Api.Problem(await admin.PostAsync($"/api/v1/workforce/schemes/{twin}/publish"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "effectiveFrom"));

        // The county's version, published: the street's clerk sees it read-only.
        var county = await Created(await admin.PostAsync("/api/v1/workforce/schemes", Input(app.Seed.RootOrgId, "2025-01-01", 5, 20, 40, Grid(5, 20, 40), "县薪酬体系")));
        await Ok(await admin.PostAsync($"/api/v1/workforce/schemes/{IdOf(county)}/publish"));
        var countyDraft = await Created(await admin.PostAsync($"/api/v1/workforce/schemes/{IdOf(county)}/copy", new { effectiveFrom = next }));

        // The list of the community: its versions and, read-only, the county's published ones, with their states.
        var staff = await app.SignInAsync("staff");
        var list = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/schemes?orgId={community.Id}&pageSize=100");
        var rows = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("id").GetGuid() == id && r.GetProperty("stateLabel").GetString() == "生效中");
        Assert.Contains(rows, r => r.GetProperty("id").GetGuid() == copyId && r.GetProperty("stateLabel").GetString() == "待生效");
        Assert.Contains(rows, r => r.GetProperty("id").GetGuid() == IdOf(county) && r.GetProperty("inherited").GetBoolean() && r.GetProperty("steps").GetInt32() == 40);
        Assert.DoesNotContain(rows, r => r.GetProperty("id").GetGuid() == IdOf(countyDraft));
        await Api.Problem(await staff.GetAsync($"/api/v1/workforce/schemes/{IdOf(countyDraft)}"), HttpStatusCode.NotFound);
        Assert.Equal(5, AmountsOf(await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/schemes/{IdOf(county)}")).Length);
        // Reading is for workforce:read; editing needs workforce:manage.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/v1/workforce/schemes", Input(community.Id, next, 1, 1, 1))).StatusCode);
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == "薪酬体系")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Five_posts_twenty_levels_forty_steps_are_saved_whole_and_a_bad_cell_is_refused_with_its_address(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignInAsync("orgadmin");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var future = Today.AddMonths(1).ToString("yyyy-MM-dd");

        var before = await app.Db(db => db.SalarySchemes.CountAsync());
        var bad = Grid(5, 20, 40);
        bad[1][2][4] = -5m;
        var p = await Api.Problem(await admin.PostAsync("/api/v1/workforce/schemes", Input(community.Id, future, 5, 20, 40, bad)), HttpStatusCode.BadRequest);
        Assert.Contains("二岗 3级5档", Api.FieldErrors(p, "amounts")[0]);
        p = await Api.Problem(await admin.PostAsync("/api/v1/workforce/schemes", Input(community.Id, future, 5, 61, 40)), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "levels"));
        p = await Api.Problem(await admin.PostAsync("/api/v1/workforce/schemes", Input(community.Id, future, 5, 20, 40, Grid(5, 20, 39))), HttpStatusCode.BadRequest);
        Assert.Contains("应有40档", Api.FieldErrors(p, "amounts")[0]);
        Assert.Equal(before, await app.Db(db => db.SalarySchemes.CountAsync()));

        var created = await Created(await admin.PostAsync("/api/v1/workforce/schemes", Input(community.Id, future, 5, 20, 40, Grid(5, 20, 40))));
        var id = IdOf(created);
        Assert.Equal(4000, await app.Db(db => db.SalaryCells.CountAsync(c => c.SchemeId == id)));
        var got = await admin.GetJsonAsync<JsonElement>($"/api/v1/workforce/schemes/{id}");
        Assert.Equal(3000m + 500 + 200 + 40, AmountsOf(got)[4][19][39]);
        Assert.Equal(0, got.GetProperty("emptyCells").GetInt32());

        // A cell of the bulk save that is not a valid amount refuses the whole grid.
        var grid = Grid(5, 20, 40, (_, _, _) => 1m);
        grid[4][19][39] = 1.005m;
        p = await Api.Problem(await admin.PutAsync($"/api/v1/workforce/schemes/{id}/cells", new { amounts = grid }), HttpStatusCode.BadRequest);
        Assert.Contains("五岗 20级40档", Api.FieldErrors(p, "amounts")[0]);
        Assert.Equal(3000m + 500 + 200 + 40, AmountsOf(await admin.GetJsonAsync<JsonElement>($"/api/v1/workforce/schemes/{id}"))[4][19][39]);

        // Growing the shape adds empty cells (not publishable until filled); shrinking drops cells.
        var grown = await Ok(await admin.PutAsync($"/api/v1/workforce/schemes/{id}", Input(community.Id, future, 4, 24, 41)));
        Assert.Equal(4 * 24 * 41 - 4 * 20 * 40, grown.GetProperty("emptyCells").GetInt32());
        p = await Api.Problem(await admin.PostAsync($"/api/v1/workforce/schemes/{id}/publish"), HttpStatusCode.BadRequest);
        Assert.Contains("金额为0", Api.FieldErrors(p, "amounts")[0]);
        Assert.Equal(4 * 24 * 41, await app.Db(db => db.SalaryCells.CountAsync(c => c.SchemeId == id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_grid_round_trips_through_Excel_and_a_bad_cell_refuses_the_file_with_its_address(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignInAsync("orgadmin");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var future = Today.AddMonths(1).ToString("yyyy-MM-dd");
        var original = Grid(3, 18, 6, (p, l, s) => 2000m + 333.33m * p + 17.5m * l + s);
        var a = await Created(await admin.PostAsync("/api/v1/workforce/schemes", Input(community.Id, future, 3, 18, 6, original)));
        var resp = await admin.GetAsync($"/api/v1/workforce/schemes/{IdOf(a)}/export");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var bytes = await resp.Content.ReadAsByteArrayAsync();
        using (var first = new MemoryStream(bytes))
        {
            var rows = Xlsx.ReadRows(first).ToList();   // the first sheet: 一岗
            Assert.Equal("级别＼档次,1档,2档,3档,4档,5档,6档", string.Join(",", rows[0]));
            Assert.Equal(19, rows.Count);
            Assert.Equal("18级", rows[18][0]);
            Assert.Equal("2351.83", rows[1][1]);    // 一岗 1级1档: 2000 + 333.33 + 17.5 + 1
        }

        // Into another draft whose cells are all 1: afterwards identical to the original.
        var b = await Created(await admin.PostAsync($"/api/v1/workforce/schemes/{IdOf(a)}/copy", new { effectiveFrom = Today.AddMonths(2).ToString("yyyy-MM-dd") }));
        var bId = IdOf(b);
        await admin.PutAsync($"/api/v1/workforce/schemes/{bId}/cells", new { amounts = Grid(3, 18, 6, (_, _, _) => 1m) });
        var imported = await Ok(await admin.UploadAsync($"/api/v1/workforce/schemes/{bId}/import", bytes, "grid.xlsx"));
        Assert.Equal(original, AmountsOf(imported));

        // A workbook with a bad cell: refused with its address, and the draft keeps its cells.
        var sheets = Posts(3).Select((name, pi) => new XlsxSheet(name,
            [new("级别＼档次"), .. Enumerable.Range(1, 6).Select(s => new XlsxColumn($"{s}档"))],
            Xlsx.Rows(Enumerable.Range(1, 18).Select(l => new object?[] { $"{l}级" }
                .Concat(Enumerable.Range(1, 6).Select(s => pi == 1 && l == 4 && s == 2 ? "三千" : (object?)(5000m + l + s))).ToArray())))).ToList();
        using var bad = new MemoryStream();
        await Xlsx.WriteAsync(bad, sheets, CancellationToken.None);
        var p = await Api.Problem(await admin.UploadAsync($"/api/v1/workforce/schemes/{bId}/import", bad.ToArray(), "bad.xlsx"), HttpStatusCode.BadRequest);
        var errors = Api.FieldErrors(p, "file");
        Assert.Single(errors);
        Assert.Contains("工作表“二岗” C5（4级2档）", errors[0]);
        Assert.Contains("三千", errors[0]);
        Assert.Equal(original, AmountsOf(await admin.GetJsonAsync<JsonElement>($"/api/v1/workforce/schemes/{bId}")));
        // Not a workbook at all.
        p = await Api.Problem(await admin.UploadAsync($"/api/v1/workforce/schemes/{bId}/import", "not excel"u8.ToArray(), "x.xlsx"), HttpStatusCode.BadRequest);
        Assert.Contains(".xlsx", Api.FieldErrors(p, "file")[0]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_payroll_of_a_community_is_computed_from_its_scheme_and_exports_the_same_figures(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignInAsync("orgadmin");
        var staff = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var scheme = await Created(await admin.PostAsync("/api/v1/workforce/schemes", Input(community.Id, "2025-01-01", 3, 18, 10, Grid(3, 18, 10))));
        await admin.PostAsync($"/api/v1/workforce/schemes/{IdOf(scheme)}/publish");

        async Task<(Guid Id, string Name)> Hire(WorkerBuilder b)
        {
            var w = await Api.Read<JsonElement>(await staff.PostAsync("/api/v1/workforce/workers", b.Build()));
            return (w.GetProperty("worker").GetProperty("id").GetGuid(), b.Name);
        }
        // A: 一岗2级3档 since 2022-03-01 (4 full years in October 2026): 3123 + 4 × 30 = 3243.
        var a = await Hire(new WorkerBuilder(community.Id).With("payPost", 1).With("level", 2).With("step", 3));
        // B: 三岗18级10档 hired on 16 October: 3490 × 16/31 = 1801.29.
        var b = await Hire(new WorkerBuilder(community.Id).With("payPost", 3).With("level", 18).With("step", 10).With("hireDate", "2026-10-16"));
        // C: 21级 does not exist in 三岗十八级: an error line, not a crash.
        var c = await Hire(new WorkerBuilder(community.Id).With("payPost", 2).With("level", 21).With("step", 1));
        // D: hired in November: not on October's sheet.
        await Hire(new WorkerBuilder(community.Id).With("hireDate", "2026-11-02"));

        var sheet = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/payroll?orgId={community.Id}&month=2026-10");
        Assert.Equal(31, sheet.GetProperty("daysInMonth").GetInt32());
        var rows = sheet.GetProperty("rows").GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("workerId").GetGuid());
        Assert.Equal(3, rows.Count);
        Assert.Equal(3123m, rows[a.Id].GetProperty("base").GetDecimal());
        Assert.Equal(120m, rows[a.Id].GetProperty("seniority").GetDecimal());
        Assert.Equal(3243m, rows[a.Id].GetProperty("total").GetDecimal());
        Assert.Equal("一岗2级3档", rows[a.Id].GetProperty("placement").GetString());
        Assert.Equal(16, rows[b.Id].GetProperty("paidDays").GetInt32());
        Assert.Equal(1801.29m, rows[b.Id].GetProperty("total").GetDecimal());
        Assert.True(rows[c.Id].GetProperty("hasErrors").GetBoolean());
        Assert.Contains("21级", rows[c.Id].GetProperty("problem").GetString());
        var totals = sheet.GetProperty("totals");
        Assert.Equal(5044.29m, totals.GetProperty("total").GetDecimal());
        Assert.Equal(1, totals.GetProperty("withErrors").GetInt32());
        await Api.Problem(await staff.GetAsync($"/api/v1/workforce/payroll?orgId={community.Id}&month=2026-13"), HttpStatusCode.BadRequest);

        // The Excel export: the same figures, a totals row.
        var resp = await staff.GetAsync($"/api/v1/workforce/payroll/export?orgId={community.Id}&month=2026-10");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        using var stream = new MemoryStream(await resp.Content.ReadAsByteArrayAsync());
        var x = Xlsx.ReadRows(stream).ToList();
        var header = x[0].ToList();
        int Col(string name) => header.IndexOf(name);
        var rowA = x.Single(r => r[Col("姓名")] == a.Name);
        Assert.Equal("3123", rowA[Col("岗级工资")]);
        Assert.Equal("120", rowA[Col("工龄津贴")]);
        Assert.Equal("3243", rowA[Col("应发合计")]);
        Assert.Equal("1801.29", x.Single(r => r[Col("姓名")] == b.Name)[Col("应发合计")]);
        var total = x[^1];
        Assert.Equal("合计", total[0]);
        Assert.Equal("5044.29", total[Col("应发合计")]);
        Assert.Equal(5, x.Count);   // header, three workers, totals

        // The worker's pay history has October with its line.
        var history = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{a.Id}/pay?months=36");
        var october = history.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2026-10");
        Assert.Equal(3243m, october.GetProperty("total").GetDecimal());
        Assert.Equal(IdOf(scheme), october.GetProperty("lines")[0].GetProperty("schemeId").GetGuid());
        var hb = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{b.Id}/pay?months=36");
        Assert.Equal("2026-10", hb.GetProperty("months").EnumerateArray().Last().GetProperty("month").GetString());   // nothing before the hire month
    }
}
