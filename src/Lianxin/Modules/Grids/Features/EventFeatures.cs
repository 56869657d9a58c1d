using System.Security.Cryptography;
using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Modules.OrgLife.Features;
using Lianxin.Platform.Access;
using Lianxin.Platform.Files;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Grids.Features;

/// <summary>A page whose total stops counting at a cap (a district's whole history is not counted for every page view).</summary>
public sealed record EventPage(IReadOnlyList<EventRow> Items, int Total, bool TotalIsLowerBound, int Page, int PageSize);

/// <summary>
/// Events: report (routed to the grid that contains the point), the queue with its filters, one event with its
/// timeline, every workflow action through <see cref="EventWorkflow"/>, photos, placing an event from the community queue.
/// </summary>
public static class EventFeatures
{
    public const int CountCap = 10_000;
    private const int ByTimeFrom = 2_000;

    public sealed record ListQuery(Guid? OrgId, EventStatus? Status, Guid? CategoryId, EventNetwork? Network, Guid? GridId, bool? Overdue,
        bool? Escalated, bool? Outside, bool? Open, DateOnly? From, DateOnly? To, string? Q, int? Page, int? PageSize);

    public static async Task<Results<Ok<EventPage>, NotFound>> List([AsParameters] ListQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = Filter(db.GridEvents.AsNoTracking().WithinSubtree(db.Scope, path), q, db.Now);
        var total = await rows.Take(CountCap + 1).CountAsync(ct);
        // A big unfiltered subtree (a district's history) is read along the time index and stops at the page; a small
        // one, or a view narrowed by state, is collected by path (or state) and sorted — each the cheaper walk.
        var byTime = total > ByTimeFrom && q.Status is null && q.Overdue != true && q.Outside != true && q.Open != true && q.GridId is null;
        var source = byTime ? Filter(db.GridEvents.AsNoTracking().WithinSubtreeByTime(db.Scope, path), q, db.Now) : rows;
        var list = await source.OrderByDescending(e => e.ReportedAt).ThenByDescending(e => e.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new EventPage(await ToRows(db, list, ct), Math.Min(total, CountCap), total > CountCap, page, size));
    }

