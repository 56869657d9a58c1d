using System.Globalization;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features.Pay;

/// <summary>
/// 薪酬体系: versions of an organization's salary scheme. A version is a draft until published; a published version
/// whose effective date has come is frozen, and an adjustment is a copy with a later effective date. The caller sees
/// the versions of the organizations in its scope and, read-only, those of its superiors (they may apply to its
/// communities); it edits only those in its scope.
/// </summary>
public static class SchemeFeatures
{
    public const decimal MaxAmount = 1_000_000m;
    public const decimal MaxAllowance = 100_000m;
    public const int MaxRules = 20;

    public static string Label(SchemeState s) => s switch
    {
        SchemeState.Draft => "草稿",
        SchemeState.Pending => "待生效",
        SchemeState.InForce => "生效中",
        _ => "历史版本",
    };

    /// <summary>The versions in the caller's scope and the published ones of the organizations above it (not deleted).</summary>
    internal static IQueryable<SalaryScheme> Visible(AppDbContext db)
    {
        var all = db.SalarySchemes.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]);
        if (db.Scope.IsUnrestricted) return all;
        var above = db.Scope.RootPath is { } root ? PayRules.PathAndAncestors(root) : [];
        var (lo, hi) = (db.Scope.Lo, db.Scope.Hi);
        return all.Where(s => (string.Compare(s.OrgPath, lo) >= 0 && string.Compare(s.OrgPath, hi) < 0) || (s.Published && above.Contains(s.OrgPath)));
    }

    private static bool Inherited(AppDbContext db, SalaryScheme s) => !db.Scope.Contains(s.OrgPath);

    public static async Task<Results<Ok<PageOf<SchemeRow>>, NotFound>> List([AsParameters] SchemeQuery q, AppDbContext db, CancellationToken ct)
    {
        var query = Visible(db).AsNoTracking();
        if (q.OrgId is { } orgId)
        {
            // The versions that may apply to the organization (its own and its superiors') and those of its subtree.
            var path = await db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null || !(db.Scope.Contains(path) || PayRules.PathAndAncestors(db.Scope.RootPath ?? OrgPath.Root).Contains(path))) return TypedResults.NotFound();
            var above = PayRules.PathAndAncestors(path);
            var hi = OrgPath.UpperBound(path);
            query = query.Where(s => above.Contains(s.OrgPath) || (string.Compare(s.OrgPath, path) >= 0 && string.Compare(s.OrgPath, hi) < 0));
        }
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var all = await query.OrderBy(s => s.OrgPath).ThenByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.CreatedAt).ToListAsync(ct);
        var rows = await Rows(db, all, ct);
        return TypedResults.Ok(new PageOf<SchemeRow>([.. rows.Skip((page - 1) * size).Take(size)], rows.Count, page, size));
    }

    private static async Task<List<SchemeRow>> Rows(AppDbContext db, List<SalaryScheme> list, CancellationToken ct)
    {
        var names = await MemberReads.OrgNames(db, list.Select(s => s.OrgId), ct);
        var orgIds = list.Select(s => s.OrgId).Distinct().ToList();
        var published = await db.SalarySchemes.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking()
            .Where(s => s.Published && orgIds.Contains(s.OrgId)).Select(s => new { s.OrgId, s.EffectiveFrom }).ToListAsync(ct);
        var today = db.Today;
        return [.. list.Select(s =>
        {
            var next = published.Where(p => p.OrgId == s.OrgId && p.EffectiveFrom > s.EffectiveFrom).Select(p => (DateOnly?)p.EffectiveFrom).Min();
            return Row(db, s, names.GetValueOrDefault(s.OrgId, ""), s.StateOn(today, next));
        })];
    }

    private static SchemeRow Row(AppDbContext db, SalaryScheme s, string orgName, SchemeState state) =>
        new(s.Id, s.Name, s.OrgId, orgName, s.EffectiveFrom, s.PostNames, s.Posts, s.Levels, s.Steps, state, Label(state), s.IsFrozen(db.Today),
            Inherited(db, s), s.UpdatedAt);

    internal static async Task<SalaryScheme?> Load(AppDbContext db, Guid id, bool tracked, CancellationToken ct)
    {
        var q = Visible(db).Include(s => s.Cells).Include(s => s.Allowances).AsSplitQuery();
        return await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == id, ct);
    }

    public static async Task<Results<Ok<SchemeDetail>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var s = await Load(db, id, tracked: false, ct);
        return s is null ? TypedResults.NotFound() : TypedResults.Ok(await Detail(db, s, ct));
    }

    internal static async Task<SchemeDetail> Detail(AppDbContext db, SalaryScheme s, CancellationToken ct)
    {
        var row = (await Rows(db, [s], ct))[0];
        var grid = new decimal[s.Posts][][];
        for (var p = 0; p < s.Posts; p++)
        {
            grid[p] = new decimal[s.Levels][];
            for (var l = 0; l < s.Levels; l++) grid[p][l] = new decimal[s.Steps];
        }
        foreach (var c in s.Cells.Where(c => c.PayPost <= s.Posts && c.Level <= s.Levels && c.Step <= s.Steps))
            grid[c.PayPost - 1][c.Level - 1][c.Step - 1] = c.Amount;
        return new SchemeDetail(row, s.Note, s.AssistantAllowance, s.SocialAllowance, s.SeniorAllowance, s.SeniorityPerYear,
            [.. s.Allowances.OrderBy(a => a.Order).Select(a => new AllowanceRuleView(a.Name, a.Amount, a.Posts, [.. a.Posts.Select(WorkforceLabels.Of)]))],
            grid, s.Cells.Count(c => c.Amount == 0), s.Published, s.PublishedAt, s.PublishedBy, s.Version);
    }

    // ---- validation ----

    private static bool Money(decimal v, decimal max) => v >= 0 && v <= max && decimal.Round(v, 2) == v;

    internal static string Address(IReadOnlyList<string> posts, int p, int l, int s) => $"{posts[p - 1]} {l}级{s}档";

    private static Dictionary<string, string[]> CheckHeader(SchemeInput r, DateOnly today)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string f, string m) { if (!errors.TryGetValue(f, out var l)) errors[f] = l = []; if (!l.Contains(m)) l.Add(m); }
        if (string.IsNullOrWhiteSpace(r.Name)) Add("name", "请填写薪酬体系名称");
        else if (r.Name.Trim().Length > 100) Add("name", "名称不能超过100个字");
        if (r.EffectiveFrom is null) Add("effectiveFrom", "请填写生效日期");
        else if (r.EffectiveFrom.Value.Year < 2000 || r.EffectiveFrom > today.AddYears(5)) Add("effectiveFrom", "生效日期应在2000年以后、五年以内");
        var posts = r.PostNames?.Select(n => n?.Trim() ?? "").ToList();
        if (posts is null || posts.Count == 0) Add("postNames", "请至少设置一个岗");
        else if (posts.Count > SalaryScheme.MaxSize) Add("postNames", $"岗的数目不能超过{SalaryScheme.MaxSize}");
        else
        {
            if (posts.Any(n => n.Length == 0)) Add("postNames", "岗的名称不能为空");
            if (posts.Any(n => n.Length > 20)) Add("postNames", "岗的名称不能超过20个字");
            if (posts.Any(n => n.IndexOfAny([SalaryScheme.PostSeparator, ':', '\\', '/', '?', '*', '[', ']']) >= 0)) Add("postNames", "岗的名称不能含有 | : \\ / ? * [ ] 等字符");
            if (posts.Distinct().Count() != posts.Count) Add("postNames", "岗的名称不能重复");
        }
        if (r.Levels is null or < 1 or > SalaryScheme.MaxSize) Add("levels", $"级数应在1到{SalaryScheme.MaxSize}之间");
        if (r.Steps is null or < 1 or > SalaryScheme.MaxSize) Add("steps", $"档数应在1到{SalaryScheme.MaxSize}之间");
        foreach (var (field, value, label) in new[] { ("assistantAllowance", r.AssistantAllowance, "助理社会工作师津贴"), ("socialAllowance", r.SocialAllowance, "社会工作师津贴"),
                     ("seniorAllowance", r.SeniorAllowance, "高级社会工作师津贴"), ("seniorityPerYear", r.SeniorityPerYear, "工龄津贴") })
            if (value is null) Add(field, $"请填写{label}（没有请填0）");
            else if (!Money(value.Value, MaxAllowance)) Add(field, $"{label}应为0到{MaxAllowance:0}元之间、最多两位小数的金额");
        var rules = r.Allowances ?? [];
        if (rules.Count > MaxRules) Add("allowances", $"其他津贴不能超过{MaxRules}项");
        for (var i = 0; i < rules.Count && i < MaxRules; i++)
        {
            var a = rules[i];
            if (a is null) { Add("allowances", $"第{i + 1}项津贴为空"); continue; }
            if (string.IsNullOrWhiteSpace(a.Name)) Add("allowances", $"第{i + 1}项津贴请填写名称");
            else if (a.Name.Trim().Length > 50) Add("allowances", $"第{i + 1}项津贴名称不能超过50个字");
            if (a.Amount is null || !Money(a.Amount.Value, MaxAllowance)) Add("allowances", $"第{i + 1}项津贴金额应为0到{MaxAllowance:0}元之间、最多两位小数");
            if (a.Posts?.Any(p => !Enum.IsDefined(p)) == true) Add("allowances", $"第{i + 1}项津贴的适用岗位不正确");
        }
        if (rules.Where(a => !string.IsNullOrWhiteSpace(a?.Name)).GroupBy(a => a.Name!.Trim()).Any(g => g.Count() > 1)) Add("allowances", "其他津贴的名称不能重复");
        if (r.Note?.Trim().Length > 500) Add("note", "说明不能超过500个字");
        return errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    /// <summary>The grid checked against the shape: complete, every amount ≥ 0 with at most 2 decimals; messages name the cell.</summary>
    internal static List<string> CheckGrid(decimal?[][][]? amounts, IReadOnlyList<string> posts, int levels, int steps)
    {
        var errors = new List<string>();
        if (amounts is null) return ["请提交全部单元格的金额"];
        if (amounts.Length != posts.Count) return [$"应有{posts.Count}个岗的金额，提交了{amounts.Length}个"];
        for (var p = 0; p < posts.Count; p++)
        {
            if (amounts[p] is not { } rows || rows.Length != levels) { errors.Add($"{posts[p]}应有{levels}级，提交了{amounts[p]?.Length ?? 0}级"); continue; }
            for (var l = 0; l < levels; l++)
            {
                if (rows[l] is not { } cells || cells.Length != steps) { errors.Add($"{posts[p]} {l + 1}级应有{steps}档，提交了{rows[l]?.Length ?? 0}档"); continue; }
                for (var s = 0; s < steps; s++)
                {
                    if (cells[s] is not { } v) errors.Add($"{Address(posts, p + 1, l + 1, s + 1)}未填写金额");
                    else if (!Money(v, MaxAmount)) errors.Add($"{Address(posts, p + 1, l + 1, s + 1)}的金额{v.ToString(CultureInfo.InvariantCulture)}不正确：应为0到{MaxAmount:0}元、最多两位小数");
                }
            }
            if (errors.Count >= 50) break;
        }
        return Trim(errors);
    }

    internal static List<string> Trim(List<string> errors) =>
        errors.Count <= 50 ? errors : [.. errors.Take(50), $"……另有{errors.Count - 50}处错误"];

    private static ProblemHttpResult Frozen(SalaryScheme s) => Problems.Conflict(
        $"该版本已于{s.EffectiveFrom:yyyy年M月d日}生效，不能修改（已发放的工资按它计算）。调整薪酬请复制为新版本，设定新的生效日期后发布。");

    private static ProblemHttpResult Superior() => Problems.Conflict("这是上级组织的薪酬体系，只能查看；如需本级单独执行，请复制为本级的新版本。");

    // ---- writes ----

    public static async Task<Results<Created<SchemeDetail>, ValidationProblem>> Create(SchemeInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = CheckHeader(r, db.Today);
        PartyOrg? org = null;
        if (r.OrgId is null) errors["orgId"] = ["请选择适用的组织"];
        else if ((org = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == r.OrgId, ct)) is null) errors["orgId"] = ["所选组织不存在或不在您的管辖范围内"];
        else if (org.Status == OrgStatus.Closed) errors["orgId"] = ["所选组织已撤销"];
        if (errors.Count == 0 && r.Amounts is not null && CheckGrid(r.Amounts, r.PostNames!.Select(n => n.Trim()).ToList(), r.Levels!.Value, r.Steps!.Value) is { Count: > 0 } grid)
            errors["amounts"] = [.. grid];
        if (errors.Count > 0) return Problems.Validation(errors);
        var s = SalaryScheme.Create(Guid.CreateVersion7(), r.Name!.Trim(), org!.Id, org.Path, r.EffectiveFrom!.Value,
            [.. r.PostNames!.Select(n => n.Trim())], r.Levels!.Value, r.Steps!.Value, db.Now);
        Apply(db, s, r);
        if (r.Amounts is { } a) s.SetAmounts((p, l, st) => a[p - 1][l - 1][st - 1]!.Value, db.Now);
        db.SalarySchemes.Add(s);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workforce/schemes/{s.Id}", await Detail(db, s, ct));
    }

    private static void Apply(AppDbContext db, SalaryScheme s, SchemeInput r)
    {
        s.Describe(r.Name!.Trim(), r.EffectiveFrom!.Value, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), db.Now);
        s.SetAllowances(r.AssistantAllowance!.Value, r.SocialAllowance!.Value, r.SeniorAllowance!.Value, r.SeniorityPerYear!.Value, db.Now);
        foreach (var old in s.Allowances.ToList()) { s.Allowances.Remove(old); db.SalaryAllowances.Remove(old); }
        var order = 0;
        foreach (var a in r.Allowances ?? [])
        {
            var rule = SalaryAllowance.Create(s.Id, ++order, a.Name!.Trim(), a.Amount!.Value, a.Posts?.ToList());
            s.Allowances.Add(rule);
            db.SalaryAllowances.Add(rule);
        }
    }

    /// <summary>Whether a published version may start on its date: after today, unless it is the organization's first (the scheme already in force, entered late).</summary>
    private static async Task<string?> CheckPublishedDate(AppDbContext db, SalaryScheme s, DateOnly effectiveFrom, CancellationToken ct)
    {
        var others = await db.SalarySchemes.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking()
            .Where(x => x.OrgId == s.OrgId && x.Published && x.Id != s.Id).Select(x => x.EffectiveFrom).ToListAsync(ct);
        if (others.Contains(effectiveFrom)) return $"本组织已有{effectiveFrom:yyyy-MM-dd}生效的版本";
        if (others.Count > 0 && effectiveFrom <= db.Today)
            return "调整只能从明天或以后生效（已经发生的月份不改写）；只有本组织的第一个版本可以补录以前的生效日期";
        return null;
    }

    public static async Task<Results<Ok<SchemeDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Update(Guid id, SchemeInput r, AppDbContext db, CancellationToken ct)
    {
        var s = await Load(db, id, tracked: true, ct);
        if (s is null) return TypedResults.NotFound();
        if (Inherited(db, s)) return Superior();
        if (s.IsFrozen(db.Today)) return Frozen(s);
        var errors = CheckHeader(r, db.Today);
        if (errors.Count == 0 && s.Published && await CheckPublishedDate(db, s, r.EffectiveFrom!.Value, ct) is { } dateError) errors["effectiveFrom"] = [dateError];
        var posts = r.PostNames?.Select(n => n?.Trim() ?? "").ToList();
        if (errors.Count == 0 && r.Amounts is not null && CheckGrid(r.Amounts, posts!, r.Levels!.Value, r.Steps!.Value) is { Count: > 0 } grid)
            errors["amounts"] = [.. grid];
        if (errors.Count > 0) return Problems.Validation(errors);
        db.ExpectVersion(s, r.Version);
        foreach (var dropped in s.Resize(posts!, r.Levels!.Value, r.Steps!.Value, db.Now)) db.SalaryCells.Remove(dropped);
        Apply(db, s, r);
        if (r.Amounts is { } a) s.SetAmounts((p, l, st) => a[p - 1][l - 1][st - 1]!.Value, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, s, ct));
    }

    public static async Task<Results<Ok<SchemeDetail>, NotFound, ValidationProblem, ProblemHttpResult>> SaveCells(Guid id, CellsInput r, AppDbContext db, CancellationToken ct)
    {
        var s = await Load(db, id, tracked: true, ct);
        if (s is null) return TypedResults.NotFound();
        if (Inherited(db, s)) return Superior();
        if (s.IsFrozen(db.Today)) return Frozen(s);
        var errors = CheckGrid(r.Amounts, s.PostNames, s.Levels, s.Steps);
        if (errors.Count > 0) return Problems.Validation(new Dictionary<string, string[]> { ["amounts"] = [.. errors] });
        db.ExpectVersion(s, r.Version);
        var changed = s.SetAmounts((p, l, st) => r.Amounts![p - 1][l - 1][st - 1]!.Value, db.Now);
        if (changed > 0) db.Audit(AuditActions.Update, s.AuditType, s.Id.ToString(), $"修改薪酬体系“{s.AuditLabel}”的金额 {changed} 格");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, s, ct));
    }

    public static async Task<Results<Ok<SchemeDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Publish(Guid id, AppDbContext db, CancellationToken ct)
    {
        var s = await Load(db, id, tracked: true, ct);
        if (s is null) return TypedResults.NotFound();
        if (Inherited(db, s)) return Superior();
        if (s.Published) return Problems.Conflict("该版本已经发布");
        var errors = new Dictionary<string, string[]>();
        if (await CheckPublishedDate(db, s, s.EffectiveFrom, ct) is { } dateError) errors["effectiveFrom"] = [dateError];
        var empty = s.Cells.Where(c => c.Amount == 0).OrderBy(c => c.PayPost).ThenBy(c => c.Level).ThenBy(c => c.Step).ToList();
        if (empty.Count > 0)
            errors["amounts"] = [$"还有{empty.Count}格金额为0（如 {string.Join("、", empty.Take(3).Select(c => Address(s.PostNames, c.PayPost, c.Level, c.Step)))}），请填写后再发布"];
        if (errors.Count > 0) return Problems.Validation(errors);
        s.Publish(db.Actor.UserName, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, s, ct));
    }

    public static async Task<Results<Created<SchemeDetail>, NotFound, ValidationProblem>> Copy(Guid id, CopyInput r, AppDbContext db, CancellationToken ct)
    {
        var source = await Load(db, id, tracked: false, ct);
        if (source is null) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (r.EffectiveFrom is null) errors["effectiveFrom"] = ["请填写新版本的生效日期"];
        else if (r.EffectiveFrom.Value.Year < 2000 || r.EffectiveFrom > db.Today.AddYears(5)) errors["effectiveFrom"] = ["生效日期应在2000年以后、五年以内"];
        if (r.Name?.Trim().Length > 100) errors["name"] = ["名称不能超过100个字"];
        var orgId = r.OrgId ?? source.OrgId;
        var org = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null) errors["orgId"] = [r.OrgId is null ? "这是上级组织的薪酬体系：请选择本级组织作为新版本的适用组织" : "所选组织不存在或不在您的管辖范围内"];
        else if (org.Status == OrgStatus.Closed) errors["orgId"] = ["所选组织已撤销"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var copy = SalaryScheme.Create(Guid.CreateVersion7(), string.IsNullOrWhiteSpace(r.Name) ? source.Name : r.Name.Trim(), org!.Id, org.Path,
            r.EffectiveFrom!.Value, source.PostNames, source.Levels, source.Steps, db.Now);
        copy.Describe(copy.Name, copy.EffectiveFrom, source.Note, db.Now);
        copy.SetAllowances(source.AssistantAllowance, source.SocialAllowance, source.SeniorAllowance, source.SeniorityPerYear, db.Now);
        copy.SetAmounts((p, l, st) => source.Amount(p, l, st) ?? 0m, db.Now);
        foreach (var a in source.Allowances.OrderBy(a => a.Order)) copy.Allowances.Add(SalaryAllowance.Create(copy.Id, a.Order, a.Name, a.Amount, a.Posts.ToList()));
        db.SalarySchemes.Add(copy);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workforce/schemes/{copy.Id}", await Detail(db, copy, ct));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(Guid id, AppDbContext db, CancellationToken ct)
    {
        var s = await Visible(db).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return TypedResults.NotFound();
        if (Inherited(db, s)) return Superior();
        if (s.IsFrozen(db.Today)) return Frozen(s);
        s.SoftDelete(db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
