using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features.Development;

/// <summary>教育培训: classes with sessions, enrolment and attendance; 应训未训; coverage of a subtree.</summary>
public static class TrainingFeatures
{
    public const int DefaultCompletionPercent = 80;

    public static async Task<Results<Ok<PageOf<TrainingRow>>, NotFound>> List([AsParameters] TrainingQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = db.TrainingClasses.AsNoTracking().WithinSubtree(db.Scope, path);
        if (q.Year is { } y) rows = rows.Where(c => c.StartDate.Year == y || c.EndDate.Year == y);
        if (q.Kind is { } k) rows = rows.Where(c => c.Kind == k);
        if (!string.IsNullOrWhiteSpace(q.Q)) { var t = q.Q.Trim(); rows = rows.Where(c => c.Name.Contains(t) || c.Organizer.Contains(t)); }
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(c => c.StartDate).ThenBy(c => c.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<TrainingRow>(await Rows(db, list, ct), total, page, size));
    }

    private static async Task<List<TrainingRow>> Rows(AppDbContext db, List<TrainingClass> list, CancellationToken ct)
    {
        var ids = list.Select(c => c.Id).ToList();
        var names = await MemberReads.OrgNames(db, list.Select(c => c.OrgId), ct);
        var sessions = await db.TrainingSessions.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(s => ids.Contains(s.ClassId))
            .GroupBy(s => s.ClassId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var enrolled = await db.TrainingEnrolments.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(e => ids.Contains(e.ClassId))
            .GroupBy(e => e.ClassId).Select(g => new { g.Key, N = g.Count(), Done = g.Count(e => e.Completed) }).ToDictionaryAsync(x => x.Key, ct);
        return [.. list.Select(c => new TrainingRow(c.Id, c.OrgId, names.GetValueOrDefault(c.OrgId, ""), c.Name, c.Kind, DevelopmentLabels.Of(c.Kind),
            c.StartDate, c.EndDate, c.Hours, c.Organizer, c.CompletionPercent, sessions.GetValueOrDefault(c.Id),
            enrolled.TryGetValue(c.Id, out var e) ? e.N : 0, enrolled.TryGetValue(c.Id, out var d) ? d.Done : 0))];
    }

    public static async Task<Results<Ok<TrainingDetail>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var c = await db.TrainingClasses.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(await Detail(db, c, ct));
    }

