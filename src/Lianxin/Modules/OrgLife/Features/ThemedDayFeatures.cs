using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.OrgLife.Features;

public sealed record ThemeInput(int? Month, string? Theme, string? Guidance);

public sealed record PlanInput(Guid? OrgId, int? Year, string? Title, IReadOnlyList<string>? RequiredParts, IReadOnlyList<ThemeInput>? Themes, Guid? Version = null);

public sealed record ThemeView(int Month, string Theme, string? Guidance);

public sealed record PlanRow(Guid Id, Guid OrgId, string OrgName, int Year, string Title, PlanStatus Status, int ThemeCount, DateTime? PublishedAt, bool Editable);

public sealed record PlanDetail(Guid Id, Guid OrgId, string OrgName, int Year, string Title, IReadOnlyList<string> RequiredParts, IReadOnlyList<ThemeView> Themes,
    PlanStatus Status, DateTime? PublishedAt, bool Editable, Guid Version);

public enum ThemedDayState { Done, Partial, Missing, Pending, NotDue, NoTheme }

public sealed record MatrixCell(int Month, ThemedDayState State, Guid? RecordId);

public sealed record MatrixRow(Guid OrgId, string OrgName, string ParentName, IReadOnlyList<MatrixCell> Cells, int Done);

public sealed record MatrixMonth(int Month, string? Theme, int Done, int Partial, int NotDone, int Branches);

public sealed record PlanMatrix(Guid PlanId, int Year, string Title, IReadOnlyList<string> RequiredParts, IReadOnlyList<MatrixMonth> Months, PageOf<MatrixRow> Rows);

public sealed record ThemedDayInput(Guid? PlanId, int? Month, Guid? OrgId, DateOnly? HeldOn, string? Place, string? Summary, int? AttendeeCount,
    IReadOnlyList<string>? PartsDone, Guid? Version = null);

public sealed record ThemedDayRecordView(Guid Id, Guid PlanId, int Month, Guid OrgId, string OrgName, DateOnly HeldOn, string Place, string Summary,
    int AttendeeCount, IReadOnlyList<string> PartsDone, IReadOnlyList<AttachmentRow> Attachments, DateTime UpdatedAt, Guid Version);

public sealed record BranchMonth(int Month, string? Theme, string? Guidance, ThemedDayState State, ThemedDayRecordView? Record);

public sealed record BranchPlan(Guid PlanId, string PlanTitle, string PublisherName, IReadOnlyList<string> RequiredParts, IReadOnlyList<BranchMonth> Months);

public sealed record BranchThemedDays(Guid OrgId, string OrgName, int Year, IReadOnlyList<BranchPlan> Plans);

/// <summary>
/// 主题党日 as one closed loop: a higher organization publishes the annual plan (a theme a month, required parts);
/// each branch below sees the month's theme and records its day; the publisher sees the branch × month matrix.
/// </summary>
public static class ThemedDayFeatures
{
    /// <summary>
    /// Published plans of the organization's ancestors (and its own). Plans are kept by the publisher, usually above
    /// the branch clerk's scope; reading them down the tree is the point of publishing, so the scope filter is
    /// lifted here for exactly the ancestor paths of a visible organization.
    /// </summary>
    internal static Task<List<ThemedDayPlan>> PlansAbove(AppDbContext db, string orgPath, int year, CancellationToken ct)
    {
        var ancestors = OrgLifeOrgs.AncestorPaths(orgPath);
        return db.ThemedDayPlans.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Include(p => p.Themes)
            .Where(p => ancestors.Contains(p.OrgPath) && p.Year == year && p.Status == PlanStatus.Published)
            .OrderBy(p => p.OrgPath).ToListAsync(ct);
    }

