using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features;

public sealed record ReserveInput(Guid? OrgId, ReserveKind? Kind, Guid? WorkerId, string? Name, DateOnly? AddedOn, string? Note);
public sealed record ReserveLeaveInput(ReserveStatus? Status, DateOnly? On, string? Reason);
public sealed record ReserveRow(Guid Id, Guid OrgId, string OrgName, ReserveKind Kind, string KindLabel, Guid? WorkerId, string Name, DateOnly AddedOn,
    string? Note, ReserveStatus Status, string StatusLabel, DateOnly? LeftOn, string? LeftReason);
public sealed record ReserveQuery(Guid? OrgId, ReserveKind? Kind, ReserveStatus? Status, int? Page, int? PageSize);

public sealed record CompetitionInput(Guid? OrgId, string? Title, WorkerPost? Post, DateOnly? HeldOn, string? Candidates, Guid? AppointedWorkerId,
    DateOnly? EffectiveOn, int? PayPost, int? Level, int? Step);
public sealed record CompetitionRow(Guid Id, Guid OrgId, string OrgName, string Title, WorkerPost Post, string PostLabel, DateOnly HeldOn, string Candidates,
    Guid AppointedWorkerId, string AppointedName);

public sealed record FilingInput(Guid? WorkerId, DateOnly? FiledOn, string? DocumentNumber);
public sealed record FilingDecision(bool? Accepted, DateOnly? On, string? Note);
public sealed record FilingRow(Guid Id, Guid WorkerId, string WorkerName, Guid OrgId, string OrgName, DateOnly FiledOn, string? DocumentNumber,
    FilingStatus Status, string StatusLabel, DateOnly? DecidedOn, string? DecisionNote);
/// <summary>In-post secretaries of the subtree and their filing: none, 已报备, 已备案 or 已退回 (the latest).</summary>
public sealed record SecretaryFilingState(Guid WorkerId, string Name, Guid OrgId, string OrgName, DateOnly SecretarySince, FilingRow? Latest);

/// <summary>后备人才库, 竞聘上岗 and 书记备案 (DOMAIN §9: reserve pool, promotions, competitive appointment, secretary filing).</summary>
public static class ReserveFeatures
{
    public static async Task<Results<Ok<PageOf<ReserveRow>>, NotFound>> List([AsParameters] ReserveQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = db.ReserveEntries.AsNoTracking().WithinSubtree(db.Scope, path);
        if (q.Kind is { } k) rows = rows.Where(r => r.Kind == k);
        if (q.Status is { } s) rows = rows.Where(r => r.Status == s);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(r => r.OrgPath).ThenBy(r => r.Kind).ThenBy(r => r.AddedOn).ThenBy(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var names = await MemberReads.OrgNames(db, list.Select(r => r.OrgId), ct);
        return TypedResults.Ok(new PageOf<ReserveRow>([.. list.Select(r => Row(r, names.GetValueOrDefault(r.OrgId, "")))], total, page, size));
    }

    private static ReserveRow Row(ReserveEntry r, string orgName) => new(r.Id, r.OrgId, orgName, r.Kind, ReserveLabels.Of(r.Kind), r.WorkerId, r.Name,
        r.AddedOn, r.Note, r.Status, ReserveLabels.Of(r.Status), r.LeftOn, r.LeftReason);

    public static async Task<Results<Created<ReserveRow>, ValidationProblem>> Add(ReserveInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Kind is null) errors["kind"] = ["请选择后备类别"];
        if (r.AddedOn is null) errors["addedOn"] = ["请填写入库日期"];
        else if (r.AddedOn > db.Today) errors["addedOn"] = ["入库日期不能晚于今天"];
        if (r.Note?.Trim().Length > 200) errors["note"] = ["说明不能超过200个字"];
        var org = r.OrgId is { } oid ? await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        if (org is null) errors["orgId"] = [r.OrgId is null ? "请选择社区" : "所选社区不存在或不在您的管辖范围内"];
        Worker? worker = null;
        if (r.WorkerId is { } wid)
        {
            worker = await db.Workers.FirstOrDefaultAsync(w => w.Id == wid, ct);
            if (worker is null) errors["workerId"] = ["所选社区工作者不存在或不在您的管辖范围内"];
            else if (r.Kind is { } kind && await db.ReserveEntries.AnyAsync(x => x.WorkerId == wid && x.Kind == kind && x.Status == ReserveStatus.InPool, ct))
                errors["workerId"] = [$"{worker.Name}已在{ReserveLabels.Of(kind)}库中"];
        }
        else if (string.IsNullOrWhiteSpace(r.Name)) errors["name"] = ["请选择社区工作者或填写姓名"];
        else if (r.Name.Trim().Length > 50) errors["name"] = ["姓名不能超过50个字"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var entry = ReserveEntry.Add(Guid.CreateVersion7(), org!.Id, org.Path, r.Kind!.Value, worker?.Id, worker?.Name ?? r.Name!.Trim(), r.AddedOn!.Value,
            string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), db.Now);
        db.ReserveEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workforce/reserve/{entry.Id}", Row(entry, org.Name));
    }

