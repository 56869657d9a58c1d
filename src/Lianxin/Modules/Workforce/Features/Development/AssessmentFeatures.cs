using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features.Development;

/// <summary>
/// 考核评议: assessments per worker and period, the entry sheet of a period, and the effects of the rules (优秀 →
/// 提前晋档, consecutive 不合格 → 解聘审查) proposed, reviewed and applied.
/// </summary>
public static class AssessmentFeatures
{
    public static async Task<Results<Ok<PageOf<AssessmentRow>>, NotFound>> List([AsParameters] AssessmentQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = db.Assessments.AsNoTracking().WithinSubtree(db.Scope, path);
        if (q.Kind is { } k) rows = rows.Where(a => a.Kind == k);
        if (!string.IsNullOrWhiteSpace(q.Period)) { var p = q.Period.Trim().ToUpperInvariant(); rows = rows.Where(a => a.Period == p); }
        if (q.Grade is { } g) rows = rows.Where(a => a.Grade == g);
        if (q.WorkerId is { } w) rows = rows.Where(a => a.WorkerId == w);
        if (!string.IsNullOrWhiteSpace(q.Q)) { var t = q.Q.Trim(); rows = rows.Where(a => a.WorkerName.Contains(t)); }
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(a => a.Year).ThenByDescending(a => a.Period).ThenBy(a => a.OrgPath).ThenBy(a => a.WorkerName).ThenBy(a => a.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<AssessmentRow>(await Rows(db, list, ct), total, page, size));
    }

    internal static async Task<List<AssessmentRow>> Rows(AppDbContext db, IReadOnlyList<Assessment> list, CancellationToken ct)
    {
        var names = await MemberReads.OrgNames(db, list.Select(a => a.OrgId), ct);
        return [.. list.Select(a => Row(a, names.GetValueOrDefault(a.OrgId, "")))];
    }

    private static AssessmentRow Row(Assessment a, string orgName) =>
        new(a.Id, a.WorkerId, a.WorkerName, a.OrgId, orgName, a.Kind, DevelopmentLabels.Of(a.Kind), a.Period, a.Year, a.OrgRating, a.ResidentRating,
            a.OrgWeight, a.Combined, a.Grade, DevelopmentLabels.Of(a.Grade), a.GradeSetDirectly, a.Note, a.CreatedBy, a.UpdatedAt, a.Version);

