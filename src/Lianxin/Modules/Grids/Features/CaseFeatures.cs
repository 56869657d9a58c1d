using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Platform.Files;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Grids.Features;

/// <summary>矛盾纠纷调解 cases and their success rate; inspections of grids with findings and re-checks.</summary>
public static class CaseFeatures
{
    public sealed record MediationQuery(Guid? OrgId, int? Year, MediationOutcome? Outcome, int? Page, int? PageSize);

    public static async Task<Results<Ok<PageOf<MediationRow>>, NotFound>> Mediations([AsParameters] MediationQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = db.MediationCases.AsNoTracking().WithinSubtree(db.Scope, path);
        if (q.Year is { } y) rows = rows.Where(c => c.AcceptedOn >= new DateOnly(y, 1, 1) && c.AcceptedOn <= new DateOnly(y, 12, 31));
        if (q.Outcome is { } o) rows = rows.Where(c => c.Outcome == o);
        var total = await rows.CountAsync(ct);
        var list = await rows.Include(c => c.Sessions).OrderByDescending(c => c.AcceptedOn).ThenByDescending(c => c.CreatedAt)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var names = await MemberReads.OrgNames(db, list.Select(c => c.OrgId), ct);
        return TypedResults.Ok(new PageOf<MediationRow>([.. list.Select(c => Row(c, names))], total, page, size));
    }

    private static MediationRow Row(MediationCase c, Dictionary<Guid, string> names) =>
        new(c.Id, c.OrgId, names.GetValueOrDefault(c.OrgId, ""), c.EventId, c.Title, c.Parties, c.Mediator, c.MediatorTeam, c.AcceptedOn, c.Outcome,
            MediationCase.Label(c.Outcome), c.ConcludedOn, c.OutcomeNote, c.Sessions.Count, c.Version);

    private static async Task<MediationDetail> Detail(AppDbContext db, MediationCase c, CancellationToken ct) =>
        new(Row(c, await MemberReads.OrgNames(db, [c.OrgId], ct)),
            [.. c.Sessions.OrderBy(s => s.HeldOn).Select(s => new MediationSessionRow(s.Id, s.HeldOn, s.Place, s.Notes))]);

    public static async Task<Results<Ok<MediationDetail>, NotFound>> Mediation(Guid id, AppDbContext db, CancellationToken ct)
    {
        var c = await db.MediationCases.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(await Detail(db, c, ct));
    }

