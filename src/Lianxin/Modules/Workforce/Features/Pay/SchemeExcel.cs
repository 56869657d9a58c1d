using System.Globalization;
using System.Text;
using ExcelDataReader;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Excel;
using Lianxin.Platform.Files;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Modules.Workforce.Features.Pay;

/// <summary>
/// The grid of a version in Excel: one worksheet per post (named as the post), levels as rows (“1级” …), steps as
/// columns (“1档” …). Import reads the same layout and is all or nothing: any bad cell refuses the file with the
/// cell's address (worksheet, cell, level and step), and nothing changes.
/// </summary>
public static class SchemeExcel
{
    public const long MaxFileBytes = 5L * 1024 * 1024;
    public const string Corner = "级别＼档次";

    public static async Task<IResult> Export(Guid id, AppDbContext db, CancellationToken ct)
    {
        var s = await SchemeFeatures.Load(db, id, tracked: false, ct);
        if (s is null) return TypedResults.NotFound();
        var columns = new List<XlsxColumn> { new(Corner, 12) };
        columns.AddRange(Enumerable.Range(1, s.Steps).Select(st => new XlsxColumn($"{st}档", 9)));
        var sheets = s.PostNames.Select((name, i) => new XlsxSheet(name, columns, Xlsx.Rows(Enumerable.Range(1, s.Levels).Select(l =>
        {
            var row = new object?[s.Steps + 1];
            row[0] = $"{l}级";
            for (var st = 1; st <= s.Steps; st++) row[st] = s.Amount(i + 1, l, st);
            return row;
        })))).ToList();
        return await Xlsx.File($"{s.Name}_{s.EffectiveFrom:yyyyMMdd}.xlsx", sheets, ct);
    }

    public static async Task<Results<Ok<SchemeDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Import(Guid id, IFormFile? file, AppDbContext db, CancellationToken ct)
    {
        var s = await SchemeFeatures.Load(db, id, tracked: true, ct);
        if (s is null) return TypedResults.NotFound();
        if (!db.Scope.Contains(s.OrgPath)) return Problems.Conflict("这是上级组织的薪酬体系，只能查看；如需本级单独执行，请复制为本级的新版本。");
        if (s.IsFrozen(db.Today))
            return Problems.Conflict($"该版本已于{s.EffectiveFrom:yyyy年M月d日}生效，不能修改（已发放的工资按它计算）。调整薪酬请复制为新版本，设定新的生效日期后发布。");
        if (file is null || file.Length == 0) return Problems.Validation("file", "请选择要导入的 .xlsx 文件");
        if (file.Length > MaxFileBytes) return Problems.Validation("file", $"文件不能超过 {MaxFileBytes / 1024 / 1024} MB");
        await using var buffer = new MemoryStream((int)file.Length);
        await using (var upload = file.OpenReadStream()) await upload.CopyToAsync(buffer, ct);
        Dictionary<string, List<string?[]>> sheets;
        try { sheets = ReadSheets(buffer); }
        catch (InvalidDataException) { return Problems.Validation("file", "文件不是有效的 .xlsx 工作簿（请用 Excel 或 WPS 另存为 .xlsx 后再导入）"); }
        var (grid, errors) = Parse(sheets, s.PostNames, s.Levels, s.Steps);
        if (errors.Count > 0) return Problems.Validation(new Dictionary<string, string[]> { ["file"] = [.. SchemeFeatures.Trim(errors)] });
        var changed = s.SetAmounts((p, l, st) => grid[p - 1][l - 1][st - 1], db.Now);
        db.Audit(AuditActions.Update, s.AuditType, s.Id.ToString(), $"从 Excel 导入薪酬体系“{s.AuditLabel}”的金额，{changed} 格有变化",
            after: new { file.FileName, Changed = changed });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await SchemeFeatures.Detail(db, s, ct));
    }

    /// <summary>Every worksheet's rows (up to 1,001 each: a header and 1,000 rows is more than any grid needs).</summary>
    internal static Dictionary<string, List<string?[]>> ReadSheets(Stream seekable) => Xlsx.ReadSheets(seekable, 1001);

    /// <summary>The grid [post][level][step] from the sheets, or the errors with their addresses.</summary>
    internal static (decimal[][][] Grid, List<string> Errors) Parse(Dictionary<string, List<string?[]>> sheets, IReadOnlyList<string> posts, int levels, int steps)
    {
        var errors = new List<string>();
        var grid = new decimal[posts.Count][][];
        for (var p = 0; p < posts.Count; p++)
        {
            grid[p] = new decimal[levels][];
            for (var l = 0; l < levels; l++) grid[p][l] = new decimal[steps];
            var name = posts[p].Length > 31 ? posts[p][..31] : posts[p];
            if (!sheets.TryGetValue(name, out var rows)) { errors.Add($"缺少工作表“{name}”（每个岗一张工作表，以岗的名称命名）"); continue; }
            string? Cell(int r, int c) => r < rows.Count && c < rows[r].Length ? rows[r][c] : null;
            for (var st = 1; st <= steps; st++)
                if (Cell(0, st) is { } h && h != $"{st}档") errors.Add($"工作表“{name}” {Xlsx.ColumnName(st)}1：表头应为“{st}档”，实为“{h}”");
            var extra = rows.Take(levels + 1).SelectMany(r => r.Select((v, c) => (v, c))).Where(x => x.c > steps && x.v is not null)
                .Select(x => x.c).DefaultIfEmpty(-1).Min();
            if (extra > 0) errors.Add($"工作表“{name}”的 {Xlsx.ColumnName(extra)} 列超出本体系的{steps}档");
            for (var l = 1; l <= levels; l++)
            {
                var label = Cell(l, 0);
                if (label is not null && label != $"{l}级") errors.Add($"工作表“{name}” A{l + 1}：应为“{l}级”，实为“{label}”");
                for (var st = 1; st <= steps; st++)
                {
                    var address = $"工作表“{name}” {Xlsx.ColumnName(st)}{l + 1}（{l}级{st}档）";
                    var text = Cell(l, st);
                    if (text is null) errors.Add($"{address}：未填写金额");
                    else if (!decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var v)) errors.Add($"{address}：“{text}”不是金额");
                    else if (v < 0) errors.Add($"{address}：金额不能为负数");
                    else if (v > SchemeFeatures.MaxAmount) errors.Add($"{address}：金额不能超过{SchemeFeatures.MaxAmount:0}元");
                    else if (decimal.Round(v, 2) != v) errors.Add($"{address}：金额最多两位小数");
                    else grid[p][l - 1][st - 1] = v;
                }
            }
            for (var r = levels + 1; r < rows.Count; r++)
                if (rows[r].Any(c => c is not null)) { errors.Add($"工作表“{name}”第{r + 1}行超出本体系的{levels}级"); break; }
        }
        return (grid, errors);
    }
}
