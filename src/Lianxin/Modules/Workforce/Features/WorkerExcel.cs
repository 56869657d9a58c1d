using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Excel;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features;

/// <summary>
/// The community-worker roster in Excel: export a subtree (masked, or in full with the reveal permission) and import
/// it back with a row-by-row report, like the member roster. A new ID number is hired (with its 聘用 record); a worker
/// already on the roster gets the personal fields and political status updated. Post and pay grade never change by
/// import (a change from a date is a 岗位变动 record): a differing cell is reported on the row and left alone.
/// </summary>
public static class WorkerExcel
{
    private static readonly string[] Required = ["姓名", "身份证号", "手机号码", "所在社区", "政治面貌", "聘用日期", "岗位", "薪酬岗", "薪级", "档次"];

    internal static readonly XlsxColumn[] Columns =
    [
        new("姓名", 10), new("身份证号", 22, Text: true), new("手机号码", 14, Text: true), new("所在社区", 30), new("组织编码", 14), new("政治面貌", 12),
        new("学历", 12), new("聘用日期", 12), new("岗位", 14), new("薪酬岗", 8), new("薪级", 8), new("档次", 8), new("状态", 8), new("职业资格", 14),
        new("民族", 8), new("家庭住址", 30),
    ];

    public sealed record ExportQuery(Guid? OrgId, WorkerPost? Post, WorkerStatus? Status, bool? Full);