    public static async Task<Results<Created<MediationDetail>, ValidationProblem>> OpenMediation(MediationInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var title = r.Title?.Trim() ?? "";
        if (title.Length == 0) errors["title"] = ["请填写纠纷事由"];
        else if (title.Length > 100) errors["title"] = ["纠纷事由不能超过100个字"];
        var parties = (r.Parties ?? []).Select(p => p?.Trim() ?? "").Where(p => p.Length > 0).ToList();
        if (parties.Count < 2) errors["parties"] = ["请填写至少两方当事人"];
        else if (parties.Count > 20 || parties.Any(p => p.Length > 40)) errors["parties"] = ["当事人最多20位，每位不超过40个字"];
        var mediator = r.Mediator?.Trim() ?? "";
        if (mediator.Length == 0) errors["mediator"] = ["请填写调解员"];
        else if (mediator.Length > 50) errors["mediator"] = ["调解员不能超过50个字"];
        if (r.MediatorTeam?.Trim().Length > 100) errors["mediatorTeam"] = ["调解组织不能超过100个字"];
        if (r.AcceptedOn is not { } on) errors["acceptedOn"] = ["请填写受理日期"];
        else if (on > db.Today) errors["acceptedOn"] = ["受理日期不能晚于今天"];
        Guid orgId = default;
        string? path = null;
        if (r.EventId is { } eid)
        {
            var e = await db.GridEvents.AsNoTracking().Where(x => x.Id == eid).Select(x => new { x.OrgId, x.OrgPath }).FirstOrDefaultAsync(ct);
            if (e is null) errors["eventId"] = ["关联事件不存在或不在您的管辖范围内"];
            else (orgId, path) = (e.OrgId, e.OrgPath);
        }
        else if ((r.OrgId ?? db.Scope.RootOrgId) is { } oid && await OrgReads.VisiblePath(db, oid, ct) is { } p) (orgId, path) = (oid, p);
        else errors["orgId"] = ["请选择受理的党组织"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var c = MediationCase.Create(orgId, path!, r.EventId, title, parties, mediator, r.MediatorTeam?.Trim(), r.AcceptedOn!.Value, db.Now);
        db.MediationCases.Add(c);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/grid/mediations/{c.Id}", await Detail(db, c, ct));
    }

    public static async Task<Results<Ok<MediationDetail>, NotFound, ValidationProblem>> AddSession(Guid id, MediationSessionInput r, AppDbContext db, CancellationToken ct)
    {
        var c = await db.MediationCases.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return TypedResults.NotFound();
        var notes = r.Notes?.Trim() ?? "";
        if (notes.Length == 0) return Problems.Validation("notes", "请填写调解情况");
        if (notes.Length > 2000) return Problems.Validation("notes", "调解情况不能超过2000个字");
        if (r.HeldOn is not { } on) return Problems.Validation("heldOn", "请填写调解日期");
        if (on > db.Today) return Problems.Validation("heldOn", "调解日期不能晚于今天");
        if (r.Place?.Trim().Length > 100) return Problems.Validation("place", "地点不能超过100个字");
        try { db.MediationSessions.Add(c.AddSession(on, r.Place?.Trim(), notes)); }
        catch (DomainException e) { return Problems.Validation(e.Field, e.Message); }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, c, ct));
    }

    public static async Task<Results<Ok<MediationDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Conclude(Guid id, MediationConcludeInput r, AppDbContext db, CancellationToken ct)
    {
        var c = await db.MediationCases.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return TypedResults.NotFound();
        if (r.Version is { } v && v != c.Version) return Problems.Conflict("该案件已被他人修改，请刷新后重试");
        if (r.Outcome is not { } outcome) return Problems.Validation("outcome", "请选择调解结果");
        var on = r.ConcludedOn ?? db.Today;
        if (on > db.Today) return Problems.Validation("concludedOn", "办结日期不能晚于今天");
        if (r.Note?.Trim().Length > 500) return Problems.Validation("note", "说明不能超过500个字");
        if (outcome == MediationOutcome.Transferred && string.IsNullOrWhiteSpace(r.Note)) return Problems.Validation("note", "请写明转办的单位和原因");
        try { c.Conclude(outcome, on, r.Note?.Trim()); }
        catch (DomainException e) { return Problems.Validation(e.Field, e.Message); }
        db.ExpectVersion(c, r.Version);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, c, ct));
    }

    /// <summary>调解成功率 = 调解成功 ÷ concluded cases (success, failure, transferred) accepted in the year.</summary>
    public static async Task<Results<Ok<MediationFigures>, NotFound>> MediationFigures(Guid? orgId, int? year, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, orgId, ct);
        if (path is null) return TypedResults.NotFound();
        var y = year ?? db.Today.Year;
        var counts = await db.MediationCases.AsNoTracking().WithinSubtree(db.Scope, path)
            .Where(c => c.AcceptedOn >= new DateOnly(y, 1, 1) && c.AcceptedOn <= new DateOnly(y, 12, 31))
            .GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        int N(MediationOutcome o) => counts.GetValueOrDefault(o);
        var concluded = N(MediationOutcome.Success) + N(MediationOutcome.Failure) + N(MediationOutcome.Transferred);
        var s = await SettingsStore.Read<GridSettings>(db, GridSettings.Key, ct);
        return TypedResults.Ok(new MediationFigures(y, counts.Values.Sum(), concluded, N(MediationOutcome.Success), N(MediationOutcome.Failure),
            N(MediationOutcome.Transferred), N(MediationOutcome.Pending), Rates.Percent(N(MediationOutcome.Success), concluded, s.RateDecimals, s.RateRounding),
            $"保留{s.RateDecimals}位小数，{(s.RateRounding == RateRounding.Round ? "四舍五入" : "直接舍去")}"));
    }

    // ---- inspections -----------------------------------------------------------------------------------------------

    public sealed record InspectionQuery(Guid? OrgId, Guid? GridId, bool? OpenFindings, int? Page, int? PageSize);

    public static async Task<Results<Ok<PageOf<InspectionRow>>, NotFound>> Inspections([AsParameters] InspectionQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = db.Inspections.AsNoTracking().WithinSubtree(db.Scope, path);
        if (q.GridId is { } g) rows = rows.Where(i => i.GridId == g);
        if (q.OpenFindings == true) rows = rows.Where(i => i.Findings.Any(f => f.Status != FindingStatus.Rectified));
        var total = await rows.CountAsync(ct);
        var list = await rows.Include(i => i.Findings).OrderByDescending(i => i.ScheduledOn).ThenByDescending(i => i.CreatedAt)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var names = await MemberReads.OrgNames(db, list.Select(i => i.OrgId), ct);
        return TypedResults.Ok(new PageOf<InspectionRow>([.. list.Select(i => Row(i, names))], total, page, size));
    }

    private static InspectionRow Row(Inspection i, Dictionary<Guid, string> names) =>
        new(i.Id, i.GridId, i.GridName, names.GetValueOrDefault(i.OrgId, ""), i.Kind, Domain.Inspection.Label(i.Kind), i.ScheduledOn, i.DoneOn, i.Inspectors,
            i.Notes, i.Findings.Count, i.Findings.Count(f => f.Status != FindingStatus.Rectified));

    private static async Task<InspectionDetail> Detail(AppDbContext db, Inspection i, CancellationToken ct)
    {
        var today = db.Today;
        return new(Row(i, await MemberReads.OrgNames(db, [i.OrgId], ct)),
            [.. i.Findings.OrderBy(f => f.Deadline).Select(f => new FindingRow(f.Id, f.Description, f.PhotoId, f.Deadline, f.Status,
                Domain.Inspection.Label(f.Status), f.IsOverdue(today), f.RecheckPhotoId, f.RecheckNote, f.RecheckedOn, f.RecheckCount))]);
    }

    public static async Task<Results<Ok<InspectionDetail>, NotFound>> Inspection(Guid id, AppDbContext db, CancellationToken ct)
    {
        var i = await db.Inspections.AsNoTracking().Include(x => x.Findings).FirstOrDefaultAsync(x => x.Id == id, ct);
        return i is null ? TypedResults.NotFound() : TypedResults.Ok(await Detail(db, i, ct));
    }

    public static async Task<Results<Created<InspectionDetail>, ValidationProblem>> Schedule(InspectionInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var grid = r.GridId is { } gid ? await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gid, ct) : null;
        if (grid is null) errors["gridId"] = ["请选择网格"];
        if (r.Kind is null) errors["kind"] = ["请选择排查类型"];
        if (r.ScheduledOn is not { } on) errors["scheduledOn"] = ["请填写排查日期"];
        else if (on.Year < 2000 || on > db.Today.AddYears(1)) errors["scheduledOn"] = ["排查日期应在2000年至明年之间"];
        var inspectors = r.Inspectors?.Trim() ?? "";
        if (inspectors.Length == 0) errors["inspectors"] = ["请填写检查人员"];
        else if (inspectors.Length > 200) errors["inspectors"] = ["检查人员不能超过200个字"];
        if (r.Notes?.Trim().Length > 1000) errors["notes"] = ["说明不能超过1000个字"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var i = Domain.Inspection.Schedule(grid!, r.Kind!.Value, r.ScheduledOn!.Value, inspectors, r.Notes?.Trim(), db.Now);
        db.Inspections.Add(i);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/grid/inspections/{i.Id}", await Detail(db, i, ct));
    }

    public static async Task<Results<Created<PhotoRow>, NotFound, ValidationProblem>> UploadPhoto(Guid id, IFormFile? file, AppDbContext db, IFileStore store, CancellationToken ct)
    {
        var i = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return TypedResults.NotFound();
        var settings = await SettingsStore.Read<GridSettings>(db, GridSettings.Key, ct);
        if (await db.GridPhotos.CountAsync(p => p.OwnerId == id, ct) >= 200) return Problems.Validation("file", "本次排查的照片已达上限");
        return await PhotoStore.Save(db, store, settings, file, (name, type, size, sha) => GridPhoto.Create(i.Id, i.OrgId, i.OrgPath, name, type, size, sha, db.Now), ct);
    }

    private static async Task<string?> CheckPhoto(AppDbContext db, Guid inspectionId, Guid? photoId, CancellationToken ct) =>
        photoId is { } pid && !await db.GridPhotos.AnyAsync(p => p.Id == pid && p.OwnerId == inspectionId, ct) ? "照片不属于本次排查，请重新上传" : null;

    public static async Task<Results<Ok<InspectionDetail>, NotFound, ValidationProblem>> MarkDone(Guid id, AppDbContext db, CancellationToken ct)
    {
        var i = await db.Inspections.Include(x => x.Findings).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return TypedResults.NotFound();
        try { i.MarkDone(db.Today); }
        catch (DomainException e) { return Problems.Validation(e.Field, e.Message); }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, i, ct));
    }

    public static async Task<Results<Ok<InspectionDetail>, NotFound, ValidationProblem>> AddFinding(Guid id, FindingInput r, AppDbContext db, CancellationToken ct)
    {
        var i = await db.Inspections.Include(x => x.Findings).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return TypedResults.NotFound();
        var description = r.Description?.Trim() ?? "";
        if (description.Length == 0) return Problems.Validation("description", "请描述发现的问题");
        if (description.Length > 1000) return Problems.Validation("description", "问题描述不能超过1000个字");
        if (r.Deadline is not { } deadline) return Problems.Validation("deadline", "请设定整改期限");
        if (await CheckPhoto(db, id, r.PhotoId, ct) is { } bad) return Problems.Validation("photoId", bad);
        try { db.InspectionFindings.Add(i.AddFinding(description, r.PhotoId, deadline, db.Today)); }
        catch (DomainException e) { return Problems.Validation(e.Field, e.Message); }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, i, ct));
    }

    public static async Task<Results<Ok<InspectionDetail>, NotFound, ValidationProblem>> Recheck(Guid id, Guid findingId, RecheckInput r, AppDbContext db, CancellationToken ct)
    {
        var i = await db.Inspections.Include(x => x.Findings).FirstOrDefaultAsync(x => x.Id == id, ct);
        var f = i?.Findings.FirstOrDefault(x => x.Id == findingId);
        if (i is null || f is null) return TypedResults.NotFound();
        if (r.Passed is not { } passed) return Problems.Validation("passed", "请选择复查结论");
        if (r.Note?.Trim().Length > 500) return Problems.Validation("note", "复查说明不能超过500个字");
        if (await CheckPhoto(db, id, r.PhotoId, ct) is { } bad) return Problems.Validation("photoId", bad);
        try { f.Recheck(passed, r.PhotoId, r.Note?.Trim(), db.Today, r.NewDeadline); }
        catch (DomainException e) { return Problems.Validation(e.Field, e.Message); }
        db.Audit("recheck", "网格排查", i.Id.ToString(), $"复查「{f.Description[..Math.Min(20, f.Description.Length)]}」：{(passed ? "通过，销号" : "未通过，重新整改")}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, i, ct));
    }
}