    public static async Task<Results<Ok<AssessmentRow>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var a = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? TypedResults.NotFound() : TypedResults.Ok((await Rows(db, [a], ct))[0]);
    }

    /// <summary>The entry table of a period: every active worker of the subtree with their assessment, if entered.</summary>
    public static async Task<Results<Ok<AssessmentSheet>, NotFound, ValidationProblem>> Sheet([AsParameters] SheetQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var kind = q.Kind ?? AssessmentKind.Annual;
        if (DevelopmentRules.ParsePeriod(kind, q.Period) is not { } period)
            return Problems.Validation("period", kind == AssessmentKind.Annual ? "请填写考核年度，如 2025" : "请填写考核期间，如 2026Q3、2026H1 或 2026-10");
        var workers = db.Workers.AsNoTracking().WithinSubtree(db.Scope, path).Where(w => w.Status != WorkerStatus.Dismissed || w.StatusSince.Year >= period.Year);
        if (!string.IsNullOrWhiteSpace(q.Q)) { var t = q.Q.Trim(); workers = workers.Where(w => w.Name.Contains(t)); }
        var total = await workers.CountAsync(ct);
        var assessed = db.Assessments.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(a => a.Period == period.Period && workers.Select(w => w.Id).Contains(a.WorkerId));
        var grades = await assessed.GroupBy(a => a.Grade).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var list = await workers.OrderBy(w => w.OrgPath).ThenBy(w => w.Post).ThenBy(w => w.Name).ThenBy(w => w.Id).Skip((page - 1) * size).Take(size)
            .Select(w => new { w.Id, w.Name, w.OrgId, w.Post }).ToListAsync(ct);
        var ids = list.Select(w => w.Id).ToList();
        var theirs = await db.Assessments.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(a => a.Period == period.Period && ids.Contains(a.WorkerId)).ToListAsync(ct);
        var rows = (await Rows(db, theirs, ct)).ToDictionary(a => a.WorkerId);
        var names = await MemberReads.OrgNames(db, list.Select(w => w.OrgId), ct);
        return TypedResults.Ok(new AssessmentSheet(kind, period.Period, total, grades.Values.Sum(),
            [.. Enum.GetValues<AssessmentGrade>().Select(g => new GradeCount(g, DevelopmentLabels.Of(g), grades.GetValueOrDefault(g)))],
            new PageOf<SheetRow>([.. list.Select(w => new SheetRow(w.Id, w.Name, w.OrgId, names.GetValueOrDefault(w.OrgId, ""), w.Post, WorkforceLabels.Of(w.Post),
                rows.GetValueOrDefault(w.Id)))], total, page, size)));
    }

    private static Dictionary<string, string[]> CheckScores(AssessmentInput r)
    {
        var errors = new Dictionary<string, string[]>();
        static bool Bad(decimal? v) => v is < 0 or > 100 || v is { } x && decimal.Round(x, 2) != x;
        if (Bad(r.OrgRating)) errors["orgRating"] = ["组织评价分应在0到100之间，最多两位小数"];
        if (Bad(r.ResidentRating)) errors["residentRating"] = ["群众评议分应在0到100之间，最多两位小数"];
        if (r.Grade is null && (r.OrgRating is null || r.ResidentRating is null))
        {
            if (r.OrgRating is null && !errors.ContainsKey("orgRating")) errors["orgRating"] = ["请填写组织评价分，或直接评定等次"];
            if (r.ResidentRating is null && !errors.ContainsKey("residentRating")) errors["residentRating"] = ["请填写群众评议分，或直接评定等次"];
        }
        if (r.Grade is not null && string.IsNullOrWhiteSpace(r.Note)) errors["note"] = ["直接评定等次时，请写明依据"];
        if (r.Note?.Trim().Length > 500) errors["note"] = ["说明不能超过500个字"];
        return errors;
    }

    public static async Task<Results<Created<AssessmentSaved>, ValidationProblem, ProblemHttpResult>> Create(AssessmentInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = CheckScores(r);
        Worker? w = null;
        if (r.WorkerId is null) errors["workerId"] = ["请选择社区工作者"];
        else if ((w = await db.Workers.FirstOrDefaultAsync(x => x.Id == r.WorkerId, ct)) is null) errors["workerId"] = ["所选人员不存在或不在您的管辖范围内"];
        if (r.Kind is null) errors["kind"] = ["请选择考核类型"];
        var period = r.Kind is { } k ? DevelopmentRules.ParsePeriod(k, r.Period) : null;
        if (r.Kind is not null && period is null)
            errors["period"] = [r.Kind == AssessmentKind.Annual ? "请填写考核年度，如 2025" : "请填写考核期间，如 2026Q3、2026H1 或 2026-10"];
        else if (period is { } p && p.Year > db.Today.Year) errors["period"] = ["不能考核将来的期间"];
        else if (period is { } p2 && w is not null && p2.Year < w.HireDate.Year) errors["period"] = ["考核期间早于聘用日期"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await db.Assessments.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AnyAsync(a => a.WorkerId == w!.Id && a.Period == period!.Value.Period, ct))
            return Problems.Conflict($"{w!.Name}的{period!.Value.Period}考核已录入，请在列表中修改");
        var s = await SettingsStore.Read<WorkforceSettings>(db, WorkforceSettings.Key, ct);
        var a = Assessment.Create(Guid.CreateVersion7(), w!, r.Kind!.Value, period!.Value.Period, period.Value.Year, db.Actor.UserName, db.Now);
        a.Score(r.OrgRating, r.ResidentRating, r.Grade, Clean(r.Note), s, db.Now);
        db.Assessments.Add(a);
        var proposed = await ApplyRules(db, w!, a, s, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workforce/assessments/{a.Id}", await Saved(db, a, proposed, ct));
    }

    public static async Task<Results<Ok<AssessmentSaved>, NotFound, ValidationProblem>> Update(Guid id, AssessmentInput r, AppDbContext db, CancellationToken ct)
    {
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        var errors = CheckScores(r);
        if (errors.Count > 0) return Problems.Validation(errors);
        var w = await db.Workers.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).FirstAsync(x => x.Id == a.WorkerId, ct);
        db.ExpectVersion(a, r.Version);
        var s = await SettingsStore.Read<WorkforceSettings>(db, WorkforceSettings.Key, ct);
        a.Score(r.OrgRating, r.ResidentRating, r.Grade, Clean(r.Note), s, db.Now);
        var proposed = await ApplyRules(db, w, a, s, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Saved(db, a, proposed, ct));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static async Task<AssessmentSaved> Saved(AppDbContext db, Assessment a, List<WorkforceEffect> proposed, CancellationToken ct) =>
        new((await Rows(db, [a], ct))[0], await EffectRows(db, proposed, ct));

    public static string AdvanceKey(Guid assessmentId) => $"advance:{assessmentId}";
    public static string DismissalKey(Guid workerId, int year) => $"dismissal:{workerId}:{year}";

    /// <summary>
    /// The rules on an annual assessment just recorded (staged): 优秀 proposes 提前晋档 once per assessment;
    /// FailuresForDismissalReview consecutive 不合格 propose 解聘审查 once per worker and year (not while another is open).
    /// A proposal whose basis changed and that is not yet applied is withdrawn (驳回, with the reason). Staged only.
    /// </summary>
    internal static async Task<List<WorkforceEffect>> ApplyRules(AppDbContext db, Worker w, Assessment a, WorkforceSettings s, CancellationToken ct)
    {
        var created = new List<WorkforceEffect>();
        if (a.Kind != AssessmentKind.Annual) return created;
        var effects = await db.WorkforceEffects.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(e => e.WorkerId == w.Id).ToListAsync(ct);
        void Withdraw(WorkforceEffect e, string why)
        {
            if (e.Status is EffectStatus.Pending or EffectStatus.Approved) e.Reject(why, "系统", db.Now);
        }

        var advanceKey = AdvanceKey(a.Id);
        var advance = effects.FirstOrDefault(e => e.Key == advanceKey);
        if (a.Grade == AssessmentGrade.Excellent && advance is null && w.Status != WorkerStatus.Dismissed)
        {
            var changes = await db.WorkerPostChanges.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(c => c.WorkerId == w.Id).ToListAsync(ct);
            if (DevelopmentRules.StepSince(changes, DateOnly.MaxValue) is { } since)
            {
                var regular = DevelopmentRules.NextRegularStep(since, s.StepYears);
                var early = DevelopmentRules.EarlyStep(regular, s.ExcellentAdvanceMonths);
                var placement = WorkforceRules.PlacementOn(changes, early < w.HireDate ? w.HireDate : early);
                var e = WorkforceEffect.Propose(Guid.CreateVersion7(), advanceKey, w, EffectKind.EarlyStepAdvance, a,
                    $"{a.Period}年度考核优秀，下一档次晋档时间由 {regular:yyyy-MM-dd} 提前{s.ExcellentAdvanceMonths}个月至 {early:yyyy-MM-dd}",
                    early, regular, (placement?.Step ?? w.Step) + 1, db.Actor.UserName, db.Now);
                db.WorkforceEffects.Add(e);
                created.Add(e);
            }
        }
        else if (a.Grade != AssessmentGrade.Excellent && advance is not null)
            Withdraw(advance, $"考核等次已改为{DevelopmentLabels.Of(a.Grade)}，提案自动撤回");

        var annual = await db.Assessments.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(x => x.WorkerId == w.Id && x.Kind == AssessmentKind.Annual && x.Id != a.Id)
            .ToListAsync(ct);
        annual.Add(a);
        var grades = annual.Select(x => (x.Year, x.Grade)).ToList();
        foreach (var x in annual.Where(x => x.Year >= a.Year).OrderBy(x => x.Year))
        {
            var key = DismissalKey(w.Id, x.Year);
            var existing = effects.FirstOrDefault(e => e.Key == key);
            var failures = DevelopmentRules.ConsecutiveFailures(grades, x.Year);
            if (failures >= s.FailuresForDismissalReview)
            {
                var open = effects.Concat(created).Any(e => e.Kind == EffectKind.DismissalReview && e.Status is EffectStatus.Pending or EffectStatus.Approved);
                if (existing is null && !open && w.Status != WorkerStatus.Dismissed)
                {
                    var e = WorkforceEffect.Propose(Guid.CreateVersion7(), key, w, EffectKind.DismissalReview, x,
                        $"{x.Year - failures + 1}—{x.Year}年度连续{failures}年考核不合格，启动解聘审查", null, null, null, db.Actor.UserName, db.Now);
                    db.WorkforceEffects.Add(e);
                    created.Add(e);
                }
            }
            else if (existing is not null) Withdraw(existing, "年度考核结果已更改，不再连续不合格，审查自动撤回");
        }
        return created;
    }

    // ── 考核结果运用 ──

    public static async Task<Results<Ok<PageOf<EffectRow>>, NotFound>> Effects([AsParameters] EffectQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = db.WorkforceEffects.AsNoTracking().WithinSubtree(db.Scope, path);
        if (q.Status is { } st) rows = rows.Where(e => e.Status == st);
        if (q.Kind is { } k) rows = rows.Where(e => e.Kind == k);
        if (q.WorkerId is { } w) rows = rows.Where(e => e.WorkerId == w);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<EffectRow>(await EffectRows(db, list, ct), total, page, size));
    }

    internal static async Task<List<EffectRow>> EffectRows(AppDbContext db, IReadOnlyList<WorkforceEffect> list, CancellationToken ct)
    {
        var names = await MemberReads.OrgNames(db, list.Select(e => e.OrgId), ct);
        return [.. list.Select(e => new EffectRow(e.Id, e.WorkerId, e.WorkerName, e.OrgId, names.GetValueOrDefault(e.OrgId, ""), e.Kind, DevelopmentLabels.Of(e.Kind),
            e.Period, e.Reason, e.EffectiveOn, e.RegularOn, e.NewStep, e.Status, DevelopmentLabels.Of(e.Status), e.CreatedBy, e.CreatedAt, e.ReviewedBy,
            e.ReviewedAt, e.ReviewNote, e.AppliedBy, e.AppliedAt, e.Version))];
    }

    public static async Task<Results<Ok<EffectRow>, NotFound>> GetEffect(Guid id, AppDbContext db, CancellationToken ct)
    {
        var e = await db.WorkforceEffects.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return e is null ? TypedResults.NotFound() : TypedResults.Ok((await EffectRows(db, [e], ct))[0]);
    }

    public static async Task<Results<Ok<EffectRow>, NotFound, ValidationProblem>> Approve(Guid id, ReviewInput r, AppDbContext db, CancellationToken ct)
    {
        var e = await db.WorkforceEffects.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return TypedResults.NotFound();
        if (r.Note?.Trim().Length > 500) return Problems.Validation("note", "审核意见不能超过500个字");
        db.ExpectVersion(e, r.Version);
        try { e.Approve(Clean(r.Note), db.Actor.UserName, db.Now); }
        catch (DomainException x) { return Problems.Validation(x.Field, x.Message); }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await EffectRows(db, [e], ct))[0]);
    }

    public static async Task<Results<Ok<EffectRow>, NotFound, ValidationProblem>> Reject(Guid id, ReviewInput r, AppDbContext db, CancellationToken ct)
    {
        var e = await db.WorkforceEffects.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(r.Note)) return Problems.Validation("note", "请写明驳回理由");
        if (r.Note.Trim().Length > 500) return Problems.Validation("note", "驳回理由不能超过500个字");
        db.ExpectVersion(e, r.Version);
        try { e.Reject(r.Note.Trim(), db.Actor.UserName, db.Now); }
        catch (DomainException x) { return Problems.Validation(x.Field, x.Message); }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await EffectRows(db, [e], ct))[0]);
    }

    /// <summary>
    /// Applies an approved proposal, once: 提前晋档 writes a 晋档 record effective on the proposed date (step + 1 of the
    /// placement then) and updates the worker's placement; 解聘审查 dismisses the worker.
    /// </summary>
    public static async Task<Results<Ok<EffectRow>, NotFound, ValidationProblem>> Apply(Guid id, ReviewInput r, AppDbContext db, CancellationToken ct)
    {
        var e = await db.WorkforceEffects.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return TypedResults.NotFound();
        if (e.Status != EffectStatus.Approved)
            return Problems.Validation("status", e.Status == EffectStatus.Applied ? "该事项已执行，不能重复执行" : $"该事项{DevelopmentLabels.Of(e.Status)}，须审核通过后才能执行");
        var w = await db.Workers.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).FirstAsync(x => x.Id == e.WorkerId, ct);
        if (w.IsDeleted) return Problems.Validation("status", "该人员已从花名册删除");
        if (w.Status == WorkerStatus.Dismissed) return Problems.Validation("status", "该人员已解聘，不能执行");
        db.ExpectVersion(e, r.Version);
        Guid? changeId = null;
        if (e.Kind == EffectKind.EarlyStepAdvance)
        {
            var changes = await db.WorkerPostChanges.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(c => c.WorkerId == w.Id).ToListAsync(ct);
            if (changes.Any(c => c.Kind == PostChangeKind.StepAdvance && c.CreatedAt > e.CreatedAt))
                return Problems.Validation("status", "提案后已有新的晋档记录，请核实后驳回本提案");
            var on = e.EffectiveOn!.Value < w.HireDate ? w.HireDate : e.EffectiveOn.Value;
            var p = WorkforceRules.PlacementOn(changes, on) ?? new Placement(w.Post, w.PayPost, w.Level, w.Step, w.HireDate);
            var change = WorkerPostChange.Create(Guid.CreateVersion7(), w, on, PostChangeKind.StepAdvance, p.Post, p.PayPost, p.Level, p.Step + 1,
                "年度考核优秀提前晋档", db.Actor.UserName, db.Now);
            db.WorkerPostChanges.Add(change);
            await RosterFeatures.SyncPlacement(db, w, [change], ct);
            changeId = change.Id;
        }
        else
        {
            var since = db.Today < w.HireDate ? w.HireDate : db.Today;
            w.SetStatus(WorkerStatus.Dismissed, since, $"{e.Reason}；经审查解聘", db.Now);
        }
        e.MarkApplied(changeId, db.Actor.UserName, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await EffectRows(db, [e], ct))[0]);
    }
}