    public static async Task<IResult> Export([AsParameters] ExportQuery q, AppDbContext db, PersonalDataProtector protector, HttpContext http, CancellationToken ct)
    {
        if (q.Full == true && !Roles.PermissionsOf(http.User).Contains(Perm.Member.Reveal))
            return TypedResults.Problem("导出完整身份证号和手机号需要“查看明文”权限。", statusCode: 403, title: "没有权限");
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var workers = await RosterFeatures.Filter(db, path, new WorkerQuery(null, null, q.Post, q.Status, null, null, null))
            .OrderBy(w => w.OrgPath).ThenBy(w => w.Post).ThenBy(w => w.Name).ThenBy(w => w.Id).ToListAsync(ct);
        db.Audit(AuditActions.Export, "社区工作者", null, $"导出社区工作者花名册 {workers.Count} 人{(q.Full == true ? "（含完整身份证号、手机号）" : "（脱敏）")}",
            after: new { q.OrgId, q.Post, q.Status, Full = q.Full == true });
        await db.SaveChangesAsync(ct);
        var personIds = workers.Select(w => w.PersonId).ToList();
        var people = await db.People.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var orgIds = workers.Select(w => w.OrgId).Distinct().ToList();
        var orgs = await db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new { o.Name, o.Code }, ct);
        var today = db.Today;
        var full = q.Full == true;
        var rows = workers.Select(w =>
        {
            var p = people[w.PersonId];
            var org = orgs.GetValueOrDefault(w.OrgId);
            var cert = w.CertificateOn(today);
            return new object?[]
            {
                w.Name, full ? protector.Decrypt(p.IdNumberCipher) : p.IdNumberMasked,
                // Community names repeat across streets: without a code, the organization's id lets the file come back.
                full ? (p.PhoneCipher is null ? null : protector.Decrypt(p.PhoneCipher)) : p.PhoneMasked, org?.Name, org?.Code ?? w.OrgId.ToString(),
                WorkforceLabels.Of(w.PoliticalStatus), w.Education is { } e ? Labels.Of(e) : null, w.HireDate, WorkforceLabels.Of(w.Post),
                w.PayPost, w.Level, w.Step, WorkforceLabels.Of(w.Status), cert is { } c ? WorkforceLabels.Of(c) : null, p.Ethnicity, p.Address,
            };
        });
        return await Xlsx.File($"社区工作者花名册_{today:yyyyMMdd}.xlsx", [new XlsxSheet("社区工作者", Columns, Xlsx.Rows(rows))], ct);
    }

    private sealed record ParsedRow(int Row, WorkerInput Input, List<string> Errors, List<string> Notes, string? Hash);

    public static async Task<Results<Ok<ImportReport>, ValidationProblem>> Import(IFormFile? file, ImportMode? mode, AppDbContext db, PersonWriter writer,
        CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Problems.Validation("file", "请选择要导入的 .xlsx 文件");
        if (file.Length > RosterExcel.MaxFileBytes) return Problems.Validation("file", $"文件不能超过 {RosterExcel.MaxFileBytes / 1024 / 1024} MB");
        await using var buffer = new MemoryStream((int)file.Length);
        await using (var s = file.OpenReadStream()) await s.CopyToAsync(buffer, ct);
        List<string?[]> raw = [];
        try
        {
            foreach (var r in Xlsx.ReadRows(buffer))
            {
                raw.Add(r);
                if (raw.Count > RosterExcel.MaxRows + 1) return Problems.Validation("file", $"文件数据超过 {RosterExcel.MaxRows} 行，请拆分后分批导入");
            }
        }
        catch (InvalidDataException) { return Problems.Validation("file", "文件不是有效的 .xlsx 工作簿（请用 Excel 或 WPS 另存为 .xlsx 后再导入）"); }
        if (raw.Count == 0) return Problems.Validation("file", "文件是空的：第一行应为表头，请使用导出的花名册格式");
        var header = raw[0].Select(h => h?.Trim().TrimEnd('*') ?? "").ToList();
        var missing = Required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) return Problems.Validation("file", $"表头缺少列：{string.Join("、", missing)}。请使用导出的花名册格式（第一行为表头）");
        var col = Columns.Select(c => c.Header).ToDictionary(h => h, header.IndexOf);
        string? Cell(string?[] r, string name) => col[name] is var i and >= 0 && i < r.Length ? r[i]?.Trim() is { Length: > 0 } v ? v : null : null;
        var dataRows = raw.Skip(1).Select((r, i) => (Row: i + 2, Cells: r)).Where(x => x.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (dataRows.Count == 0) return Problems.Validation("file", "文件中没有数据行");

        var orgs = await db.PartyOrgs.AsNoTracking().Where(o => o.Status == OrgStatus.Active).Select(o => new { o.Id, o.Path, o.Name, o.Code }).ToListAsync(ct);
        var byCode = orgs.Where(o => o.Code != null).GroupBy(o => o.Code!).ToDictionary(g => g.Key, g => g.ToList());
        var byName = orgs.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.ToList());
        var today = db.Today;
        var validator = new PersonFieldsValidator<WorkerInput>(today, creating: true, phoneRequired: true);
        var parsed = new List<ParsedRow>();
        foreach (var (rowNo, cells) in dataRows)
        {
            var errors = new List<string>();
            Guid? orgId = null;
            var code = Cell(cells, "组织编码");
            var orgName = Cell(cells, "所在社区");
            if (code is not null && byCode.TryGetValue(code, out var withCode) && withCode.Count == 1) orgId = withCode[0].Id;
            else if (code is not null && Guid.TryParse(code, out var byId) && orgs.Any(o => o.Id == byId)) orgId = byId;
            else if (orgName is null) errors.Add("请填写所在社区");
            else if (byName.TryGetValue(orgName, out var list)) { if (list.Count == 1) orgId = list[0].Id; else errors.Add($"组织名称“{orgName}”不唯一，请填写组织编码"); }
            else errors.Add($"组织“{orgName}”不存在或不在您的管辖范围内");
            var idRaw = Cell(cells, "身份证号");
            Gender? gender = null; DateOnly? birth = null;
            if (ChineseIdNumber.TryParse(idRaw, today, out var id, out _)) { gender = id.Gender; birth = id.BirthDate; }
            var politics = RosterExcel.Choice(Cell(cells, "政治面貌"), "政治面貌", errors,
                [.. Enum.GetValues<PoliticalStatus>().Select(p => (p, WorkforceLabels.Of(p), WorkforceLabels.Of(p).Replace("中共", "", StringComparison.Ordinal)))]);
            var post = RosterExcel.Choice(Cell(cells, "岗位"), "岗位", errors, [.. Enum.GetValues<WorkerPost>().Select(p => (p, WorkforceLabels.Of(p), WorkforceLabels.Of(p)))]);
            DateOnly? hired = null;
            if (Cell(cells, "聘用日期") is { } hs && (hired = RosterExcel.ParseDate(hs)) is null) errors.Add($"聘用日期“{hs}”格式不正确，应为 2022-03-01");
            else if (hired is null) errors.Add("请填写聘用日期");
            int? Number(string name) { if (Cell(cells, name) is not { } t) { errors.Add($"请填写{name}"); return null; } if (int.TryParse(t, out var n) && n is >= 1 and <= 99) return n; errors.Add($"{name}“{t}”应为1到99的整数"); return null; }
            var (payPost, level, step) = (Number("薪酬岗"), Number("薪级"), Number("档次"));
            Education? education = null;
            if (Cell(cells, "学历") is { } ed && (education = Enum.GetValues<Education>().Cast<Education?>().FirstOrDefault(e => Labels.Of(e!.Value) == ed)) is null)
                errors.Add($"学历“{ed}”不在可选范围内");
            var input = new WorkerInput(Cell(cells, "姓名"), idRaw, gender, birth, Cell(cells, "手机号码"), Cell(cells, "家庭住址"), education, Cell(cells, "民族"),
                orgId, politics, hired, post, payPost, level, step);
            var v = await validator.ValidateAsync(input, ct);
            foreach (var e in v.Errors.Where(e => e.PropertyName is not ("Gender" or "BirthDate" or "OrgId"))) errors.Add(e.ErrorMessage);
            if (birth is { } b && hired is { } h && WorkforceRules.AgeOn(b, h) < 18) errors.Add("聘用时应年满18周岁");
            parsed.Add(new ParsedRow(rowNo, input, errors.Distinct().ToList(), [], errors.Count == 0 || ChineseIdNumber.TryParse(idRaw, today, out _, out _) ? writer.HashIdNumber(idRaw!) : null));
        }
        foreach (var dup in parsed.Where(p => p.Hash is not null).GroupBy(p => p.Hash).Where(g => g.Count() > 1))
            foreach (var p in dup) p.Errors.Add($"身份证号与第 {string.Join("、", dup.Where(x => x != p).Select(x => x.Row))} 行重复");

        // Who is on the roster already (anywhere), and who is a person elsewhere.
        var hashes = parsed.Where(p => p.Hash is not null).Select(p => p.Hash!).ToList();
        var people = await db.People.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Include(p => p.Tags).Where(p => hashes.Contains(p.IdNumberHash)).ToDictionaryAsync(p => p.IdNumberHash, ct);
        var personIds = people.Values.Select(p => p.Id).ToList();
        var workers = await db.Workers.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Include(w => w.Certificates).Where(w => personIds.Contains(w.PersonId)).ToDictionaryAsync(w => w.PersonId, ct);
        foreach (var p in parsed.Where(p => p.Errors.Count == 0 && people.ContainsKey(p.Hash!)))
        {
            var person = people[p.Hash!];
            if (workers.TryGetValue(person.Id, out var w))
            {
                if (!db.Scope.Contains(w.OrgPath)) p.Errors.Add("该身份证号已在其他社区登记为社区工作者");
                else
                {
                    if (w.OrgId != p.Input.OrgId) p.Notes.Add("所在社区与花名册不同：调动请在档案中办理，本行未改社区");
                    if ((w.Post, w.PayPost, w.Level, w.Step) != (p.Input.Post, p.Input.PayPost, p.Input.Level, p.Input.Step))
                        p.Notes.Add("岗位、薪酬岗、薪级、档次与花名册不同：请登记岗位变动，本行未改");
                    if (w.HireDate != p.Input.HireDate) p.Notes.Add("聘用日期与花名册不同：请在档案中更正，本行未改");
                }
            }
            else if (!db.Scope.Contains(person.OrgPath)) p.Errors.Add("该身份证号已登记在其他组织，请联系上级组织处理");
        }
        var refused = parsed.Count(p => p.Errors.Count > 0);
        var commit = refused == 0 || (mode ?? ImportMode.ValidRows) == ImportMode.ValidRows;
        var outcomes = new Dictionary<int, RowOutcome>();
        if (commit)
        {
            var paths = orgs.ToDictionary(o => o.Id, o => o);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in parsed.Where(p => p.Errors.Count == 0))
            {
                var r = row.Input;
                if (people.TryGetValue(row.Hash!, out var person) && workers.TryGetValue(person.Id, out var w))
                {
                    writer.Apply(person, r);
                    w.CopyPerson(person, db.Now);
                    w.Edit(w.OrgId, w.OrgPath, r.PoliticalStatus!.Value, w.HireDate, db.Now);
                    var changed = db.Entry(w).Properties.Any(p => p.IsModified && p.Metadata.Name is not ("UpdatedAt" or "Version") && !Equals(p.OriginalValue, p.CurrentValue))
                        || db.Entry(person).Properties.Any(p => p.IsModified && p.Metadata.Name is not ("UpdatedAt" or "IdNumberCipher" or "PhoneCipher" or "Version") && !Equals(p.OriginalValue, p.CurrentValue));
                    outcomes[row.Row] = changed ? RowOutcome.Updated : RowOutcome.Unchanged;
                    if (!changed) { db.Entry(w).State = EntityState.Unchanged; db.Entry(person).State = EntityState.Unchanged; }
                }
                else
                {
                    var org = paths[r.OrgId!.Value];
                    var (hired, problem) = await RosterFeatures.Hire(db, writer, r, PartyOrgRef(db, org.Id), ct);
                    if (problem is not null || hired is null) { row.Errors.Add("无法录入，请单独录入查看原因"); continue; }
                    outcomes[row.Row] = RowOutcome.Created;
                }
            }
            var c = outcomes.Values.Count(o => o == RowOutcome.Created);
            var u = outcomes.Values.Count(o => o == RowOutcome.Updated);
            db.Audit(AuditActions.Import, "社区工作者", null, $"导入社区工作者花名册“{Path.GetFileName(file.FileName)}”：新增{c}人，更新{u}人，未导入{refused}行");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        var rows = parsed.Select(p => new ImportRowResult(p.Row, p.Input.Name,
            p.Errors.Count > 0 ? RowOutcome.Refused : commit ? outcomes[p.Row] : RowOutcome.NotImported,
            p.Errors.Count > 0 ? p.Errors : commit ? p.Notes : ["文件中有错误行，按“全部正确才导入”未导入"])).ToList();
        return TypedResults.Ok(new ImportReport(Path.GetFileName(file.FileName), mode ?? ImportMode.ValidRows, commit, parsed.Count,
            rows.Count(r => r.Outcome == RowOutcome.Created), rows.Count(r => r.Outcome == RowOutcome.Updated), rows.Count(r => r.Outcome == RowOutcome.Unchanged), refused, rows));
    }

    private static PartyOrg PartyOrgRef(AppDbContext db, Guid id) => db.PartyOrgs.Local.FirstOrDefault(o => o.Id == id) ?? db.PartyOrgs.First(o => o.Id == id);
}
