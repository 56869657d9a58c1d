using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Excel;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features.Recruitment;

/// <summary>
/// 报名 from Excel: a template with the announcement's positions, and an import with a row-by-row report. Every row is
/// checked as the form checks it (ID number, phone, position by name, duplicates in the file and in the announcement);
/// the clerk chooses whether errors still let the valid rows in (ValidRows) or stop the whole file (AllOrNothing).
/// </summary>
public static class ApplicationExcel
{
    public const int MaxRows = 2000;
    public const long MaxFileBytes = 5L * 1024 * 1024;

    private static readonly string[] Required = ["姓名", "身份证号", "手机号码", "报考岗位", "政治面貌"];

    private static readonly XlsxColumn[] Columns =
    [
        new("姓名", 10), new("身份证号", 22, Text: true), new("手机号码", 14, Text: true), new("报考岗位", 30), new("学历", 12), new("政治面貌", 12),
        new("户籍地区代码", 14, Text: true), new("住址", 30),
    ];

    private static string PositionLabel(RecruitPosition p) => $"{p.CommunityName}-{p.Name}";

    public static async Task<Results<FileStreamHttpResult, NotFound>> Template(Guid id, AppDbContext db, CancellationToken ct)
    {
        var a = await db.RecruitAnnouncements.AsNoTracking().Include(x => x.Positions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        var first = a.Positions.OrderBy(p => p.SortOrder).FirstOrDefault();
        var example = new object?[] { "张三", "520201199801011234（示例，请删除本行）", "13800000000", first is null ? "某社区-专职网格员" : PositionLabel(first), "大学本科", "共青团员", "520201", "某某小区1号楼" };
        var notes = new[]
        {
            new object?[] { "姓名", "必填，不超过50个字" },
            ["身份证号", "必填，18位，校验位须正确；请将该列设为文本格式"],
            ["手机号码", "必填，11位中国大陆手机号码"],
            ["报考岗位", "必填，照抄“岗位列表”中的写法（社区-岗位）"],
            ["学历", "选填：研究生、大学本科、大学专科、中专/中技、高中、初中及以下；不填时学历条件需人工审核"],
            ["政治面貌", "必填：中共党员、中共预备党员、共青团员、民主党派、群众"],
            ["户籍地区代码", "选填，6位以上行政区划代码；不填时户籍条件需人工审核"],
            ["导入规则", "同一身份证号在本次选聘中只能报名一次；文件中重复的行均不导入。"],
        };
        var stream = await Xlsx.WriteTempAsync(
        [
            new XlsxSheet("报名人员", Columns, Xlsx.Rows([example])),
            new XlsxSheet("填写说明", [new("列", 16), new("说明", 80)], Xlsx.Rows(notes)),
            new XlsxSheet("岗位列表", [new("报考岗位", 40), new("招聘人数", 10)],
                Xlsx.Rows(a.Positions.OrderBy(p => p.SortOrder).Select(p => new object?[] { PositionLabel(p), p.Places }))),
        ], ct);
        return TypedResults.File(stream, Xlsx.ContentType, "选聘报名导入模板.xlsx");
    }

    private sealed record Parsed(int Row, ApplicationInput Input, List<string> Errors, ChineseIdNumber? Id, string? Hash);

    public static async Task<Results<Ok<ImportReport>, NotFound, ValidationProblem, ProblemHttpResult>> Import(Guid id, IFormFile? file, ImportMode? mode,
        AppDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        var a = await db.RecruitAnnouncements.Include(x => x.Positions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        if (!a.TakesApplications) return Problems.Conflict($"公告当前为“{RecruitmentLabels.Of(a.Status)}”，不能再导入报名。");
        if (file is null || file.Length == 0) return Problems.Validation("file", "请选择要导入的 .xlsx 文件");
        if (file.Length > MaxFileBytes) return Problems.Validation("file", $"文件不能超过 {MaxFileBytes / 1024 / 1024} MB");
        await using var buffer = new MemoryStream((int)file.Length);
        await using (var s = file.OpenReadStream()) await s.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var importMode = mode ?? ImportMode.ValidRows;

        List<string?[]> raw = [];
        try
        {
            foreach (var row in Xlsx.ReadRows(buffer))
            {
                raw.Add(row);
                if (raw.Count > MaxRows + 1) return Problems.Validation("file", $"文件数据超过 {MaxRows} 行，请拆分后分批导入");
            }
        }
        catch (InvalidDataException) { return Problems.Validation("file", "文件不是有效的 .xlsx 工作簿（请用 Excel 或 WPS 另存为 .xlsx 后再导入）"); }
        if (raw.Count == 0) return Problems.Validation("file", "文件是空的：第一行应为表头，请使用导入模板");
        var header = raw[0].Select(h => h?.Trim().TrimEnd('*') ?? "").ToList();
        var missing = Required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) return Problems.Validation("file", $"表头缺少列：{string.Join("、", missing)}。请使用导入模板（第一行为表头）");
        var col = Columns.Select(c => c.Header).ToDictionary(h => h, header.IndexOf);
        string? Cell(string?[] r, string name) => col[name] is var i and >= 0 && i < r.Length ? r[i]?.Trim() is { Length: > 0 } v ? v : null : null;
        var dataRows = raw.Skip(1).Select((r, i) => (Row: i + 2, Cells: r)).Where(x => x.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (dataRows.Count == 0) return Problems.Validation("file", "文件中没有数据行");

        var byLabel = a.Positions.GroupBy(PositionLabel).ToDictionary(g => g.Key, g => g.ToList());
        var byName = a.Positions.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.ToList());
        var politics = Enum.GetValues<PoliticalStatus>().ToDictionary(WorkforceLabels.Of);
        politics["党员"] = PoliticalStatus.PartyMember;
        politics["预备党员"] = PoliticalStatus.ProbationaryMember;
        politics["团员"] = PoliticalStatus.LeagueMember;
        var today = db.Today;
        var parsed = new List<Parsed>();
        foreach (var (rowNo, cells) in dataRows)
        {
            var errors = new List<string>();
            Guid? positionId = null;
            if (Cell(cells, "报考岗位") is not { } pos) errors.Add("请填写报考岗位");
            else if (byLabel.TryGetValue(pos, out var l) && l.Count == 1) positionId = l[0].Id;
            else if (byName.TryGetValue(pos, out var n) && n.Count == 1) positionId = n[0].Id;
            else errors.Add($"报考岗位“{pos}”不在本公告的岗位中（请按“社区-岗位”填写）");
            Education? education = null;
            if (Cell(cells, "学历") is { } ed)
            {
                education = Enum.GetValues<Education>().Cast<Education?>().FirstOrDefault(e => Labels.Of(e!.Value) == ed);
                if (education is null) errors.Add($"学历“{ed}”不在可选范围内（见填写说明）");
            }
            PoliticalStatus? ps = null;
            if (Cell(cells, "政治面貌") is { } pt) { if (politics.TryGetValue(pt, out var v)) ps = v; else errors.Add($"政治面貌“{pt}”不在可选范围内"); }
            var input = new ApplicationInput(positionId, Cell(cells, "姓名"), Cell(cells, "身份证号"), Cell(cells, "手机号码"), education, ps,
                Cell(cells, "户籍地区代码"), Cell(cells, "住址"));
            var fieldErrors = ApplicationFeatures.Check(input, a, today, creating: true, out var number);
            foreach (var (field, messages) in fieldErrors)
                if (!(field == "positionId" && positionId is null) && !(field == "politicalStatus" && ps is null && errors.Any(e => e.StartsWith("政治面貌", StringComparison.Ordinal))))
                    errors.AddRange(messages);
            parsed.Add(new Parsed(rowNo, input, errors.Distinct().ToList(), number, number is { } x ? protector.BlindIndex(x.Value) : null));
        }
        foreach (var dup in parsed.Where(p => p.Hash is not null).GroupBy(p => p.Hash).Where(g => g.Count() > 1))
            foreach (var p in dup) p.Errors.Add($"身份证号与第 {string.Join("、", dup.Where(x => x != p).Select(x => x.Row))} 行重复");
        var hashes = parsed.Where(p => p.Hash is not null).Select(p => p.Hash!).ToList();
        var existing = (await db.RecruitApplications.Where(x => x.AnnouncementId == a.Id && hashes.Contains(x.IdNumberHash)).Select(x => x.IdNumberHash).ToListAsync(ct)).ToHashSet();
        foreach (var p in parsed.Where(p => p.Hash is not null && existing.Contains(p.Hash))) p.Errors.Add("该身份证号已报名本次选聘，不能重复报名");

        var refused = parsed.Count(p => p.Errors.Count > 0);
        var commit = refused == 0 || importMode == ImportMode.ValidRows;
        var created = 0;
        if (commit)
        {
            foreach (var p in parsed.Where(p => p.Errors.Count == 0))
            {
                var x = RecruitApplication.Create(Guid.CreateVersion7(), a, ApplicationSource.Imported, db.Now);
                ApplicationFeatures.Apply(x, p.Input, p.Id, protector, db.Now);
                db.RecruitApplications.Add(x);
                created++;
            }
            db.Audit(AuditActions.Import, "选聘报名", a.Id.ToString(), $"导入“{a.Title}”报名“{Path.GetFileName(file.FileName)}”：新增{created}人，未导入{refused}行");
            await db.SaveChangesAsync(ct);
        }
        var rows = parsed.Select(p => new ImportRowResult(p.Row, p.Input.Name,
            p.Errors.Count > 0 ? RowOutcome.Refused : commit ? RowOutcome.Created : RowOutcome.NotImported,
            p.Errors.Count > 0 ? p.Errors : commit ? [] : ["文件中有错误行，按“全部正确才导入”未导入"])).ToList();
        return TypedResults.Ok(new ImportReport(Path.GetFileName(file.FileName), importMode, commit, parsed.Count, created, 0, 0, refused, rows));
    }
}
