using System.Globalization;
using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Excel;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Members.Features;

public enum ImportMode { ValidRows, AllOrNothing }

public enum RowOutcome { Created, Updated, Unchanged, Refused, NotImported }

public sealed record ImportRowResult(int Row, string? Name, RowOutcome Outcome, IReadOnlyList<string> Messages);

public sealed record ImportReport(string FileName, ImportMode Mode, bool Committed, int Total, int Created, int Updated, int Unchanged, int Refused,
    IReadOnlyList<ImportRowResult> Rows);

/// <summary>
/// The member roster in Excel: export any subtree and filter (streamed), a template, and import with a row-by-row
/// report. Every row is checked as the member form checks it (ID number, dates, organization by name or code,
/// duplicates in the file and in the database); the user chooses whether errors still let the valid rows in or
/// stop the whole file. A row is written whole or not at all, and all rows of a file in one transaction.
/// </summary>
public static class RosterExcel
{
    public const int MaxRows = 20_000;
    public const long MaxFileBytes = 20L * 1024 * 1024;

    private static readonly string[] Required = ["姓名", "身份证号", "手机号码", "所在党组织", "党员状态", "党员类别", "入党日期"];

    internal static readonly XlsxColumn[] Columns =
    [
        new("姓名", 10), new("身份证号", 22, Text: true), new("手机号码", 14, Text: true), new("所在党组织", 30), new("组织编码", 14), new("党员状态", 10),
        new("党员类别", 14), new("入党日期", 12), new("转正日期", 12), new("民族", 8), new("学历", 12), new("家庭住址", 30),
        new("标签", 20), new("性别", 6), new("出生日期", 12),
    ];

    // ---- export ----

    public sealed record ExportQuery(Guid? OrgId, MemberCategory? Category, MemberStatus? Status, string? Tag, string? Name, bool? Full);

    public static async Task<IResult> Export([AsParameters] ExportQuery q, AppDbContext db, PersonalDataProtector protector, HttpContext http, CancellationToken ct)
    {
        if (q.Full == true && !Platform.Access.Roles.PermissionsOf(http.User).Contains(Platform.Access.Perm.Member.Reveal))
            return TypedResults.Problem("导出完整身份证号和手机号需要“查看明文”权限。", statusCode: 403, title: "没有权限");
        string? subtree = null;
        if (q.OrgId is { } orgId && (subtree = await OrgReads.VisiblePath(db, orgId, ct)) is null) return TypedResults.NotFound();
        var filtered = MemberReads.Filter(db.Members.AsNoTracking().WithinSubtree(db.Scope, subtree), db, q.Category, q.Status, q.Tag, q.Name);
        var count = await filtered.CountAsync(ct);
        db.Audit(AuditActions.Export, "党员", null, $"导出党员名册 {count} 人{(q.Full == true ? "（含完整身份证号、手机号）" : "（脱敏）")}",
            after: new { q.OrgId, q.Category, q.Status, q.Tag, q.Name, Full = q.Full == true });
        await db.SaveChangesAsync(ct);
        var ordered = filtered.OrderBy(m => m.OrgPath).ThenBy(m => m.NameKey).ThenBy(m => m.Id);
        return await Xlsx.File($"党员名册_{db.Today:yyyyMMdd}.xlsx", [new XlsxSheet("党员名册", Columns, ExportRows(db, protector, ordered, q.Full == true, ct))], ct);
    }