    internal static IQueryable<GridEvent> Filter(IQueryable<GridEvent> rows, ListQuery q, DateTime now)
    {
        if (q.Status is { } s) rows = rows.Where(e => e.Status == s);
        if (q.Open == true) rows = rows.Where(e => EventWorkflow.Open.Contains(e.Status));
        if (q.CategoryId is { } c) rows = rows.Where(e => e.CategoryId == c || e.CategoryRootId == c);
        if (q.Network is { } n) rows = rows.Where(e => e.Network == n);
        if (q.GridId is { } g) rows = rows.Where(e => e.GridId == g);
        if (q.Overdue == true) rows = rows.Where(e => EventWorkflow.Handling.Contains(e.Status) && e.Deadline < now);
        if (q.Escalated == true) rows = rows.Where(e => e.EscalatedAt != null);
        if (q.Outside == true) rows = rows.Where(e => e.OutsideGrid && EventWorkflow.Open.Contains(e.Status));
        if (q.From is { } from) { var f = ChinaTime.StartOfDayUtc(from); rows = rows.Where(e => e.ReportedAt >= f); }
        if (q.To is { } to) { var t = ChinaTime.StartOfDayUtc(to.AddDays(1)); rows = rows.Where(e => e.ReportedAt < t); }
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var text = q.Q.Trim();
            rows = rows.Where(e => e.Number == text || e.Description.Contains(text) || (e.Address != null && e.Address.Contains(text)));
        }
        return rows;
    }

    internal static async Task<List<EventRow>> ToRows(AppDbContext db, List<GridEvent> list, CancellationToken ct)
    {
        var names = await OrgNamesAnyScope(db, list.Select(e => e.OrgId), ct);
        var now = db.Now;
        return [.. list.Select(e => new EventRow(e.Id, e.Number, e.CategoryName, e.Network, EventLabels.Of(e.Network), e.Description, e.Address, e.GridName,
            e.OutsideGrid, e.OrgId, names.GetValueOrDefault(e.OrgId, ""), e.Status, EventLabels.Of(e.Status), e.ReporterKind, e.ReporterName, e.ReportedAt,
            e.HandlingUnitName, e.Deadline, e.IsOverdue(now), e.EscalatedAt is not null, e.ClosedAt, e.Rating, e.Lon, e.Lat))];
    }

    /// <summary>Names of organizations an event mentions (its community, the level it escalated to), whatever the caller's scope.</summary>
    internal static Task<Dictionary<Guid, string>> OrgNamesAnyScope(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        return db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(o => set.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>Events the caller reported, wherever they were routed (随手拍: "my events").</summary>
    public static async Task<Ok<EventPage>> Mine(int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        var me = db.Actor.UserId;
        var rows = db.GridEvents.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(e => me != null && e.ReporterUserId == me);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(e => e.ReportedAt).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new EventPage(await ToRows(db, list, ct), total, false, p, size));
    }

    /// <summary>An event the caller may see: in scope, or reported by the caller.</summary>
    private static async Task<GridEvent?> Find(AppDbContext db, Guid id, bool track, CancellationToken ct)
    {
        var me = db.Actor.UserId;
        var source = db.GridEvents.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]);
        if (!track) source = source.AsNoTracking();
        var e = await source.FirstOrDefaultAsync(x => x.Id == id, ct);
        return e is not null && (db.Scope.Contains(e.OrgPath) || (me is not null && e.ReporterUserId == me)) ? e : null;
    }

    public static async Task<Results<Ok<EventDetail>, NotFound>> Get(Guid id, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var e = await Find(db, id, false, ct);
        if (e is null) return TypedResults.NotFound();
        return TypedResults.Ok(await Detail(db, e, http, ct));
    }

    internal static Task<EventDetail> DetailFor(AppDbContext db, GridEvent e, HttpContext http, CancellationToken ct) => Detail(db, e, http, ct);

    private static async Task<EventDetail> Detail(AppDbContext db, GridEvent e, HttpContext http, CancellationToken ct)
    {
        var steps = await db.EventSteps.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(s => s.EventId == e.Id)
            .OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct);
        var photos = await db.GridPhotos.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(p => p.OwnerId == e.Id)
            .OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var names = await OrgNamesAnyScope(db, [e.OrgId, .. e.EscalatedOrgId is { } x ? new[] { x } : []], ct);
        var dup = e.DuplicateOfId is { } d ? await db.GridEvents.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(o => o.Id == d).Select(o => o.Number).FirstOrDefaultAsync(ct) : null;
        var row = (await ToRows(db, [e], ct))[0];
        return new EventDetail(row, e.CategoryId, e.ReporterPhoneMasked, e.StatusNote, e.RatingComment, e.DuplicateOfId, dup,
            e.EscalatedOrgId is { } eo ? names.GetValueOrDefault(eo) : null, e.ReopenCount, e.GridId,
            [.. steps.Select(s => new EventStepRow(s.Id, s.Action, ActionLabel(s.Action), s.FromStatus, s.ToStatus, EventLabels.Of(s.ToStatus), s.ActorName,
                s.At, s.Note, s.Detail, [.. photos.Where(p => p.StepId == s.Id).Select(p => p.Id)]))],
            [.. photos.Select(p => new EventPhotoRow(p.Id, p.StepId, p.FileName, p.ContentType, p.Size, p.CreatedAt))],
            AllowedActions(e, http, db), e.Version);
    }

    private static string ActionLabel(string action) =>
        action == "report" ? "上报" : action == "place" ? "调整归属" : Enum.TryParse<EventAction>(action, true, out var a) ? EventLabels.Of(a) : action;

    /// <summary>Who may do what: 研判/派单/核查/回头看 need grid:dispatch; handling needs grid:report; the reporter rates.</summary>
    private static bool MayDo(EventAction a, GridEvent e, HttpContext http, AppDbContext db)
    {
        var perms = Roles.PermissionsOf(http.User);
        var inScope = db.Scope.Contains(e.OrgPath);
        return a switch
        {
            EventAction.Rate => e.ReporterUserId is { } r && r == db.Actor.UserId || (inScope && perms.Contains(Perm.Grid.Dispatch)),
            EventAction.Return or EventAction.Start or EventAction.Progress or EventAction.Feedback => inScope && perms.Contains(Perm.Grid.Report),
            EventAction.Escalate => false,
            _ => inScope && perms.Contains(Perm.Grid.Dispatch),
        };
    }

    private static List<string> AllowedActions(GridEvent e, HttpContext http, AppDbContext db) =>
        [.. Enum.GetValues<EventAction>().Where(a => EventWorkflow.Allowed(e.Status, a) && MayDo(a, e, http, db)
            && !(a == EventAction.Rate && e.Rating is not null)).Select(a => a.ToString())];

    // ---- report ------------------------------------------------------------------------------------------------------

    public static async Task<Results<Created<EventDetail>, ValidationProblem>> Report(EventInput r, HttpContext http, AppDbContext db, GridIndex index,
        PersonalDataProtector protector, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string f, string m) => errors.TryAdd(f, [m]);
        var description = r.Description?.Trim() ?? "";
        if (description.Length == 0) Add("description", "请描述事件情况");
        else if (description.Length > 4000) Add("description", "事件描述不能超过4000个字");
        var address = string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim();
        if (address?.Length > 200) Add("address", "地址不能超过200个字");
        if ((r.Lon is null) != (r.Lat is null)) Add("lon", "经度和纬度应同时提供");
        else if (r.Lon is { } lon && r.Lat is { } lat && (lon is < 73 or > 136 || lat is < 3 or > 54)) Add("lon", "位置不在中国范围内：应为 WGS-84 经纬度");
        if (r.Lon is null && address is null) Add("address", "请提供事件位置（定位或地址）");
        var category = r.CategoryId is { } cid ? await db.EventCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (r.CategoryId is null) Add("categoryId", "请选择事件分类");
        else if (category is null || !category.IsActive) Add("categoryId", "事件分类不存在或已停用");
        var user = db.Actor.UserId is { } uid ? await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => new { u.DisplayName, u.OrgId }).FirstOrDefaultAsync(ct) : null;
        var reporterName = r.ReporterName?.Trim() is { Length: > 0 } rn ? rn : user?.DisplayName ?? "";
        if (reporterName.Length == 0) Add("reporterName", "请填写上报人");
        else if (reporterName.Length > 50) Add("reporterName", "上报人姓名不能超过50个字");
        var phone = r.ReporterPhone?.Trim() ?? "";
        if (phone.Length > 0 && !MobileNumber.IsValid(phone)) Add("reporterPhone", "请输入11位手机号码");
        var photoIds = r.PhotoIds ?? [];
        if (photoIds.Count > 0) Add("photoIds", "照片请在事件上报后上传到事件");
        if (errors.Count > 0) return Problems.Validation(errors);
        var settings = await SettingsStore.Read<GridSettings>(db, GridSettings.Key, ct);

        var place = r.Lon is { } x && r.Lat is { } y ? await index.Route(db, x, y, settings.NearestGridMetres, ct) : null;
        if (place is null)
        {
            // No grid holds the point (or there is no point): the named community's queue, or the reporter's own organization, flagged.
            var orgId = r.OrgId ?? user?.OrgId;
            var path = orgId is { } o ? await OrgReads.VisiblePath(db, o, ct) : null;
            if (orgId is null || path is null)
                return Problems.Validation(r.Lon is null ? "orgId" : "lon", r.Lon is null ? "请选择事件所在社区" : "该位置不在任何网格内，也不在网格附近；请选择事件所在社区");
            place = new Placement(orgId.Value, path, null, null, true);
        }
        var rootId = await RootOf(db, category!, ct);
        var e = GridEvent.Report(await NewNumber(db, ct), category!, rootId, r.Network ?? EventNetwork.Comprehensive, description, r.Lon, r.Lat, address,
            (place.OrgId, place.OrgPath, place.GridId, place.GridName, place.Outside), r.ReporterKind ?? ReporterKind.GridStaff, reporterName,
            phone.Length > 0 ? (protector.Encrypt(phone), protector.BlindIndex(phone), Mask.Phone(phone)) : null, db.Actor.UserId, db.Now);
        db.GridEvents.Add(e);
        db.EventSteps.Add(EventStep.Of(e, "report", null, reporterName, db.Actor.UserId, db.Now, null,
            place.GridName is { } gn ? $"自动分派至网格：{gn}" : "不在任何网格内，已进入社区待处理队列"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/grid/events/{e.Id}", await Detail(db, e, http, ct));
    }

    internal static async Task<Guid> RootOf(AppDbContext db, EventCategory c, CancellationToken ct)
    {
        var at = c;
        for (var guard = 0; at.ParentId is { } pid && guard < 8; guard++)
            at = await db.EventCategories.AsNoTracking().FirstAsync(x => x.Id == pid, ct);
        return at.Id;
    }

    internal static async Task<string> NewNumber(AppDbContext db, CancellationToken ct)
    {
        for (var i = 0; ; i++)
        {
            var n = EventNumbers.New(db.Today);
            if (i >= 5 || !await db.GridEvents.IgnoreQueryFilters().AnyAsync(e => e.Number == n, ct)) return n;
        }
    }

    // ---- workflow ----------------------------------------------------------------------------------------------------

    public static async Task<Results<Ok<EventDetail>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Act(Guid id, string action,
        EventActionInput r, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var e = await Find(db, id, true, ct);
        if (e is null) return TypedResults.NotFound();
        if (!Enum.TryParse<EventAction>(action, true, out var a) || a == EventAction.Escalate || int.TryParse(action, out _))
            return Problems.Validation("action", $"未知的操作：{action}");
        if (!MayDo(a, e, http, db)) return TypedResults.Forbid();
        if (r.Version is { } v && v != e.Version) return Problems.Conflict("该事件已被他人处理，请刷新后查看最新状态");
        if (!EventWorkflow.Allowed(e.Status, a))
            return Problems.Validation("action", $"事件当前为「{EventLabels.Of(e.Status)}」，不能{EventLabels.Of(a)}");
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        if (note?.Length > 1000) return Problems.Validation("note", "说明不能超过1000个字");
        var needsNote = a switch
        {
            EventAction.Reject => "请填写不予受理的理由", EventAction.Return => "请填写退单理由", EventAction.Fail => "请填写核查不通过的理由",
            EventAction.Reopen => "请填写回头看发现的问题", EventAction.Progress => "请填写处置进展", EventAction.Feedback => "请填写处置结果",
            _ => null,
        };
        if (needsNote is not null && note is null) return Problems.Validation("note", needsNote);

        var photos = r.PhotoIds is { Count: > 0 } ids
            ? await db.GridPhotos.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(p => p.OwnerId == e.Id && ids.Contains(p.Id) && p.StepId == null).ToListAsync(ct)
            : [];
        if (r.PhotoIds is { Count: > 0 } wanted && photos.Count != wanted.Distinct().Count())
            return Problems.Validation("photoIds", "照片不属于该事件或已用于其他环节，请重新上传");

        var now = db.Now;
        EventStatus from;
        string? detail = null;
        try
        {
            switch (a)
            {
                case EventAction.Merge:
                    if (r.DuplicateOfId is not { } dupId) return Problems.Validation("duplicateOfId", "请选择重复的原事件");
                    var original = await db.GridEvents.AsNoTracking().FirstOrDefaultAsync(o => o.Id == dupId, ct);
                    if (original is null) return Problems.Validation("duplicateOfId", "原事件不存在或不在您的管辖范围内");
                    from = e.MergeInto(original, now);
                    detail = $"原事件 {original.Number}";
                    break;
                case EventAction.Dispatch:
                    var category = await db.EventCategories.AsNoTracking().FirstAsync(c => c.Id == e.CategoryId, ct);
                    var hours = r.DeadlineHours ?? category.TimeLimitHours;
                    if (hours is < 1 or > 24 * 90) return Problems.Validation("deadlineHours", "办理时限应为1小时至90天");
                    string unitName;
                    Guid? unitId = null;
                    if (r.ToGrid == true)
                    {
                        if (e.GridId is null) return Problems.Validation("toGrid", "事件尚未归属网格，不能派给网格自行处置");
                        unitName = $"{e.GridName}（网格自办）";
                    }
                    else
                    {
                        if (r.HandlingUnitId is not { } uid) return Problems.Validation("handlingUnitId", "请选择承办单位");
                        var unit = await db.HandlingUnits.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().FirstOrDefaultAsync(u => u.Id == uid && u.IsActive, ct);
                        // 街道吹哨、部门报到: units registered at the event's community or any level above it.
                        if (unit is null || !e.OrgPath.StartsWith(unit.OrgPath, StringComparison.Ordinal))
                            return Problems.Validation("handlingUnitId", "承办单位不存在、已停用，或不在本事件所属辖区");
                        unitName = unit.Name;
                        unitId = unit.Id;
                    }
                    var deadline = now.AddHours(hours);
                    from = e.Dispatch(unitId, unitName, deadline, now);
                    detail = $"承办：{unitName}；时限 {hours} 小时，{ChinaTime.Format(deadline)} 前办结";
                    break;
                case EventAction.Rate:
                    if (r.Rating is not { } stars) return Problems.Validation("rating", "请选择评价星级");
                    from = e.Status;
                    e.Rate(stars, note, now);
                    detail = $"{stars} 星";
                    break;
                default:
                    from = e.Apply(a, now, a is EventAction.Reject or EventAction.Fail or EventAction.Return or EventAction.Reopen ? note : null);
                    break;
            }
        }
        catch (DomainException x)
        {
            return Problems.Validation(x.Field, x.Message);
        }
        var actor = await ActorName(db, ct);
        var step = EventStep.Of(e, a.ToString().ToLowerInvariant(), from, actor, db.Actor.UserId, now, note, detail);
        db.EventSteps.Add(step);
        foreach (var p in photos) p.AttachTo(step.Id);
        db.ExpectVersion(e, r.Version);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, e, http, ct));
    }

    internal static async Task<string> ActorName(AppDbContext db, CancellationToken ct) =>
        db.Actor.UserId is { } uid
            ? await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? db.Actor.UserName
            : db.Actor.UserName;

    /// <summary>Places an event of the community queue in a grid (or hands it to another community of the caller's scope).</summary>
    public static async Task<Results<Ok<EventDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Place(Guid id, PlaceInput r, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var e = await db.GridEvents.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return TypedResults.NotFound();
        if (r.Version is { } v && v != e.Version) return Problems.Conflict("该事件已被他人处理，请刷新后查看最新状态");
        if (!EventWorkflow.Open.Contains(e.Status)) return Problems.Validation("gridId", "事件已结束，不能调整归属");
        Guid orgId; string path; Guid? gridId = null; string? gridName = null;
        if (r.GridId is { } gid)
        {
            var g = await db.Grids.AsNoTracking().FirstOrDefaultAsync(x => x.Id == gid, ct);
            if (g is null) return Problems.Validation("gridId", "网格不存在或不在您的管辖范围内");
            (orgId, path, gridId, gridName) = (g.OrgId, g.OrgPath, g.Id, g.Name);
        }
        else if (r.OrgId is { } oid && await OrgReads.VisiblePath(db, oid, ct) is { } p) (orgId, path) = (oid, p);
        else return Problems.Validation("gridId", "请选择网格或社区");
        e.Place(orgId, path, gridId, gridName, db.Now);
        db.ExpectVersion(e, r.Version);
        db.EventSteps.Add(EventStep.Of(e, "place", e.Status, await ActorName(db, ct), db.Actor.UserId, db.Now, null,
            gridName is null ? "转至社区待处理队列" : $"归入网格：{gridName}"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // The timeline and photos follow the event into its new community's scope.
        await db.EventSteps.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(s => s.EventId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OrgId, orgId).SetProperty(x => x.OrgPath, path), ct);
        await db.GridPhotos.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(s => s.OwnerId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OrgId, orgId).SetProperty(x => x.OrgPath, path), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await Detail(db, e, http, ct));
    }

    // ---- photos ------------------------------------------------------------------------------------------------------

    public static async Task<Results<Created<PhotoRow>, NotFound, ValidationProblem>> UploadPhoto(Guid id, IFormFile? file, AppDbContext db, IFileStore store, CancellationToken ct)
    {
        var e = await Find(db, id, false, ct);
        if (e is null) return TypedResults.NotFound();
        if (!EventWorkflow.Open.Contains(e.Status) && e.Status != EventStatus.Closed) return Problems.Validation("file", "事件已结束，不能再上传照片");
        var settings = await SettingsStore.Read<GridSettings>(db, GridSettings.Key, ct);
        var count = await db.GridPhotos.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).CountAsync(p => p.OwnerId == id, ct);
        if (count >= settings.MaxPhotosPerEvent) return Problems.Validation("file", "该事件的照片已达上限");
        return await PhotoStore.Save(db, store, settings, file, (name, type, size, sha) => GridPhoto.Create(e.Id, e.OrgId, e.OrgPath, name, type, size, sha, db.Now), ct);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> Photo(Guid id, AppDbContext db, IFileStore store, CancellationToken ct)
    {
        var me = db.Actor.UserId;
        var p = await db.GridPhotos.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return TypedResults.NotFound();
        var visible = db.Scope.Contains(p.OrgPath)
            || (me is not null && await db.GridEvents.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AnyAsync(e => e.Id == p.OwnerId && e.ReporterUserId == me, ct));
        if (!visible) return TypedResults.NotFound();
        var content = await store.Read(db, p.Id, ct);
        return content is null ? TypedResults.NotFound() : TypedResults.File(content, p.ContentType, p.FileName);
    }
}

