using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Modules.Members.Domain;
using Lianxin.Platform.Excel;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Modules;

public sealed class RosterExcelTests : ApiTestBase
{
    private static readonly string[] Header = ["姓名", "身份证号", "手机号码", "所在党组织", "组织编码", "党员状态", "党员类别", "入党日期", "转正日期", "民族", "学历", "家庭住址", "标签"];

    private static async Task<byte[]> Workbook(IEnumerable<object?[]> rows, string[]? header = null)
    {
        var ms = new MemoryStream();
        await Xlsx.WriteAsync(ms, [new XlsxSheet("党员名册", [.. (header ?? Header).Select(h => new XlsxColumn(h))], Xlsx.Rows(rows))], CancellationToken.None);
        return ms.ToArray();
    }

    private static List<string?[]> Read(byte[] xlsx) => [.. Xlsx.ReadRows(new MemoryStream(xlsx))];

    [Theory, MemberData(nameof(Providers))]
    public async Task Exporting_a_branch_and_importing_the_file_gives_back_the_same_members(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var first = await (await api.GetAsync($"/api/v1/members/export?orgId={branch.Id}&full=true")).Content.ReadAsByteArrayAsync();
        var rows = Read(first);
        Assert.True(rows.Count > 2);
        Assert.DoesNotContain(rows.Skip(1), r => r[1]!.Contains('*', StringComparison.Ordinal)); // full numbers

        // Importing it unchanged changes nothing.
        var same = await Api.Read<JsonElement>(await api.UploadAsync("/api/v1/members/import", first, "名册.xlsx"));
        Assert.Equal(rows.Count - 1, same.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, same.GetProperty("created").GetInt32() + same.GetProperty("updated").GetInt32() + same.GetProperty("refused").GetInt32());

        // Remove the branch's members, import the file, and export again: the same roster.
        var ids = await app.Db(db => db.Members.Where(m => m.OrgId == branch.Id).Select(m => m.Id).ToListAsync());
        foreach (var id in ids) Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/members/{id}")).StatusCode);
        var back = await Api.Read<JsonElement>(await api.UploadAsync("/api/v1/members/import", first, "名册.xlsx"));
        Assert.True(back.GetProperty("committed").GetBoolean());
        Assert.Equal(ids.Count, back.GetProperty("created").GetInt32());
        var again = Read(await (await api.GetAsync($"/api/v1/members/export?orgId={branch.Id}&full=true")).Content.ReadAsByteArrayAsync());
        Assert.Equal(rows.Select(r => string.Join("|", r)), again.Select(r => string.Join("|", r)));
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.Action == "import")));
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.Action == "export" && a.Summary.Contains("含完整身份证号"))));

        // A masked export is for everyone with read access; the full one needs the reveal permission.
        var staff = await app.SignInAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/members/export?orgId={branch.Id}&full=true")).StatusCode);
        var masked = Read(await (await staff.GetAsync($"/api/v1/members/export?orgId={branch.Id}")).Content.ReadAsByteArrayAsync());
        Assert.All(masked.Skip(1), r => Assert.Contains('*', r[1]!));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_row_is_checked_and_the_user_chooses_between_the_valid_rows_and_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var sibling = await Seeded.BranchUnder(app, app.Seed.SecondStreetOrgId);
        string Id(int seq) => ChineseIdNumber.Compose("370830", new DateOnly(1980, 5, 5), seq, Gender.Female);
        var rows = new List<object?[]>
        {
            new object?[] { "好党员", Id(501), "13900000001", branch.Name, null, "正式党员", "在职党员", "2010-07-01", "2011-07-01", "汉族", "大学本科", "一号楼", "志愿者、退役军人" },
            new object?[] { "错号码", "370830198005051230", "13900000002", branch.Name, null, "正式党员", "在职党员", "2010-07-01", "2011-07-01", null, null, null, null },
            new object?[] { "重复甲", Id(503), "13900000003", branch.Name, null, "预备党员", "在职党员", "2026-01-01", null, null, null, null, null },
            new object?[] { "重复乙", Id(503), "13900000004", branch.Name, null, "预备党员", "在职党员", "2026-01-01", null, null, null, null, null },
            new object?[] { "外组织", Id(505), "13900000005", sibling.Name, null, "正式党员", "其他", "2010-07-01", "2011-07-01", null, "博士", null, null },
            new object?[] { "太年轻", Id(507), "13900000006", branch.Name, null, "正式党员", "流动", "1990-01-01", "1991-01-01", null, null, null, null },
        };
        var file = await Workbook(rows);
        var before = await app.Db(db => db.Members.CountAsync());

        var strict = await Api.Read<JsonElement>(await api.UploadAsync("/api/v1/members/import?mode=AllOrNothing", file, "a.xlsx"));
        Assert.False(strict.GetProperty("committed").GetBoolean());
        Assert.Equal(before, await app.Db(db => db.Members.CountAsync()));
        Assert.Equal("NotImported", strict.GetProperty("rows")[0].GetProperty("outcome").GetString());

        var lenient = await Api.Read<JsonElement>(await api.UploadAsync("/api/v1/members/import?mode=ValidRows", file, "a.xlsx"));
        Assert.True(lenient.GetProperty("committed").GetBoolean());
        Assert.Equal(1, lenient.GetProperty("created").GetInt32());
        Assert.Equal(5, lenient.GetProperty("refused").GetInt32());
        var report = lenient.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32(),
            r => (Outcome: r.GetProperty("outcome").GetString(), Messages: string.Join(" ", r.GetProperty("messages").EnumerateArray().Select(m => m.GetString()))));
        Assert.Equal("Created", report[2].Outcome);
        Assert.Contains("校验位", report[3].Messages);
        Assert.Contains("第 5 行重复", report[4].Messages);
        Assert.Contains("第 4 行重复", report[5].Messages);
        Assert.Contains("不在您的管辖范围内", report[6].Messages);
        Assert.Contains("学历", report[6].Messages);
        Assert.Contains("18周岁", report[7].Messages);
        Assert.Equal(before + 1, await app.Db(db => db.Members.CountAsync()));
        var created = await app.Db(db => db.Members.Include(m => m.Person).ThenInclude(p => p.Tags).SingleAsync(m => m.Name == "好党员"));
        Assert.Equal(["志愿者", "退役军人"], created.Person.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));
        Assert.Equal(Gender.Female, created.Person.Gender);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Files_that_are_not_a_roster_are_refused_with_a_clear_message(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var p = await Api.Problem(await api.UploadAsync("/api/v1/members/import", "姓名,身份证号\n张三,1"u8.ToArray(), "名册.xlsx"), HttpStatusCode.BadRequest);
        Assert.Contains(Api.FieldErrors(p, "file"), m => m.Contains("不是有效的 .xlsx", StringComparison.Ordinal));
        var zipNotXlsx = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(zipNotXlsx, System.IO.Compression.ZipArchiveMode.Create, true))
            await using (var w = new StreamWriter(zip.CreateEntry("a.txt").Open())) await w.WriteAsync("hello");
        p = await Api.Problem(await api.UploadAsync("/api/v1/members/import", zipNotXlsx.ToArray(), "名册.xlsx"), HttpStatusCode.BadRequest);
        Assert.Contains(Api.FieldErrors(p, "file"), m => m.Contains("不是有效的 .xlsx", StringComparison.Ordinal));

        p = await Api.Problem(await api.UploadAsync("/api/v1/members/import", await Workbook([["a", "b"]], ["名字", "号码"]), "x.xlsx"), HttpStatusCode.BadRequest);
        Assert.Contains(Api.FieldErrors(p, "file"), m => m.Contains("表头缺少列：姓名、身份证号", StringComparison.Ordinal));

        var garbage = Enumerable.Range(0, 50_000).Select(i => new object?[] { "x" + i, "garbage", i, "??", null, "?", "?", "?" });
        p = await Api.Problem(await api.UploadAsync("/api/v1/members/import", await Workbook(garbage), "garbage.xlsx"), HttpStatusCode.BadRequest);
        Assert.Contains(Api.FieldErrors(p, "file"), m => m.Contains("超过 20000 行", StringComparison.Ordinal));

        p = await Api.Problem(await api.UploadAsync("/api/v1/members/import", await Workbook([]), "empty.xlsx"), HttpStatusCode.BadRequest);
        Assert.Contains(Api.FieldErrors(p, "file"), m => m.Contains("没有数据行", StringComparison.Ordinal));
        Assert.Equal(0, await app.Db(db => db.AuditEntries.CountAsync(a => a.Action == "import")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_template_has_the_columns_the_import_reads(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var resp = await api.GetAsync("/api/v1/members/import/template");
        Assert.Equal(Xlsx.ContentType, resp.Content.Headers.ContentType?.MediaType);
        var rows = Read(await resp.Content.ReadAsByteArrayAsync());
        Assert.Equal(Header, rows[0][..Header.Length]);
    }
}