    /// <summary>A plan the caller may read: one in scope, or a published one above the caller's organization.</summary>
    private static async Task<ThemedDayPlan?> Readable(AppDbContext db, Guid id, CancellationToken ct)
    {
        var plan = await db.ThemedDayPlans.AsNoTracking().Include(p => p.Themes).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is not null || db.Scope.RootPath is not { } root) return plan;
        plan = await db.ThemedDayPlans.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Include(p => p.Themes).FirstOrDefaultAsync(p => p.Id == id, ct);
        return plan is { Status: PlanStatus.Published } && OrgLifeOrgs.AncestorPaths(root).Contains(plan.OrgPath) ? plan : null;
    }

    public static async Task<Ok<List<PlanRow>>> List(int? year, AppDbContext db, CancellationToken ct)
    {
        var y = year ?? db.Today.Year;
        var own = await db.ThemedDayPlans.AsNoTracking().Include(p => p.Themes).Where(p => p.Year == y).OrderBy(p => p.OrgPath).ToListAsync(ct);
        var above = db.Scope.RootPath is { } root ? await PlansAbove(db, root, y, ct) : [];
        var all = above.Where(a => own.All(o => o.Id != a.Id)).Select(p => (p, false)).Concat(own.Select(p => (p, true))).ToList();
        var names = await MemberReads.OrgNames(db, all.Select(x => x.p.OrgId), ct);
        return TypedResults.Ok(all.Select(x => new PlanRow(x.p.Id, x.p.OrgId, names.GetValueOrDefault(x.p.OrgId, ""), x.p.Year, x.p.Title, x.p.Status,
            x.p.Themes.Count, x.p.PublishedAt, x.Item2)).ToList());
    }

    public static async Task<Results<Ok<PlanDetail>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var plan = await Readable(db, id, ct);
        return plan is null ? TypedResults.NotFound() : TypedResults.Ok(await ToDetail(db, plan, ct));
    }

    private static async Task<PlanDetail> ToDetail(AppDbContext db, ThemedDayPlan p, CancellationToken ct)
    {
        var name = (await MemberReads.OrgNames(db, [p.OrgId], ct)).GetValueOrDefault(p.OrgId, "");
        return new PlanDetail(p.Id, p.OrgId, name, p.Year, p.Title, p.RequiredParts,
            [.. p.Themes.OrderBy(t => t.Month).Select(t => new ThemeView(t.Month, t.Theme, t.Guidance))], p.Status, p.PublishedAt,
            db.Scope.Contains(p.OrgPath), p.Version);
    }

    private static async Task<(Dictionary<string, string[]> Errors, PartyOrg? Org, List<string> Parts)> CheckPlan(PlanInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string f, string m) { if (!errors.TryGetValue(f, out var l)) errors[f] = l = []; if (!l.Contains(m)) l.Add(m); }
        PartyOrg? org = null;
        if (r.OrgId is not { } orgId) Add("orgId", "请选择发布计划的党组织");
        else
        {
            org = await db.PartyOrgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (org is null) Add("orgId", "所选组织不存在或不在您的管辖范围内");
            else if (org.Status == OrgStatus.Closed) Add("orgId", "所选组织已撤销");
            else if (OrgKinds.Level(org.Kind) is OrgLevel.Branch or OrgLevel.Group) Add("orgId", "主题党日计划由党委、党工委或党总支发布");
        }
        var thisYear = db.Today.Year;
        if (r.Year is not { } year) Add("year", "请填写年度");
        else if (year < thisYear - 1 || year > thisYear + 1) Add("year", $"年度应在{thisYear - 1}至{thisYear + 1}之间");
        if (string.IsNullOrWhiteSpace(r.Title)) Add("title", "请填写计划名称");
        else if (r.Title.Trim().Length > 100) Add("title", "计划名称不能超过100个字");
        var parts = r.RequiredParts is null
            ? (await SettingsStore.Read<OrgLifeSettings>(db, OrgLifeSettings.Key, ct)).ThemedDayRequiredParts
            : r.RequiredParts.Select(p => p?.Trim() ?? "").ToList();
        if (parts.Any(p => p.Length == 0)) Add("requiredParts", "必选环节不能为空");
        if (parts.Any(p => p.Length > 30)) Add("requiredParts", "每个必选环节不超过30个字");
        if (parts.Count > 10) Add("requiredParts", "必选环节最多10项");
        if (parts.Distinct().Count() != parts.Count) Add("requiredParts", "必选环节不能重复");
        var themes = r.Themes ?? [];
        for (var i = 0; i < themes.Count; i++)
        {
            var t = themes[i];
            if (t.Month is not (>= 1 and <= 12)) Add($"themes[{i}].month", "月份应为1至12");
            else if (themes.Take(i).Any(x => x.Month == t.Month)) Add($"themes[{i}].month", $"{t.Month}月的主题重复");
            if (string.IsNullOrWhiteSpace(t.Theme)) Add($"themes[{i}].theme", "请填写主题");
            else if (t.Theme.Trim().Length > 100) Add($"themes[{i}].theme", "主题不能超过100个字");
            if (t.Guidance?.Trim().Length > 2000) Add($"themes[{i}].guidance", "活动方案不能超过2000个字");
        }
        return (errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), org, parts);
    }

    private static void ApplyPlan(ThemedDayPlan p, PlanInput r, List<string> parts, DateTime now) =>
        p.Describe(r.Title!.Trim(), parts, (r.Themes ?? []).Select(t => (t.Month!.Value, t.Theme!.Trim(), string.IsNullOrWhiteSpace(t.Guidance) ? null : t.Guidance.Trim())), now);

    public static async Task<Results<Created<PlanDetail>, ValidationProblem, ProblemHttpResult>> Create(PlanInput request, AppDbContext db, CancellationToken ct)
    {
        var (errors, org, parts) = await CheckPlan(request, db, ct);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await db.ThemedDayPlans.AnyAsync(p => p.OrgId == org!.Id && p.Year == request.Year, ct))
            return Problems.Conflict($"{org!.Name}已有{request.Year}年的主题党日计划，请在原计划上修改。");
        var plan = ThemedDayPlan.Create(Guid.CreateVersion7(), org!.Id, org.Path, request.Year!.Value, db.Now);
        ApplyPlan(plan, request, parts, db.Now);
        db.ThemedDayPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/orglife/themed-plans/{plan.Id}", await ToDetail(db, plan, ct));
    }

    public static async Task<Results<Ok<PlanDetail>, NotFound, ValidationProblem>> Update(Guid id, PlanInput request, AppDbContext db, CancellationToken ct)
    {
        var plan = await db.ThemedDayPlans.Include(p => p.Themes).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return TypedResults.NotFound();
        if (request.OrgId != plan.OrgId) return Problems.Validation("orgId", "发布组织不能更改");
        if (request.Year != plan.Year) return Problems.Validation("year", "年度不能更改");
        var (errors, _, parts) = await CheckPlan(request, db, ct);
        if (errors.Count > 0) return Problems.Validation(errors);
        db.ExpectVersion(plan, request.Version);
        ApplyPlan(plan, request, parts, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDetail(db, plan, ct));
    }

    public static async Task<Results<Ok<PlanDetail>, NotFound>> Publish(Guid id, AppDbContext db, CancellationToken ct)
    {
        var plan = await db.ThemedDayPlans.Include(p => p.Themes).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return TypedResults.NotFound();
        plan.Publish(db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDetail(db, plan, ct));
    }

    public static async Task<Results<NoContent, NotFound>> Delete(Guid id, AppDbContext db, CancellationToken ct)
    {
        var plan = await db.ThemedDayPlans.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return TypedResults.NotFound();
        plan.SoftDelete(db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static ThemedDayState StateOf(ThemedDayPlan plan, int month, ThemedDayRecord? record, DateOnly today)
    {
        if (plan.Themes.All(t => t.Month != month)) return ThemedDayState.NoTheme;
        if (record is not null) return plan.RequiredParts.All(record.PartsDone.Contains) ? ThemedDayState.Done : ThemedDayState.Partial;
        var m = new YearMonth(plan.Year, month);
        var now = YearMonth.Of(today);
        return m < now ? ThemedDayState.Missing : m == now ? ThemedDayState.Pending : ThemedDayState.NotDue;
    }

    public sealed record MatrixQuery(Guid? OrgId, int? Page, int? PageSize);

    /// <summary>The publisher's view: every branch under the plan (within the caller's scope) against every month.</summary>
    public static async Task<Results<Ok<PlanMatrix>, NotFound>> Matrix(Guid id, [AsParameters] MatrixQuery q, AppDbContext db, CancellationToken ct)
    {
        var plan = await Readable(db, id, ct);
        if (plan is null || plan.Status != PlanStatus.Published && !db.Scope.Contains(plan.OrgPath)) return TypedResults.NotFound();
        // The branches: under the plan's publisher, within the caller's scope, within the chosen organization.
        var path = db.Scope.Contains(plan.OrgPath) ? plan.OrgPath : db.Scope.RootPath!;
        if (q.OrgId is { } orgId)
        {
            var p = await db.PartyOrgs.Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (p is null || !OrgPath.IsWithin(p, plan.OrgPath)) return TypedResults.NotFound();
            path = p.Length > path.Length ? p : path;
        }
        var branches = await ComplianceFeatures.Branches(db, path, ct);
        var records = await db.ThemedDayRecords.AsNoTracking().WithinSubtree(db.Scope, path).Where(r => r.PlanId == plan.Id).ToListAsync(ct);
        var byBranch = records.ToLookup(r => r.OrgId);
        var parents = await MemberReads.OrgNames(db, branches.Where(b => b.ParentId is not null).Select(b => b.ParentId!.Value), ct);
        var today = db.Today;
        var rows = branches.Select(b =>
        {
            var cells = Enumerable.Range(1, 12).Select(m =>
            {
                var rec = byBranch[b.Id].FirstOrDefault(r => r.Month == m);
                return new MatrixCell(m, StateOf(plan, m, rec, today), rec?.Id);
            }).ToList();
            return new MatrixRow(b.Id, b.Name, b.ParentId is { } p ? parents.GetValueOrDefault(p, "") : "", cells, cells.Count(c => c.State == ThemedDayState.Done));
        }).ToList();
        var months = Enumerable.Range(1, 12).Select(m => new MatrixMonth(m, plan.Themes.FirstOrDefault(t => t.Month == m)?.Theme,
            rows.Count(r => r.Cells[m - 1].State == ThemedDayState.Done), rows.Count(r => r.Cells[m - 1].State == ThemedDayState.Partial),
            rows.Count(r => r.Cells[m - 1].State is ThemedDayState.Missing or ThemedDayState.Pending), rows.Count)).ToList();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        return TypedResults.Ok(new PlanMatrix(plan.Id, plan.Year, plan.Title, plan.RequiredParts, months,
            new PageOf<MatrixRow>([.. rows.Skip((page - 1) * size).Take(size)], rows.Count, page, size)));
    }

    /// <summary>The branch's view: the plans above it, month by month, with its own records.</summary>
    public static async Task<Results<Ok<BranchThemedDays>, NotFound, ValidationProblem>> ForBranch(Guid orgId, int? year, AppDbContext db, CancellationToken ct)
    {
        var org = await db.PartyOrgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null) return TypedResults.NotFound();
        if (!OrgLifeOrgs.IsBranch(org.Kind)) return Problems.Validation("orgId", "请选择党支部");
        var y = year ?? db.Today.Year;
        var plans = await PlansAbove(db, org.Path, y, ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var records = await db.ThemedDayRecords.AsNoTracking().Where(r => r.OrgId == org.Id && planIds.Contains(r.PlanId)).ToListAsync(ct);
        var recordIds = records.Select(r => r.Id).ToList();
        var attachments = (await db.Attachments.AsNoTracking().Where(a => recordIds.Contains(a.OwnerId)).OrderBy(a => a.CreatedAt).ToListAsync(ct))
            .ToLookup(a => a.OwnerId, a => new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.CreatedAt, a.CreatedBy));
        var names = await MemberReads.OrgNames(db, plans.Select(p => p.OrgId), ct);
        var today = db.Today;
        return TypedResults.Ok(new BranchThemedDays(org.Id, org.Name, y, [.. plans.Select(p => new BranchPlan(p.Id, p.Title, names.GetValueOrDefault(p.OrgId, ""),
            p.RequiredParts, [.. Enumerable.Range(1, 12).Select(m =>
            {
                var theme = p.Themes.FirstOrDefault(t => t.Month == m);
                var rec = records.FirstOrDefault(r => r.PlanId == p.Id && r.Month == m);
                return new BranchMonth(m, theme?.Theme, theme?.Guidance, StateOf(p, m, rec, today),
                    rec is null ? null : View(rec, org.Name, [.. attachments[rec.Id]]));
            })]))]));
    }

    private static ThemedDayRecordView View(ThemedDayRecord r, string orgName, IReadOnlyList<AttachmentRow> attachments) =>
        new(r.Id, r.PlanId, r.Month, r.OrgId, orgName, r.HeldOn, r.Place, r.Summary, r.AttendeeCount, r.PartsDone, attachments, r.UpdatedAt, r.Version);

    private static async Task<(Dictionary<string, string[]> Errors, PartyOrg? Org, ThemedDayPlan? Plan)> CheckRecord(ThemedDayInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string f, string m) { if (!errors.TryGetValue(f, out var l)) errors[f] = l = []; if (!l.Contains(m)) l.Add(m); }
        PartyOrg? org = null;
        ThemedDayPlan? plan = null;
        if (r.OrgId is not { } orgId) Add("orgId", "请选择党支部");
        else
        {
            org = await db.PartyOrgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (org is null) Add("orgId", "所选组织不存在或不在您的管辖范围内");
            else if (!OrgLifeOrgs.IsBranch(org.Kind)) Add("orgId", "主题党日以党支部为单位记录");
        }
        if (r.PlanId is not { } planId) Add("planId", "请选择主题党日计划");
        else if (org is not null)
        {
            plan = (await PlansAbove(db, org.Path, r.HeldOn?.Year ?? db.Today.Year, ct)).FirstOrDefault(p => p.Id == planId)
                ?? await db.ThemedDayPlans.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Include(p => p.Themes)
                    .Where(p => p.Id == planId && p.Status == PlanStatus.Published).FirstOrDefaultAsync(ct);
            if (plan is null || !OrgPath.IsWithin(org.Path, plan.OrgPath)) { Add("planId", "该计划不适用于所选支部"); plan = null; }
        }
        if (r.Month is not (>= 1 and <= 12)) Add("month", "月份应为1至12");
        else if (plan is not null && plan.Themes.All(t => t.Month != r.Month)) Add("month", $"计划中没有{r.Month}月的主题");
        if (r.HeldOn is not { } heldOn) Add("heldOn", "请填写活动日期");
        else
        {
            if (heldOn > db.Today) Add("heldOn", "活动日期不能晚于今天");
            if (plan is not null && r.Month is { } month && (heldOn.Year != plan.Year || heldOn.Month != month))
                Add("heldOn", $"活动日期应在{plan.Year}年{month}月内");
        }
        if (string.IsNullOrWhiteSpace(r.Place)) Add("place", "请填写活动地点");
        else if (r.Place.Trim().Length > 100) Add("place", "活动地点不能超过100个字");
        if (string.IsNullOrWhiteSpace(r.Summary)) Add("summary", "请填写活动内容");
        else if (r.Summary.Trim().Length > 5000) Add("summary", "活动内容不能超过5000个字");
        if (r.AttendeeCount is not (>= 1 and <= 10000)) Add("attendeeCount", "请填写参加人数（1至10000）");
        if (plan is not null && (r.PartsDone ?? []).Any(p => !plan.RequiredParts.Contains(p))) Add("partsDone", "勾选的环节不在计划的必选环节中");
        return (errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), org, plan);
    }

    public static async Task<Results<Created<ThemedDayRecordView>, ValidationProblem, ProblemHttpResult>> Record(ThemedDayInput request, AppDbContext db, CancellationToken ct)
    {
        var (errors, org, plan) = await CheckRecord(request, db, ct);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await db.ThemedDayRecords.AnyAsync(r => r.PlanId == plan!.Id && r.Month == request.Month && r.OrgId == org!.Id, ct))
            return Problems.Conflict($"{org!.Name}已记录{request.Month}月的主题党日，请在原记录上修改。");
        var rec = ThemedDayRecord.Create(Guid.CreateVersion7(), plan!.Id, request.Month!.Value, org!.Id, org.Path, db.Now);
        rec.Describe(request.HeldOn!.Value, request.Place!.Trim(), request.Summary!.Trim(), request.AttendeeCount!.Value, (request.PartsDone ?? []).Distinct(), db.Now);
        db.ThemedDayRecords.Add(rec);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/orglife/themed-days/{rec.Id}", View(rec, org.Name, []));
    }

    public static async Task<Results<Ok<ThemedDayRecordView>, NotFound, ValidationProblem>> UpdateRecord(Guid id, ThemedDayInput request, AppDbContext db, CancellationToken ct)
    {
        var rec = await db.ThemedDayRecords.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rec is null) return TypedResults.NotFound();
        if (request.PlanId != rec.PlanId || request.Month != rec.Month || request.OrgId != rec.OrgId)
            return Problems.Validation("month", "计划、月份和支部不能更改");
        var (errors, org, _) = await CheckRecord(request, db, ct);
        if (errors.Count > 0) return Problems.Validation(errors);
        db.ExpectVersion(rec, request.Version);
        rec.Describe(request.HeldOn!.Value, request.Place!.Trim(), request.Summary!.Trim(), request.AttendeeCount!.Value, (request.PartsDone ?? []).Distinct(), db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(rec, org!.Name, await db.Attachments.AsNoTracking().Where(a => a.OwnerId == rec.Id).OrderBy(a => a.CreatedAt)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.CreatedAt, a.CreatedBy)).ToListAsync(ct)));
    }

    public static async Task<Results<Ok<ThemedDayRecordView>, NotFound>> GetRecord(Guid id, AppDbContext db, CancellationToken ct)
    {
        var rec = await db.ThemedDayRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rec is null) return TypedResults.NotFound();
        var name = (await MemberReads.OrgNames(db, [rec.OrgId], ct)).GetValueOrDefault(rec.OrgId, "");
        return TypedResults.Ok(View(rec, name, await db.Attachments.AsNoTracking().Where(a => a.OwnerId == rec.Id).OrderBy(a => a.CreatedAt)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.CreatedAt, a.CreatedBy)).ToListAsync(ct)));
    }
}