/// <summary>Photo uploads of grid work: the size limit is a setting, the type comes from the bytes (JPEG, PNG, WebP only).</summary>
internal static class PhotoStore
{
    public static async Task<Results<Created<PhotoRow>, NotFound, ValidationProblem>> Save(AppDbContext db, IFileStore store, GridSettings settings, IFormFile? file,
        Func<string, string, long, string, GridPhoto> create, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Problems.Validation("file", "请选择照片");
        if (file.Length > settings.MaxPhotoMegabytes * 1024L * 1024) return Problems.Validation("file", $"照片不能超过 {settings.MaxPhotoMegabytes} MB");
        var content = new byte[file.Length];
        await using (var s = file.OpenReadStream()) await s.ReadExactlyAsync(content, ct);
        var kind = FileSniffer.Detect(content);
        if (kind is not { ContentType: "image/jpeg" or "image/png" or "image/webp" } k)
            return Problems.Validation("file", "只能上传 JPG、PNG 或 WebP 照片（按文件内容识别，修改扩展名无效）");
        var photo = create(AttachmentFeatures.SafeName(file.FileName, k.Extension), k.ContentType, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
        db.GridPhotos.Add(photo);
        store.Stage(db, photo.Id, content);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/grid/photos/{photo.Id}", new PhotoRow(photo.Id, photo.FileName, photo.ContentType, photo.Size));
    }
}