    /// <summary>Rows a batch at a time: memory holds one batch, whatever the roster's size.</summary>
    internal static async IAsyncEnumerable<object?[]> ExportRows(AppDbContext db, PersonalDataProtector protector, IQueryable<Member> ordered, bool full,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        const int batch = 2000;
        for (var skip = 0; ; skip += batch)
        {
            var rows = await ordered.Skip(skip).Take(batch)
                .Select(m => new { m.PersonId, m.Name, m.OrgId, m.Status, m.Category, m.JoinedOn, m.FullMemberOn }).ToListAsync(ct);
            if (rows.Count == 0) yield break;
            var ids = rows.Select(r => r.PersonId).ToList();
            var people = await db.People.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.IdNumberCipher, p.IdNumberMasked, p.PhoneCipher, p.PhoneMasked, p.Ethnicity, p.Education, p.Address, p.Gender, p.BirthDate })
                .ToDictionaryAsync(p => p.Id, ct);
            var tags = await MemberReads.TagsOf(db, ids, ct);
            var orgs = await db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(o => rows.Select(r => r.OrgId).Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => new { o.Name, o.Code }, ct);
            foreach (var r in rows)
            {
                var p = people.GetValueOrDefault(r.PersonId);
                var org = orgs.GetValueOrDefault(r.OrgId);
                yield return
                [
                    r.Name,
                    p is null ? null : full ? protector.Decrypt(p.IdNumberCipher) : p.IdNumberMasked,
                    p is null ? null : full ? (p.PhoneCipher is null ? null : protector.Decrypt(p.PhoneCipher)) : p.PhoneMasked,
                    org?.Name, org?.Code, Labels.Of(r.Status), Labels.Of(r.Category), r.JoinedOn, r.FullMemberOn, p?.Ethnicity,
                    p?.Education is { } e ? Labels.Of(e) : null, p?.Address, string.Join("、", tags[r.PersonId]),
                    p is null ? null : Labels.Of(p.Gender), p?.BirthDate,
                ];
            }
            if (rows.Count < batch) yield break;
        }
    }

    // ---- template ----

    public static async Task<IResult> Template(AppDbContext db, CancellationToken ct)
    {
        var orgs = await db.PartyOrgs.AsNoTracking().Where(o => o.Status == OrgStatus.Active).OrderBy(o => o.Path)
            .Select(o => new { o.Name, o.Code, o.Kind }).Take(5000).ToListAsync(ct);
        var example = new object?[] { "张三", "370830199001011234（示例，请删除本行）", "13800000000", orgs.FirstOrDefault(o => OrgKinds.HoldsMembers(o.Kind))?.Name ?? "某某党支部",
            null, "正式党员", "在职党员", "2015-07-01", "2016-07-01", "汉族", "大学本科", "某某小区1号楼", "退役军人、志愿者" };
        var notes = new[]
        {
            new object?[] { "姓名", "必填，不超过50个字" },
            ["身份证号", "必填，18位，校验位须正确；请将该列设为文本格式，以免 Excel 把号码变成科学计数法"],
            ["手机号码", "必填，11位中国大陆手机号码"],
            ["所在党组织", "必填，填写党支部、党总支或党小组的全称（见“组织列表”）；重名时请填写组织编码"],
            ["组织编码", "选填；填写后按编码匹配组织"],
            ["党员状态", "必填：正式党员 或 预备党员"],
            ["党员类别", "必填：在职党员、离退休干部党员、流动党员 或 其他"],
            ["入党日期", "必填，格式 2015-07-01；入党时应年满18周岁"],
            ["转正日期", "正式党员必填，应在入党满一年之后；预备党员不填"],
            ["民族", "选填"],
            ["学历", "选填：研究生、大学本科、大学专科、中专/中技、高中、初中及以下"],
            ["家庭住址", "选填，不超过200个字"],
            ["标签", "选填，多个标签用顿号或逗号分隔，如 退役军人、志愿者"],
            ["性别、出生日期", "可不填，由身份证号确定；填写时须与身份证号一致"],
            ["导入规则", "身份证号已在本辖区登记为党员的，按表格内容更新；其他行新增。同一文件中身份证号重复的行均不导入。"],
        };
        return await Xlsx.File("党员导入模板.xlsx",
        [
            new XlsxSheet("党员名册", Columns, Xlsx.Rows([example])),
            new XlsxSheet("填写说明", [new("列", 16), new("说明", 80)], Xlsx.Rows(notes)),
            new XlsxSheet("组织列表", [new("组织名称", 36), new("组织编码", 16), new("类型", 16)],
                Xlsx.Rows(orgs.Where(o => OrgKinds.HoldsMembers(o.Kind)).Select(o => new object?[] { o.Name, o.Code, OrgKinds.Label(o.Kind) }))),
        ], ct);
    }

    // ---- import ----

    internal sealed record ParsedRow(int Row, MemberInput Input, List<string> Errors, string? Hash);

    public static async Task<Results<Ok<ImportReport>, ValidationProblem>> Import(IFormFile? file, ImportMode? mode, AppDbContext db, PersonWriter writer,
        CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Problems.Validation("file", "请选择要导入的 .xlsx 文件");
        if (file.Length > MaxFileBytes) return Problems.Validation("file", $"文件不能超过 {MaxFileBytes / 1024 / 1024} MB");
        await using var buffer = new MemoryStream((int)file.Length);
        await using (var s = file.OpenReadStream()) await s.CopyToAsync(buffer, ct);
        var result = await ImportRows(db, writer, buffer, file.FileName, mode ?? ImportMode.ValidRows, ct);
        return result.Error is { } e ? Problems.Validation("file", e) : TypedResults.Ok(result.Report!);
    }

    /// <summary>The import itself, from a seekable .xlsx stream (the benchmark calls this too).</summary>
    internal static async Task<(ImportReport? Report, string? Error)> ImportRows(AppDbContext db, PersonWriter writer, Stream xlsx, string fileName,
        ImportMode mode, CancellationToken ct, Action<string>? progress = null)
    {
        var phase = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name) { progress?.Invoke($"  {name}: {phase.Elapsed.TotalSeconds:F2} s"); phase.Restart(); }
        List<string?[]> raw;
        try
        {
            raw = [];
            foreach (var r in Xlsx.ReadRows(xlsx))
            {
                raw.Add(r);
                if (raw.Count > MaxRows + 1) return (null, $"文件数据超过 {MaxRows} 行，请拆分后分批导入");
            }
        }
        catch (InvalidDataException) { return (null, "文件不是有效的 .xlsx 工作簿（请用 Excel 或 WPS 另存为 .xlsx 后再导入）"); }
        Phase("read workbook");
        if (raw.Count == 0) return (null, "文件是空的：第一行应为表头，请使用导入模板");
        var header = raw[0].Select(h => h?.Trim().TrimEnd('*') ?? "").ToList();
        var missing = Required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) return (null, $"表头缺少列：{string.Join("、", missing)}。请使用导入模板（第一行为表头）");
        var col = Columns.Select(c => c.Header).ToDictionary(h => h, header.IndexOf);
        string? Cell(string?[] r, string name) => col[name] is var i and >= 0 && i < r.Length ? r[i]?.Trim() is { Length: > 0 } v ? v : null : null;
        DateOnly? Date(string?[] r, string name, List<string> errors)
        {
            if (Cell(r, name) is not { } text) return null;
            var d = ParseDate(text);
            if (d is null) errors.Add($"{name}“{text}”格式不正确，应为 2015-07-01");
            return d;
        }

        var dataRows = raw.Skip(1).Select((r, i) => (Row: i + 2, Cells: r)).Where(x => x.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (dataRows.Count == 0) return (null, "文件中没有数据行");

        // Organizations the user may place members in, by code and by name.
        var orgs = await db.PartyOrgs.AsNoTracking().Where(o => o.Status == OrgStatus.Active)
            .Select(o => new { o.Id, o.Path, o.Name, o.Code, o.Kind }).ToListAsync(ct);
        var holders = orgs.Where(o => OrgKinds.HoldsMembers(o.Kind)).ToList();
        var byCode = holders.Where(o => o.Code is not null).GroupBy(o => o.Code!).ToDictionary(g => g.Key, g => g.ToList());
        var byName = holders.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.ToList());
        var committees = orgs.Where(o => !OrgKinds.HoldsMembers(o.Kind)).Select(o => o.Name).ToHashSet();
        var today = db.Today;
        var tagsColumn = col["标签"] >= 0;

        var validator = new PersonFieldsValidator<MemberInput>(today, creating: true, phoneRequired: true);
        var parsed = new List<ParsedRow>(dataRows.Count);
        foreach (var (rowNo, cells) in dataRows)
        {
            var errors = new List<string>();
            Guid? orgId = null;
            var code = Cell(cells, "组织编码");
            var orgName = Cell(cells, "所在党组织");
            if (code is not null)
            {
                if (!byCode.TryGetValue(code, out var withCode)) errors.Add($"组织编码“{code}”不存在或不在您的管辖范围内");
                else if (withCode.Count > 1) errors.Add($"组织编码“{code}”对应多个组织，请联系管理员更正组织编码");
                else orgId = withCode[0].Id;
            }
            else if (orgName is null) errors.Add("请填写所在党组织");
            else if (byName.TryGetValue(orgName, out var list)) { if (list.Count == 1) orgId = list[0].Id; else errors.Add($"组织名称“{orgName}”不唯一，请填写组织编码"); }
            else errors.Add(committees.Contains(orgName) ? $"党员应编入党支部、党总支或党小组，不能直接编入“{orgName}”" : $"组织“{orgName}”不存在或不在您的管辖范围内");

            var idRaw = Cell(cells, "身份证号");
            Gender? gender = null; DateOnly? birth = null;
            if (ChineseIdNumber.TryParse(idRaw, today, out var id, out _)) { gender = id.Gender; birth = id.BirthDate; }
            if (Cell(cells, "性别") is { } g && (g == "男" ? Gender.Male : g == "女" ? Gender.Female : (Gender?)null) is var gv && gv != gender && gender is not null)
                errors.Add(gv is null ? "性别应为“男”或“女”" : "性别与身份证号不一致");
            if (Cell(cells, "出生日期") is { } bs && birth is not null && ParseDate(bs) != birth) errors.Add("出生日期与身份证号不一致");
            var joined = Date(cells, "入党日期", errors);
            var full = Date(cells, "转正日期", errors);
            var status = Choice(Cell(cells, "党员状态"), "党员状态", errors, (MemberStatus.Full, "正式党员", "正式"), (MemberStatus.Probationary, "预备党员", "预备"));
            var category = Choice(Cell(cells, "党员类别"), "党员类别", errors, (MemberCategory.InService, "在职党员", "在职"),
                (MemberCategory.RetiredCadre, "离退休干部党员", "离退休"), (MemberCategory.Mobile, "流动党员", "流动"), (MemberCategory.Other, "其他", "其他党员"));
            Education? education = null;
            if (Cell(cells, "学历") is { } ed)
            {
                education = Enum.GetValues<Education>().Cast<Education?>().FirstOrDefault(e => Labels.Of(e!.Value) == ed);
                if (education is null) errors.Add($"学历“{ed}”不在可选范围内（见填写说明）");
            }
            var tags = tagsColumn ? (Cell(cells, "标签") ?? "").Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : null;

            var input = new MemberInput(Cell(cells, "姓名"), idRaw, gender, birth, Cell(cells, "手机号码"), Cell(cells, "家庭住址"), education,
                Cell(cells, "民族"), orgId, joined, full, status, category, tags);
            var v = await validator.ValidateAsync(input, ct);
            foreach (var e in v.Errors.Where(e => e.PropertyName is not ("Gender" or "BirthDate" or "OrgId"))) errors.Add(e.ErrorMessage);
            if (joined is null && !errors.Any(e => e.Contains("入党日期", StringComparison.Ordinal))) errors.Add("请填写入党日期");
            if (birth is { } b && joined is { } j && status is { } s)
                errors.AddRange(MembershipRules.Check(b, j, full, s, today).Select(x => x.Message));
            parsed.Add(new ParsedRow(rowNo, input, errors.Distinct().ToList(),
                ChineseIdNumber.TryParse(idRaw, today, out _, out _) ? writer.HashIdNumber(idRaw!) : null));
        }

        Phase("check rows");
        // Duplicates within the file: every row sharing an ID number is refused (which one is right is the clerk's call).
        foreach (var dup in parsed.Where(p => p.Hash is not null).GroupBy(p => p.Hash).Where(g => g.Count() > 1))
            foreach (var p in dup) p.Errors.Add($"身份证号与第 {string.Join("、", dup.Where(x => x != p).Select(x => x.Row))} 行重复");

        // Against the database: who exists already, and where.
        var hashes = parsed.Where(p => p.Hash is not null).Select(p => p.Hash!).Distinct().ToList();
        var people = new Dictionary<string, (Guid Id, string OrgPath)>();
        foreach (var chunk in hashes.Chunk(500))
            foreach (var p in await db.People.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(p => chunk.Contains(p.IdNumberHash))
                         .Select(p => new { p.Id, p.IdNumberHash, p.OrgPath }).ToListAsync(ct))
                people[p.IdNumberHash] = (p.Id, p.OrgPath);
        var personIds = people.Values.Select(p => p.Id).ToList();
        var members = new Dictionary<Guid, (Guid Id, string OrgPath)>();
        foreach (var chunk in personIds.Chunk(500))
            foreach (var m in await db.Members.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(m => chunk.Contains(m.PersonId))
                         .Select(m => new { m.Id, m.PersonId, m.OrgPath }).ToListAsync(ct))
                members[m.PersonId] = (m.Id, m.OrgPath);
        foreach (var p in parsed.Where(p => p.Hash is not null && people.ContainsKey(p.Hash)))
        {
            var person = people[p.Hash!];
            if (members.TryGetValue(person.Id, out var m)) { if (!db.Scope.Contains(m.OrgPath)) p.Errors.Add("该身份证号已在其他组织登记为党员，如需转入请办理组织关系转接"); }
            else if (!db.Scope.Contains(person.OrgPath)) p.Errors.Add("该身份证号已作为居民登记在其他组织，请联系上级组织处理");
        }

        Phase("look up existing people");
        var refused = parsed.Count(p => p.Errors.Count > 0);
        var commit = refused == 0 || mode == ImportMode.ValidRows;
        var outcomes = new Dictionary<int, RowOutcome>();
        if (commit)
        {
            var orgPaths = holders.ToDictionary(o => o.Id, o => o.Path);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            TimeSpan applying = default, saving = default;
            foreach (var chunk in parsed.Where(p => p.Errors.Count == 0).Chunk(1000))
            {
                var existingPeople = await db.People.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Include(p => p.Tags)
                    .Where(p => chunk.Select(c => c.Hash).Contains(p.IdNumberHash)).ToDictionaryAsync(p => p.IdNumberHash, ct);
                var ids = existingPeople.Values.Select(p => p.Id).ToList();
                var existingMembers = await db.Members.Where(m => ids.Contains(m.PersonId)).ToDictionaryAsync(m => m.PersonId, ct);
                var touched = new List<(ParsedRow Row, object Person, object? Member, bool IsNew)>();
                foreach (var row in chunk)
                {
                    var r = row.Input;
                    var orgPath = orgPaths[r.OrgId!.Value];
                    if (!existingPeople.TryGetValue(row.Hash!, out var person))
                    {
                        person = Person.Create(Guid.CreateVersion7(), r.Name!.Trim(), db.Now);
                        person.AssignTo(r.OrgId!.Value, orgPath, null);
                        db.People.Add(person);
                    }
                    var tagsBefore = string.Join("、", person.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));
                    writer.Apply(person, r);
                    if (!existingMembers.TryGetValue(person.Id, out var member))
                    {
                        member = Member.Create(Guid.CreateVersion7(), person, db.Now);
                        db.Members.Add(member);
                        outcomes[row.Row] = RowOutcome.Created;
                    }
                    member.SetMembership(r.OrgId!.Value, orgPath, r.JoinedOn!.Value, r.FullMemberOn, r.Status!.Value, r.Category!.Value, db.Now);
                    if (!outcomes.ContainsKey(row.Row))
                        outcomes[row.Row] = db.Entry(member).Properties.Any(p => p.IsModified && p.Metadata.Name is not ("UpdatedAt" or "Name" or "NameKey") && !Equals(p.OriginalValue, p.CurrentValue))
                            || db.Entry(person).Properties.Any(p => p.IsModified && p.Metadata.Name is not ("UpdatedAt" or "IdNumberCipher" or "PhoneCipher" or "Version") && !Equals(p.OriginalValue, p.CurrentValue))
                            || tagsBefore != string.Join("、", person.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal))
                            ? RowOutcome.Updated : RowOutcome.Unchanged;
                    if (outcomes[row.Row] == RowOutcome.Unchanged)
                    {
                        // Nothing to write: leave the rows (and their versions) as they were.
                        db.Entry(member).State = EntityState.Unchanged;
                        db.Entry(person).State = EntityState.Unchanged;
                    }
                }
                applying += phase.Elapsed;
                var saveStart = phase.Elapsed;
                await db.SaveChangesAsync(ct);
                saving += phase.Elapsed - saveStart;
                db.ChangeTracker.Clear();
                phase.Restart();
            }
            progress?.Invoke($"  (apply {applying.TotalSeconds:F2} s, save {saving.TotalSeconds:F2} s)");
            var c = outcomes.Values.Count(o => o == RowOutcome.Created);
            var u = outcomes.Values.Count(o => o == RowOutcome.Updated);
            db.Audit(AuditActions.Import, "党员", null, $"导入党员名册“{Path.GetFileName(fileName)}”：新增{c}人，更新{u}人，未导入{refused}行");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            Phase("write");
        }
        var rows = parsed.Select(p => new ImportRowResult(p.Row, p.Input.Name,
            p.Errors.Count > 0 ? RowOutcome.Refused : commit ? outcomes[p.Row] : RowOutcome.NotImported,
            p.Errors.Count > 0 ? p.Errors : commit ? [] : ["文件中有错误行，按“全部正确才导入”未导入"])).ToList();
        return (new ImportReport(Path.GetFileName(fileName), mode, commit, parsed.Count, rows.Count(r => r.Outcome == RowOutcome.Created),
            rows.Count(r => r.Outcome == RowOutcome.Updated), rows.Count(r => r.Outcome == RowOutcome.Unchanged), refused, rows), null);
    }

    internal static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var d) ? d : null;

    internal static T? Choice<T>(string? value, string column, List<string> errors, params (T Value, string Label, string Short)[] options) where T : struct
    {
        if (value is null) { errors.Add($"请填写{column}"); return null; }
        foreach (var o in options) if (value == o.Label || value == o.Short || value == o.Value.ToString()) return o.Value;
        errors.Add($"{column}“{value}”应为：{string.Join("、", options.Select(o => o.Label))}");
        return null;
    }
}