    public static async Task<Results<Ok<ReserveRow>, NotFound, ValidationProblem>> Leave(Guid id, ReserveLeaveInput r, AppDbContext db, CancellationToken ct)
    {
        var entry = await db.ReserveEntries.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (entry is null) return TypedResults.NotFound();
        if (r.Status is null) return Problems.Validation("status", "请选择出库方式");
        if (r.On is null || r.On > db.Today) return Problems.Validation("on", "请填写不晚于今天的出库日期");
        if (r.Reason?.Trim().Length > 200) return Problems.Validation("reason", "原因不能超过200个字");
        try { entry.Leave(r.Status.Value, r.On.Value, string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim()); }
        catch (DomainException e) { return Problems.Validation(e.Field, e.Message); }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Row(entry, (await MemberReads.OrgNames(db, [entry.OrgId], ct)).GetValueOrDefault(entry.OrgId, "")));
    }

    public static async Task<Results<Ok<List<CompetitionRow>>, NotFound>> Competitions(Guid? orgId, int? year, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, orgId, ct);
        if (path is null) return TypedResults.NotFound();
        var rows = db.Competitions.AsNoTracking().WithinSubtree(db.Scope, path);
        if (year is { } y) rows = rows.Where(c => c.HeldOn >= new DateOnly(y, 1, 1) && c.HeldOn <= new DateOnly(y, 12, 31));
        var list = await rows.OrderByDescending(c => c.HeldOn).Take(500).ToListAsync(ct);
        var names = await MemberReads.OrgNames(db, list.Select(c => c.OrgId), ct);
        return TypedResults.Ok(list.Select(c => new CompetitionRow(c.Id, c.OrgId, names.GetValueOrDefault(c.OrgId, ""), c.Title, c.Post, WorkforceLabels.Of(c.Post),
            c.HeldOn, c.Candidates, c.AppointedWorkerId, c.AppointedName)).ToList());
    }

    /// <summary>Records a 竞聘上岗 and the appointee's post change (kind 竞聘上岗) in one save; the pay follows the new post.</summary>
    public static async Task<Results<Created<CompetitionRow>, ValidationProblem>> RecordCompetition(CompetitionInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Title)) errors["title"] = ["请填写竞聘名称"];
        else if (r.Title.Trim().Length > 100) errors["title"] = ["名称不能超过100个字"];
        if (r.Post is null) errors["post"] = ["请选择竞聘岗位"];
        if (r.HeldOn is null || r.HeldOn > db.Today) errors["heldOn"] = ["请填写不晚于今天的竞聘日期"];
        if (string.IsNullOrWhiteSpace(r.Candidates)) errors["candidates"] = ["请填写参与竞聘人员及成绩"];
        else if (r.Candidates.Trim().Length > 1000) errors["candidates"] = ["不能超过1000个字"];
        if (r.EffectiveOn is null) errors["effectiveOn"] = ["请填写任职生效日期"];
        else if (r.HeldOn is { } held && r.EffectiveOn < held) errors["effectiveOn"] = ["任职生效日期不能早于竞聘日期"];
        RosterFeatures.CheckGrade(r.PayPost, r.Level, r.Step, (f, m) => errors[f] = [m]);
        var worker = r.AppointedWorkerId is { } wid ? await db.Workers.Include(w => w.Certificates).FirstOrDefaultAsync(w => w.Id == wid, ct) : null;
        if (worker is null) errors["appointedWorkerId"] = ["请选择竞聘上岗人员"];
        else if (worker.Status == WorkerStatus.Dismissed) errors["appointedWorkerId"] = ["已解聘人员不能任职"];
        var org = r.OrgId is { } oid ? await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        if (org is null) errors["orgId"] = [r.OrgId is null ? "请选择组织竞聘的社区或街道" : "所选组织不存在或不在您的管辖范围内"];
        if (errors.Count > 0) return Problems.Validation(errors);
        WorkerPostChange change;
        try
        {
            change = WorkerPostChange.Create(Guid.CreateVersion7(), worker!, r.EffectiveOn!.Value, PostChangeKind.Competitive, r.Post!.Value, r.PayPost!.Value,
                r.Level!.Value, r.Step!.Value, r.Title!.Trim(), db.Actor.UserName, db.Now);
        }
        catch (DomainException e) { return Problems.Validation(e.Field, e.Message); }
        db.WorkerPostChanges.Add(change);
        await RosterFeatures.SyncPlacement(db, worker!, [change], ct);
        var c = Competition.Record(Guid.CreateVersion7(), org!.Id, org.Path, r.Title!.Trim(), r.Post!.Value, r.HeldOn!.Value, r.Candidates!.Trim(), worker!, change.Id, db.Now);
        db.Competitions.Add(c);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workforce/competitions/{c.Id}", new CompetitionRow(c.Id, c.OrgId, org.Name, c.Title, c.Post,
            WorkforceLabels.Of(c.Post), c.HeldOn, c.Candidates, c.AppointedWorkerId, c.AppointedName));
    }

    /// <summary>书记备案: the in-post secretaries of a subtree with their latest filing (none = to be filed).</summary>
    public static async Task<Results<Ok<List<SecretaryFilingState>>, NotFound>> Filings(Guid? orgId, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, orgId, ct);
        if (path is null) return TypedResults.NotFound();
        var secretaries = await db.Workers.AsNoTracking().WithinSubtree(db.Scope, path)
            .Where(w => w.Status == WorkerStatus.Active && w.Post == WorkerPost.Secretary).OrderBy(w => w.OrgPath).ToListAsync(ct);
        var ids = secretaries.Select(w => w.Id).ToList();
        var filings = (await db.SecretaryFilings.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(f => ids.Contains(f.WorkerId)).ToListAsync(ct))
            .GroupBy(f => f.WorkerId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.FiledOn).ThenBy(f => f.CreatedAt).Last());
        var since = (await db.WorkerPostChanges.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(c => ids.Contains(c.WorkerId)).ToListAsync(ct))
            .GroupBy(c => c.WorkerId).ToDictionary(g => g.Key, g => SecretarySince(g, db.Today));
        var names = await MemberReads.OrgNames(db, secretaries.Select(w => w.OrgId), ct);
        return TypedResults.Ok(secretaries.Select(w => new SecretaryFilingState(w.Id, w.Name, w.OrgId, names.GetValueOrDefault(w.OrgId, ""),
            since.GetValueOrDefault(w.Id, w.HireDate), filings.TryGetValue(w.Id, out var f) ? FilingRowOf(f, names.GetValueOrDefault(w.OrgId, "")) : null))
            .OrderBy(s => s.Latest?.Status == FilingStatus.Accepted).ThenBy(s => s.OrgName, StringComparer.Ordinal).ToList());
    }

    /// <summary>Since when the worker holds the secretary post without interruption up to a day.</summary>
    private static DateOnly SecretarySince(IEnumerable<WorkerPostChange> changes, DateOnly day)
    {
        DateOnly? since = null;
        foreach (var c in changes.Where(c => c.EffectiveOn <= day).OrderBy(c => c.EffectiveOn).ThenBy(c => c.CreatedAt))
            since = c.Post == WorkerPost.Secretary ? since ?? c.EffectiveOn : null;
        return since ?? day;
    }

    private static FilingRow FilingRowOf(SecretaryFiling f, string orgName) => new(f.Id, f.WorkerId, f.WorkerName, f.OrgId, orgName, f.FiledOn, f.DocumentNumber,
        f.Status, ReserveLabels.Of(f.Status), f.DecidedOn, f.DecisionNote);

    /// <summary>Files a secretary with the county organization department (the county-level ancestor of the community).</summary>
    public static async Task<Results<Created<FilingRow>, ValidationProblem>> File(FilingInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var worker = r.WorkerId is { } wid ? await db.Workers.FirstOrDefaultAsync(w => w.Id == wid, ct) : null;
        if (worker is null) errors["workerId"] = ["请选择社区党组织书记"];
        else if (worker.Post != WorkerPost.Secretary || worker.Status != WorkerStatus.Active) errors["workerId"] = ["只有在岗的社区党组织书记需要备案"];
        else if (await db.SecretaryFilings.AnyAsync(f => f.WorkerId == worker.Id && f.Status != FilingStatus.Returned, ct))
            errors["workerId"] = [$"{worker.Name}已报备，请勿重复报备"];
        if (r.FiledOn is null || r.FiledOn > db.Today) errors["filedOn"] = ["请填写不晚于今天的报备日期"];
        if (r.DocumentNumber?.Trim().Length > 50) errors["documentNumber"] = ["文号不能超过50个字"];
        if (errors.Count > 0) return Problems.Validation(errors);
        // The county organization department's organization: the ancestor two levels below the top of the tree when it exists (县委), else the root.
        var county = await CountyOf(db, worker!.OrgPath, ct);
        var f = SecretaryFiling.Submit(Guid.CreateVersion7(), worker, county, r.FiledOn!.Value, string.IsNullOrWhiteSpace(r.DocumentNumber) ? null : r.DocumentNumber.Trim(), db.Now);
        db.SecretaryFilings.Add(f);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workforce/secretary-filings/{f.Id}", FilingRowOf(f, (await MemberReads.OrgNames(db, [f.OrgId], ct)).GetValueOrDefault(f.OrgId, "")));
    }

    /// <summary>
    /// The organization the county organization department belongs to: the nearest ancestor named as a county-level
    /// party committee (…县/区/旗委员会), else the top of the tree.
    /// </summary>
    private static async Task<Guid> CountyOf(AppDbContext db, string path, CancellationToken ct)
    {
        var prefixes = Enumerable.Range(1, path.Length - 1).Where(i => path[i] == '/').Select(i => path[..(i + 1)]).ToList();
        var ancestors = await db.PartyOrgs.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(o => prefixes.Contains(o.Path)).Select(o => new { o.Id, o.Path, o.Name }).ToListAsync(ct);
        var deepestFirst = ancestors.OrderByDescending(o => o.Path.Length).ToList();
        static bool IsCounty(string name) => !name.EndsWith("社区委员会", StringComparison.Ordinal)
            && (name.EndsWith("县委员会", StringComparison.Ordinal) || name.EndsWith("区委员会", StringComparison.Ordinal) || name.EndsWith("旗委员会", StringComparison.Ordinal));
        return (deepestFirst.FirstOrDefault(o => IsCounty(o.Name)) ?? deepestFirst.LastOrDefault())?.Id ?? Guid.Empty;
    }

    public static async Task<Results<Ok<FilingRow>, NotFound, ValidationProblem>> Decide(Guid id, FilingDecision r, AppDbContext db, CancellationToken ct)
    {
        var f = await db.SecretaryFilings.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null) return TypedResults.NotFound();
        if (r.Accepted is null) return Problems.Validation("accepted", "请选择备案或退回");
        if (r.On is null || r.On > db.Today) return Problems.Validation("on", "请填写不晚于今天的处理日期");
        if (r.Note?.Trim().Length > 200) return Problems.Validation("note", "说明不能超过200个字");
        try { f.Decide(r.Accepted.Value, r.On.Value, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim()); }
        catch (DomainException e) { return Problems.Validation(e.Field, e.Message); }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(FilingRowOf(f, (await MemberReads.OrgNames(db, [f.OrgId], ct)).GetValueOrDefault(f.OrgId, "")));
    }
}