    private static async Task<TrainingDetail> Detail(AppDbContext db, TrainingClass c, CancellationToken ct)
    {
        var row = (await Rows(db, [c], ct))[0];
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.ClassId == c.Id).OrderBy(s => s.Date).ThenBy(s => s.Id).ToListAsync(ct);
        var enrolments = await db.TrainingEnrolments.AsNoTracking().Where(e => e.ClassId == c.Id).ToListAsync(ct);
        var marks = await db.TrainingAttendance.AsNoTracking().Where(a => a.ClassId == c.Id).Select(a => new { a.SessionId, a.WorkerId }).ToListAsync(ct);
        var workerIds = enrolments.Select(e => e.WorkerId).ToList();
        var workers = await db.Workers.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(w => workerIds.Contains(w.Id))
            .Select(w => new { w.Id, w.OrgId, w.Post }).ToDictionaryAsync(w => w.Id, ct);
        var orgNames = await MemberReads.OrgNames(db, workers.Values.Select(w => w.OrgId), ct);
        var present = marks.GroupBy(m => m.WorkerId).ToDictionary(g => g.Key, g => g.Select(m => m.SessionId).ToList());
        return new TrainingDetail(row,
            [.. sessions.Select(s => new SessionRow(s.Id, s.Date, s.Topic, s.Hours, marks.Count(m => m.SessionId == s.Id)))],
            [.. enrolments.OrderBy(e => workers.TryGetValue(e.WorkerId, out var w) ? orgNames.GetValueOrDefault(w.OrgId, "") : "").ThenBy(e => e.WorkerName)
                .Select(e =>
                {
                    var w = workers.GetValueOrDefault(e.WorkerId);
                    return new EnrolmentRow(e.WorkerId, e.WorkerName, w?.OrgId ?? Guid.Empty, w is null ? "" : orgNames.GetValueOrDefault(w.OrgId, ""),
                        w is null ? "" : WorkforceLabels.Of(w.Post), e.Attended, e.Completed, present.GetValueOrDefault(e.WorkerId) ?? []);
                })],
            c.CreatedBy, c.CreatedAt, c.Version);
    }

    private static async Task<(Dictionary<string, string[]> Errors, PartyOrg? Org)> Check(TrainingInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        PartyOrg? org = null;
        if (r.OrgId is null) errors["orgId"] = ["请选择举办单位"];
        else if ((org = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == r.OrgId, ct)) is null) errors["orgId"] = ["所选组织不存在或不在您的管辖范围内"];
        if (string.IsNullOrWhiteSpace(r.Name)) errors["name"] = ["请填写培训班名称"];
        else if (r.Name.Trim().Length > 100) errors["name"] = ["名称不能超过100个字"];
        if (r.Kind is null) errors["kind"] = ["请选择培训类型"];
        if (r.StartDate is null) errors["startDate"] = ["请填写开始日期"];
        if (r.EndDate is null) errors["endDate"] = ["请填写结束日期"];
        else if (r.StartDate is { } s && r.EndDate < s) errors["endDate"] = ["结束日期不能早于开始日期"];
        else if (r.StartDate is { } s2 && r.EndDate.Value.DayNumber - s2.DayNumber > 366) errors["endDate"] = ["一期培训不能超过一年"];
        if (r.Hours is null or < 0 or > 2000) errors["hours"] = ["请填写学时（0到2000）"];
        else if (decimal.Round(r.Hours.Value, 1) != r.Hours) errors["hours"] = ["学时最多一位小数"];
        if (string.IsNullOrWhiteSpace(r.Organizer)) errors["organizer"] = ["请填写主办单位"];
        else if (r.Organizer.Trim().Length > 100) errors["organizer"] = ["主办单位不能超过100个字"];
        if (r.CompletionPercent is < 1 or > 100) errors["completionPercent"] = ["结业出勤比例应在1%到100%之间"];
        return (errors, org);
    }

    public static async Task<Results<Created<TrainingDetail>, ValidationProblem>> Create(TrainingInput r, AppDbContext db, CancellationToken ct)
    {
        var (errors, org) = await Check(r, db, ct);
        if (errors.Count > 0) return Problems.Validation(errors);
        var c = TrainingClass.Create(Guid.CreateVersion7(), org!.Id, org.Path, db.Actor.UserName, db.Now);
        c.Set(r.Name!.Trim(), r.Kind!.Value, r.StartDate!.Value, r.EndDate!.Value, r.Hours!.Value, r.Organizer!.Trim(), r.CompletionPercent ?? DefaultCompletionPercent, db.Now);
        db.TrainingClasses.Add(c);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workforce/trainings/{c.Id}", await Detail(db, c, ct));
    }

    public static async Task<Results<Ok<TrainingDetail>, NotFound, ValidationProblem>> Update(Guid id, TrainingInput r, AppDbContext db, CancellationToken ct)
    {
        var c = await db.TrainingClasses.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return TypedResults.NotFound();
        var (errors, org) = await Check(r, db, ct);
        if (errors.Count == 0 && org!.Id != c.OrgId) errors["orgId"] = ["举办单位不能更改；如填错，请新建培训班"];
        if (errors.Count == 0)
        {
            var outside = await db.TrainingSessions.Where(s => s.ClassId == id && (s.Date < r.StartDate || s.Date > r.EndDate)).AnyAsync(ct);
            if (outside) errors["startDate"] = ["已有课次不在新的起止日期之内，请先调整课次"];
        }
        if (errors.Count > 0) return Problems.Validation(errors);
        db.ExpectVersion(c, r.Version);
        c.Set(r.Name!.Trim(), r.Kind!.Value, r.StartDate!.Value, r.EndDate!.Value, r.Hours!.Value, r.Organizer!.Trim(), r.CompletionPercent ?? c.CompletionPercent, db.Now);
        await Recount(db, c, [], [], ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, c, ct));
    }

    public static async Task<Results<Ok<TrainingDetail>, NotFound, ValidationProblem>> AddSession(Guid id, SessionInput r, AppDbContext db, CancellationToken ct)
    {
        var c = await db.TrainingClasses.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (r.Date is null) errors["date"] = ["请填写日期"];
        else if (r.Date < c.StartDate || r.Date > c.EndDate) errors["date"] = [$"日期应在 {c.StartDate:yyyy-MM-dd} 至 {c.EndDate:yyyy-MM-dd} 之间"];
        if (string.IsNullOrWhiteSpace(r.Topic)) errors["topic"] = ["请填写课程内容"];
        else if (r.Topic.Trim().Length > 200) errors["topic"] = ["课程内容不能超过200个字"];
        if (r.Hours is null or <= 0 or > 24) errors["hours"] = ["请填写学时（0到24）"];
        if (errors.Count == 0 && await db.TrainingSessions.CountAsync(s => s.ClassId == id, ct) >= 200) errors["date"] = ["一期培训最多200个课次"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var s = TrainingSession.Create(Guid.CreateVersion7(), c, r.Date!.Value, r.Topic!.Trim(), r.Hours!.Value);
        db.TrainingSessions.Add(s);
        await Recount(db, c, [s], [], ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, c, ct));
    }

    public static async Task<Results<Ok<TrainingDetail>, NotFound>> RemoveSession(Guid id, Guid sessionId, AppDbContext db, CancellationToken ct)
    {
        var c = await db.TrainingClasses.FirstOrDefaultAsync(x => x.Id == id, ct);
        var s = c is null ? null : await db.TrainingSessions.FirstOrDefaultAsync(x => x.Id == sessionId && x.ClassId == id, ct);
        if (c is null || s is null) return TypedResults.NotFound();
        db.TrainingAttendance.RemoveRange(await db.TrainingAttendance.Where(a => a.SessionId == sessionId).ToListAsync(ct));
        db.TrainingSessions.Remove(s);   // audited as a deletion, with its values
        await Recount(db, c, [], [s.Id], ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, c, ct));
    }

    public static async Task<Results<Ok<TrainingDetail>, NotFound, ValidationProblem>> Enrol(Guid id, EnrolInput r, AppDbContext db, CancellationToken ct)
    {
        var c = await db.TrainingClasses.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return TypedResults.NotFound();
        var ids = (r.WorkerIds ?? []).Distinct().ToList();
        if (ids.Count == 0) return Problems.Validation("workerIds", "请选择参训人员");
        if (ids.Count > 500) return Problems.Validation("workerIds", "一次最多添加500人");
        var workers = await db.Workers.Where(w => ids.Contains(w.Id)).ToListAsync(ct);
        var bad = new List<string>();
        if (workers.Count != ids.Count) bad.Add("所选人员不存在或不在您的管辖范围内");
        if (workers.FirstOrDefault(w => !w.OrgPath.StartsWith(c.OrgPath, StringComparison.Ordinal)) is { } outside)
            bad.Add($"{outside.Name}不属于举办单位及其下级，不能报名");
        if (workers.FirstOrDefault(w => w.Status == WorkerStatus.Dismissed) is { } gone) bad.Add($"{gone.Name}已解聘，不能报名");
        if (bad.Count > 0) return Problems.Validation(new Dictionary<string, string[]> { ["workerIds"] = [.. bad] });
        var existing = (await db.TrainingEnrolments.Where(e => e.ClassId == id).Select(e => e.WorkerId).ToListAsync(ct)).ToHashSet();
        foreach (var w in workers.Where(w => !existing.Contains(w.Id)))
            db.TrainingEnrolments.Add(TrainingEnrolment.Create(Guid.CreateVersion7(), c, w, db.Now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, c, ct));
    }

    public static async Task<Results<Ok<TrainingDetail>, NotFound>> Unenrol(Guid id, Guid workerId, AppDbContext db, CancellationToken ct)
    {
        var c = await db.TrainingClasses.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var e = c is null ? null : await db.TrainingEnrolments.FirstOrDefaultAsync(x => x.ClassId == id && x.WorkerId == workerId, ct);
        if (c is null || e is null) return TypedResults.NotFound();
        db.TrainingAttendance.RemoveRange(await db.TrainingAttendance.Where(a => a.ClassId == id && a.WorkerId == workerId).ToListAsync(ct));
        db.TrainingEnrolments.Remove(e);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, c, ct));
    }

    /// <summary>Marks presence (or absence) at sessions for enrolled workers, then recounts completion. All marks or none.</summary>
    public static async Task<Results<Ok<TrainingDetail>, NotFound, ValidationProblem>> Attendance(Guid id, AttendanceInput r, AppDbContext db, CancellationToken ct)
    {
        var c = await db.TrainingClasses.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return TypedResults.NotFound();
        var marks = r.Marks ?? [];
        if (marks.Count == 0) return Problems.Validation("marks", "请标记出勤情况");
        if (marks.Count > 20000) return Problems.Validation("marks", "一次标记的数量过多");
        var sessions = await db.TrainingSessions.Where(s => s.ClassId == id).ToDictionaryAsync(s => s.Id, ct);
        var enrolments = await db.TrainingEnrolments.Where(e => e.ClassId == id).ToDictionaryAsync(e => e.WorkerId, ct);
        if (marks.Any(m => m.SessionId is not { } s || !sessions.ContainsKey(s))) return Problems.Validation("marks", "课次不属于本培训班");
        if (marks.Any(m => m.WorkerId is not { } w || !enrolments.ContainsKey(w))) return Problems.Validation("marks", "人员未报名本培训班");
        if (marks.Any(m => m.Present is null)) return Problems.Validation("marks", "请标明是否出勤");
        if (marks.Any(m => m.Present == true && sessions[m.SessionId!.Value].Date > db.Today)) return Problems.Validation("marks", "课次尚未举行，不能登记出勤");
        var present = await db.TrainingAttendance.Where(a => a.ClassId == id).ToListAsync(ct);
        var added = new List<TrainingAttendance>();
        var removed = new List<Guid>();
        foreach (var m in marks.DistinctBy(m => (m.SessionId, m.WorkerId)))
        {
            var row = present.FirstOrDefault(a => a.SessionId == m.SessionId && a.WorkerId == m.WorkerId);
            if (m.Present == true && row is null)
                added.Add(TrainingAttendance.Create(Guid.CreateVersion7(), sessions[m.SessionId!.Value], enrolments[m.WorkerId!.Value]));
            else if (m.Present == false && row is not null) { db.TrainingAttendance.Remove(row); removed.Add(row.Id); }
        }
        db.TrainingAttendance.AddRange(added);
        var counts = present.Where(a => !removed.Contains(a.Id)).Concat(added).GroupBy(a => a.WorkerId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var e in enrolments.Values) e.Recount(c, sessions.Count, counts.GetValueOrDefault(e.WorkerId));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, c, ct));
    }

    /// <summary>Recounts every enrolment of the class after its sessions or completion share changed (staged sessions included).</summary>
    private static async Task Recount(AppDbContext db, TrainingClass c, IReadOnlyList<TrainingSession> added, IReadOnlyList<Guid> removed, CancellationToken ct)
    {
        var sessions = await db.TrainingSessions.CountAsync(s => s.ClassId == c.Id, ct) + added.Count - removed.Count;
        var counts = await db.TrainingAttendance.Where(a => a.ClassId == c.Id && !removed.Contains(a.SessionId))
            .GroupBy(a => a.WorkerId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        foreach (var e in await db.TrainingEnrolments.Where(e => e.ClassId == c.Id).ToListAsync(ct))
            e.Recount(c, sessions, counts.GetValueOrDefault(e.WorkerId));
    }

    /// <summary>Active workers of a subtree with their last completed training (on or before the day).</summary>
    internal static async Task<List<(Guid Id, string Name, Guid OrgId, WorkerPost Post, DateOnly HireDate, DateOnly? Last)>> ActiveWithTraining(
        AppDbContext db, string path, DateOnly on, CancellationToken ct)
    {
        var workers = db.Workers.AsNoTracking().WithinSubtree(db.Scope, path).Where(w => w.Status == WorkerStatus.Active && w.HireDate <= on);
        var list = await workers.Select(w => new { w.Id, w.Name, w.OrgId, w.Post, w.HireDate, w.OrgPath }).ToListAsync(ct);
        var last = await db.TrainingEnrolments.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(e => e.Completed && e.CompletedOn <= on && workers.Select(w => w.Id).Contains(e.WorkerId))
            .GroupBy(e => e.WorkerId).Select(g => new { g.Key, Last = g.Max(e => e.CompletedOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        return [.. list.OrderBy(w => w.OrgPath, StringComparer.Ordinal).ThenBy(w => w.Post).ThenBy(w => w.Name)
            .Select(w => (w.Id, w.Name, w.OrgId, w.Post, w.HireDate, last.GetValueOrDefault(w.Id)))];
    }

    public static async Task<Results<Ok<OverdueReport>, NotFound>> Overdue([AsParameters] OverdueQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var s = await SettingsStore.Read<WorkforceSettings>(db, WorkforceSettings.Key, ct);
        var today = db.Today;
        var all = await ActiveWithTraining(db, path, today, ct);
        var overdue = all.Select(w => (W: w, Cycle: DevelopmentRules.TrainingCycleYears(w.Post, s)))
            .Where(x => DevelopmentRules.TrainingOverdue(x.W.HireDate, x.W.Last, x.Cycle, today)).ToList();
        var shown = overdue.Where(x => (q.Post is null || x.W.Post == q.Post) && (string.IsNullOrWhiteSpace(q.Q) || x.W.Name.Contains(q.Q.Trim()))).ToList();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var slice = shown.Skip((page - 1) * size).Take(size).ToList();
        var names = await MemberReads.OrgNames(db, slice.Select(x => x.W.OrgId), ct);
        var rows = slice.Select(x =>
        {
            var due = DevelopmentRules.TrainingDueOn(x.W.HireDate, x.W.Last, x.Cycle);
            return new OverdueRow(x.W.Id, x.W.Name, x.W.OrgId, names.GetValueOrDefault(x.W.OrgId, ""), x.W.Post, WorkforceLabels.Of(x.W.Post), x.W.HireDate,
                x.W.Last, x.Cycle, due, today.DayNumber - due.DayNumber);
        }).ToList();
        return TypedResults.Ok(new OverdueReport(today, s.SecretaryTrainingYears, s.OtherTrainingYears, all.Count, overdue.Count,
            new PageOf<OverdueRow>(rows, shown.Count, page, size)));
    }

    public static async Task<Results<Ok<CoverageReport>, NotFound, ValidationProblem>> Coverage(Guid? orgId, int? year, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, orgId, ct);
        if (path is null) return TypedResults.NotFound();
        var y = year ?? db.Today.Year;
        if (y is < 2000 or > 2100) return Problems.Validation("year", "年份应在2000到2100之间");
        var yearEnd = new DateOnly(y, 12, 31);
        var upTo = yearEnd < db.Today ? yearEnd : db.Today;
        var workers = await db.Workers.AsNoTracking().WithinSubtree(db.Scope, path).Where(w => w.Status == WorkerStatus.Active && w.HireDate <= yearEnd)
            .Select(w => new { w.Id, w.Post }).ToListAsync(ct);
        var workerIds = db.Workers.WithinSubtree(db.Scope, path).Where(w => w.Status == WorkerStatus.Active && w.HireDate <= yearEnd).Select(w => w.Id);
        var yearStart = new DateOnly(y, 1, 1);
        var done = await (from e in db.TrainingEnrolments.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
                          join c in db.TrainingClasses.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]) on e.ClassId equals c.Id
                          where e.Completed && e.CompletedOn >= yearStart && e.CompletedOn <= upTo && workerIds.Contains(e.WorkerId)
                          select new { e.WorkerId, c.Kind }).ToListAsync(ct);
        var trained = done.Select(d => d.WorkerId).ToHashSet();
        var classes = await db.TrainingClasses.AsNoTracking().WithinSubtree(db.Scope, path).Where(c => c.EndDate >= yearStart && c.StartDate <= yearEnd)
            .Select(c => c.Hours).ToListAsync(ct);
        var orgName = orgId is { } id ? (await MemberReads.OrgNames(db, [id], ct)).GetValueOrDefault(id, "") : "全部";
        var byKind = Enum.GetValues<TrainingKind>().Select(k =>
        {
            var n = done.Where(d => d.Kind == k).Select(d => d.WorkerId).Distinct().Count();
            return new Share(k.ToString(), DevelopmentLabels.Of(k), n, DevelopmentRules.Percent(n, workers.Count));
        }).ToList();
        var byPost = Enum.GetValues<WorkerPost>().Select(p =>
        {
            var ofPost = workers.Where(w => w.Post == p).ToList();
            var n = ofPost.Count(w => trained.Contains(w.Id));
            return new Share(p.ToString(), WorkforceLabels.Of(p), n, DevelopmentRules.Percent(n, ofPost.Count));
        }).ToList();
        return TypedResults.Ok(new CoverageReport(orgId, orgName, y, workers.Count, workers.Count(w => trained.Contains(w.Id)),
            DevelopmentRules.Percent(workers.Count(w => trained.Contains(w.Id)), workers.Count), classes.Count, classes.Sum(), byKind, byPost));
    }
}
