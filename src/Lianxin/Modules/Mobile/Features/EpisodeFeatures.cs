using Lianxin.Modules.Organizations.Features;
using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Mobile.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Mobile.Features;

/// <summary>外出报备: list either side, register, approve or reject, return, withdraw; the episode page with both sides' records.</summary>
public static class EpisodeFeatures
{
    public sealed record ListQuery(Guid? OrgId, EpisodeSide? Side, EpisodeState? State, Guid? MemberId, string? Q, int? Page, int? PageSize);

    internal static EpisodeState StateOf(MobileEpisode e, DateOnly today) => e.Status switch
    {
        EpisodeStatus.Pending => EpisodeState.Pending,
        EpisodeStatus.Approved => e.IsOverdue(today) ? EpisodeState.Overdue : EpisodeState.Away,
        EpisodeStatus.Returned => EpisodeState.Returned,
        EpisodeStatus.Rejected => EpisodeState.Rejected,
        _ => EpisodeState.Withdrawn,
    };

    internal static string Label(EpisodeState s) => s switch
    {
        EpisodeState.Pending => "待审批",
        EpisodeState.Away => "外出中",
        EpisodeState.Overdue => "逾期未返",
        EpisodeState.Returned => "已返回",
        EpisodeState.Rejected => "已驳回",
        _ => "已撤回",
    };

    /// <summary>The subtree a request names (inside the caller's scope), or the caller's own; null when not visible.</summary>
    internal static Task<string?> PathOf(AppDbContext db, Guid? orgId, CancellationToken ct) => OrgReads.SubtreePath(db, orgId, ct);

    internal static readonly OrgKind[] MobileOrgKinds = [OrgKind.MobileBranch, OrgKind.MobileGroup];

    public static async Task<Results<Ok<PageOf<EpisodeRow>>, NotFound>> List([AsParameters] ListQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await PathOf(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var today = db.Today;
        var side = q.Side ?? EpisodeSide.Out;
        var rows = side switch
        {
            EpisodeSide.Out => db.MobileEpisodes.AsNoTracking().WithinSubtree(db.Scope, path),
            // The flow-in side sees an episode only while it is approved and open.
            EpisodeSide.In => db.MobileEpisodes.AsNoTracking().CoManagedWithin(db.Scope, path).Where(e => e.Status == EpisodeStatus.Approved),
            _ => db.MobileEpisodes.AsNoTracking().SharedWithin(db.Scope, path),
        };
        if (side == EpisodeSide.All)
        {
            var (lo, hi) = (path, OrgPath.UpperBound(path));
            rows = rows.Where(e => (string.Compare(e.OrgPath, lo) >= 0 && string.Compare(e.OrgPath, hi) < 0) || e.Status == EpisodeStatus.Approved);
        }
        rows = q.State switch
        {
            EpisodeState.Pending => rows.Where(e => e.Status == EpisodeStatus.Pending),
            EpisodeState.Away => rows.Where(e => e.Status == EpisodeStatus.Approved && e.ExpectedReturnOn >= today),
            EpisodeState.Overdue => rows.Where(e => e.Status == EpisodeStatus.Approved && e.ExpectedReturnOn < today),
            EpisodeState.Returned => rows.Where(e => e.Status == EpisodeStatus.Returned),
            EpisodeState.Rejected => rows.Where(e => e.Status == EpisodeStatus.Rejected),
            EpisodeState.Withdrawn => rows.Where(e => e.Status == EpisodeStatus.Withdrawn),
            _ => rows,
        };
        if (q.MemberId is { } mid) rows = rows.Where(e => e.MemberId == mid);
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var text = q.Q.Trim();
            rows = rows.Where(e => e.MemberName.Contains(text) || e.DestinationRegionName.Contains(text) || e.DestinationAddress.Contains(text));
        }
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(e => e.Status == EpisodeStatus.Pending ? 0 : e.Status == EpisodeStatus.Approved ? 1 : 2)
            .ThenByDescending(e => e.LeftOn).ThenBy(e => e.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var orgs = await Orgs(db, list.SelectMany(e => e.CoOrgId is { } c ? new[] { e.OrgId, c } : [e.OrgId]), ct);
        return TypedResults.Ok(new PageOf<EpisodeRow>([.. list.Select(e => ToRow(e, orgs, db, today))], total, page, size));
    }

    internal sealed record OrgFacts(string Name, OrgKind Kind, string Path);

    internal static async Task<Dictionary<Guid, OrgFacts>> Orgs(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(o => wanted.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new OrgFacts(o.Name, o.Kind, o.Path), ct);
    }

    private static EpisodeRow ToRow(MobileEpisode e, Dictionary<Guid, OrgFacts> orgs, AppDbContext db, DateOnly today)
    {
        var state = StateOf(e, today);
        var flowIn = e.CoOrgId is { } c ? orgs.GetValueOrDefault(c) : null;
        return new EpisodeRow(e.Id, e.MemberId, e.MemberName, e.OrgId, orgs.GetValueOrDefault(e.OrgId)?.Name ?? "", e.CoOrgId, flowIn?.Name,
            flowIn is not null && MobileOrgKinds.Contains(flowIn.Kind), e.DestinationRegionName, e.DestinationAddress, e.Reason,
            EpisodeLabels.Of(e.Reason), e.LeftOn, e.ExpectedReturnOn, e.ReturnedOn, state, Label(state), e.ContactPhoneMasked,
            !db.Scope.Contains(e.OrgPath), state == EpisodeState.Overdue ? today.DayNumber - e.ExpectedReturnOn.DayNumber : 0);
    }

    /// <summary>An episode the caller may see: the home side always, the flow-in side while it is approved.</summary>
    internal static async Task<MobileEpisode?> Visible(AppDbContext db, Guid id, CancellationToken ct, bool track = false)
    {
        var q = track ? db.MobileEpisodes : db.MobileEpisodes.AsNoTracking();
        var e = await q.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        return db.Scope.Contains(e.OrgPath) || e.Status == EpisodeStatus.Approved ? e : null;
    }

    public static async Task<Results<Ok<EpisodeDetail>, NotFound>> Get(Guid id, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var e = await Visible(db, id, ct);
        return e is null ? TypedResults.NotFound() : TypedResults.Ok(await ToDetail(db, e, http, ct));
    }

    internal static async Task<EpisodeDetail> ToDetail(AppDbContext db, MobileEpisode e, HttpContext http, CancellationToken ct)
    {
        var today = db.Today;
        var settings = await SettingsStore.Read<MobileSettings>(db, MobileSettings.Key, ct);
        var perms = Roles.PermissionsOf(http.User);
        var home = db.Scope.Contains(e.OrgPath);
        var state = StateOf(e, today);

        // The member's facts: read past the scope filter, now that the episode itself is visible to the caller.
        var m = await db.Members.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Include(x => x.Person)
            .FirstAsync(x => x.Id == e.MemberId, ct);
        var orgs = await Orgs(db, new[] { e.OrgId, m.OrgId }.Concat(e.CoOrgId is { } c ? [c] : []), ct);
        var member = new EpisodeMember(m.Id, m.Name, m.Person.Gender, MembershipRules.PartyAge(m.Person.BirthDate, today), m.Person.PhoneMasked,
            m.Status, m.Category, Labels.Of(m.Category), m.JoinedOn, m.OrgId, orgs.GetValueOrDefault(m.OrgId)?.Name ?? "");

        var filed = await db.MobileReports.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(r => r.EpisodeId == e.Id)
            .OrderByDescending(r => r.Period).ToListAsync(ct);
        var activities = await db.MobileActivities.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(a => a.EpisodeId == e.Id)
            .OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.CreatedAt).ToListAsync(ct);
        var contacts = await db.MobileContacts.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(x => x.MemberId == e.MemberId
            && x.ContactedOn >= e.LeftOn).OrderByDescending(x => x.ContactedOn).ThenByDescending(x => x.CreatedAt).Take(100).ToListAsync(ct);
        var liaisons = await db.MobileLiaisons.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(l => l.MemberId == e.MemberId)
            .OrderBy(l => l.EndedOn != null).ThenBy(l => l.Since).ToListAsync(ct);
        var meetings = await MeetingsTaken(db, e.MemberId, e.LeftOn, e.ActiveTo(today), ct);
        var recorders = await Orgs(db, filed.Select(r => r.RecordedByOrgId).Concat(activities.Select(a => a.RecordedByOrgId))
            .Concat(contacts.Select(x => x.RecordedByOrgId)), ct);
        string By(Guid org) => recorders.GetValueOrDefault(org)?.Name ?? "";

        var owed = ReportPeriods.Owed(e.LeftOn, e.ActiveTo(today), today, settings.ReportFrequency);
        var current = ReportPeriods.Key(today, settings.ReportFrequency);
        if (e.IsOpen && !owed.Contains(current)) owed.Add(current);
        var filedPeriods = filed.Select(r => r.Period).ToHashSet(StringComparer.Ordinal);
        var flowIn = e.CoOrgId is { } fc ? orgs.GetValueOrDefault(fc) : null;

        return new EpisodeDetail(e.Id, member, e.OrgId, orgs.GetValueOrDefault(e.OrgId)?.Name ?? "", e.CoOrgId, flowIn?.Name,
            flowIn is not null && MobileOrgKinds.Contains(flowIn.Kind), e.DestinationRegionCode, e.DestinationRegionName, e.DestinationAddress,
            e.Reason, EpisodeLabels.Of(e.Reason), e.ReasonNote, e.LeftOn, e.ExpectedReturnOn, e.ContactPhoneMasked, e.ContactWeChat, state, Label(state),
            state == EpisodeState.Overdue ? today.DayNumber - e.ExpectedReturnOn.DayNumber : 0, e.DecidedAt, e.DecidedBy, e.RejectReason,
            e.ReturnedOn, e.ReturnNote, e.CreatedAt, e.CreatedBy, !home,
            home && e.IsOpen && perms.Contains(Perm.Mobile.Write),
            home && e.Status == EpisodeStatus.Pending && perms.Contains(Perm.Mobile.Approve),
            home && e.Status == EpisodeStatus.Approved && perms.Contains(Perm.Mobile.Write),
            [.. owed.OrderByDescending(p => p, StringComparer.Ordinal).Select(p => new ReportDue(p, ReportPeriods.Label(p), filedPeriods.Contains(p)))],
            [.. filed.Select(r => new ReportRow(r.Id, r.Period, ReportPeriods.Label(r.Period), r.FiledOn, r.Content, By(r.RecordedByOrgId), r.CreatedBy))],
            [.. activities.Select(a => new ActivityRow(a.Id, a.Kind, RecordLabels.Of(a.Kind), a.OccurredOn, a.Content, By(a.RecordedByOrgId),
                ByFlowInSide(recorders, a), a.CreatedBy))],
            meetings,
            [.. liaisons.Select(l => new LiaisonRow(l.Id, l.LiaisonMemberId, l.LiaisonName, l.Role, RecordLabels.Of(l.Role), l.Since, l.EndedOn))],
            [.. contacts.Select(x => new ContactRow(x.Id, x.LiaisonId, x.ContactedBy, x.Channel, RecordLabels.Of(x.Channel), x.ContactedOn, x.Reachable,
                x.Content, By(x.RecordedByOrgId), x.CreatedBy))],
            e.Version);
    }

    /// <summary>
    /// Was the record made on the flow-in side: by a user whose organization reaches the flow-in organization (it, a
    /// sub-organization, or one above it) but not the member's home?
    /// </summary>
    internal static bool ByFlowInSide(Dictionary<Guid, OrgFacts> recorders, MobileRecord r) =>
        r.CoOrgPath is { } co && recorders.GetValueOrDefault(r.RecordedByOrgId) is { } by
        && (OrgPath.IsWithin(by.Path, co) || OrgPath.IsWithin(co, by.Path)) && !OrgPath.IsWithin(r.OrgPath, by.Path);

    /// <summary>三会一课 the member attended (present) between two dates, wherever they were held (home or flow-in side).</summary>
    internal static async Task<List<MeetingTaken>> MeetingsTaken(AppDbContext db, Guid memberId, DateOnly since, DateOnly until, CancellationToken ct)
    {
        var rows = await (from a in db.MeetingAttendance
                          join mt in db.Meetings.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]) on a.MeetingId equals mt.Id
                          where a.MemberId == memberId && a.Present && mt.Status == OrgLife.Domain.MeetingStatus.Submitted
                                && mt.HeldOn >= since && mt.HeldOn <= until
                          orderby mt.HeldOn descending
                          select new { mt.Id, mt.OrgId, mt.Kind, mt.HeldOn, mt.Topic }).Take(50).ToListAsync(ct);
        var names = await MemberReads.OrgNames(db, rows.Select(r => r.OrgId), ct);
        return [.. rows.Select(r => new MeetingTaken(r.Id, names.GetValueOrDefault(r.OrgId, ""), OrgLife.Domain.MeetingKinds.Label(r.Kind), r.HeldOn, r.Topic))];
    }

    /// <summary>
    /// GET /mobile/flow-in-orgs?q=: active organizations named like q across the whole tree, 流动党支部/党小组 first — the
    /// flow-in organization is usually outside the caller's subtree. Names only (no members, no records); at most 20.
    /// </summary>
    public static async Task<Results<Ok<List<FlowInOrgOption>>, ValidationProblem>> FlowInOrgs(string? q, AppDbContext db, CancellationToken ct)
    {
        var text = q?.Trim() ?? "";
        if (text.Length < 2) return Problems.Validation("q", "请至少输入2个字");
        if (text.Length > 50) return Problems.Validation("q", "最多输入50个字");
        var rows = await db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking()
            .Where(o => o.Status == OrgStatus.Active && o.Name.Contains(text))
            .OrderBy(o => MobileOrgKinds.Contains(o.Kind) ? 0 : 1).ThenBy(o => o.Name.Length).ThenBy(o => o.Name).Take(20)
            .Select(o => new { o.Id, o.Name, o.Kind, o.ParentId }).ToListAsync(ct);
        var parents = await Orgs(db, rows.Where(r => r.ParentId != null).Select(r => r.ParentId!.Value), ct);
        return TypedResults.Ok(rows.Select(r => new FlowInOrgOption(r.Id, r.Name, OrgKinds.Label(r.Kind),
            r.ParentId is { } p ? parents.GetValueOrDefault(p)?.Name : null, MobileOrgKinds.Contains(r.Kind))).ToList());
    }

    // ---- Writes --------------------------------------------------------------------------------------------------

    private sealed record Checked(Member Member, string RegionCode, string RegionName, string Address, OutboundReason Reason, string? ReasonNote,
        DateOnly LeftOn, DateOnly ExpectedReturnOn, string Phone, string? WeChat, PartyOrg? FlowIn);

    private static async Task<(Dictionary<string, string[]> Errors, Checked? Ok)> Check(EpisodeInput r, AppDbContext db, MobileEpisode? existing, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string f, string msg) { if (!errors.TryGetValue(f, out var l)) errors[f] = l = []; l.Add(msg); }
        var today = db.Today;

        Member? member = null;
        var memberId = existing?.MemberId ?? r.MemberId;
        if (memberId is not { } mid) Add("memberId", "请选择外出的党员");
        else
        {
            member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid, ct);
            if (member is null) Add("memberId", "所选党员不存在或不在您的管辖范围内");
        }

        var code = r.DestinationRegionCode?.Trim() ?? "";
        var regionName = r.DestinationRegionName?.Trim() ?? "";
        if (code.Length == 0) Add("destinationRegionCode", "请填写外出地行政区划代码");
        else if (code.Length is not (6 or 9 or 12) || !code.All(char.IsAsciiDigit)) Add("destinationRegionCode", "行政区划代码应为6位（县级）、9位（乡镇级）或12位数字");
        else if (!ChineseIdNumber.IsProvinceCode(code[..2])) Add("destinationRegionCode", "行政区划代码的省级代码不存在");
        else if (await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct) is { } known) regionName = known.Name;
        if (code.Length > 0 && regionName.Length == 0) Add("destinationRegionName", "请填写外出地名称，如 贵州省贵阳市云岩区");
        else if (regionName.Length > 100) Add("destinationRegionName", "外出地名称不能超过100个字");

        var address = r.DestinationAddress?.Trim() ?? "";
        if (address.Length == 0) Add("destinationAddress", "请填写在外居住地址");
        else if (address.Length > 200) Add("destinationAddress", "地址不能超过200个字");
        if (r.Reason is null) Add("reason", "请选择外出原因");
        var note = string.IsNullOrWhiteSpace(r.ReasonNote) ? null : r.ReasonNote.Trim();
        if (r.Reason == OutboundReason.Other && note is null) Add("reasonNote", "外出原因为“其他”时请说明");
        if (note?.Length > 200) Add("reasonNote", "说明不能超过200个字");

        if (r.LeftOn is not { } left) Add("leftOn", "请填写外出日期");
        else if (left < today.AddYears(-10)) Add("leftOn", "外出日期不能早于10年前");
        else if (left > today.AddDays(90)) Add("leftOn", "外出日期不能晚于90天之后");
        if (r.ExpectedReturnOn is not { } ret) Add("expectedReturnOn", "请填写预计返回日期");
        else if (r.LeftOn is { } l2 && ret < l2) Add("expectedReturnOn", "预计返回日期不能早于外出日期");
        else if (r.LeftOn is { } l3 && ret > l3.AddYears(5)) Add("expectedReturnOn", "预计外出时间不能超过5年，到期可续报");

        var phone = MobileNumber.Normalize(r.ContactPhone ?? "");
        if (phone.Length == 0 && existing is null) Add("contactPhone", "请填写在外期间的联系电话");
        else if (phone.Length > 0 && !MobileNumber.IsValid(phone)) Add("contactPhone", "请输入11位手机号码");
        var weChat = string.IsNullOrWhiteSpace(r.ContactWeChat) ? null : r.ContactWeChat.Trim();
        if (weChat?.Length > 50) Add("contactWeChat", "微信号不能超过50个字符");

        PartyOrg? flowIn = null;
        if (r.FlowInOrgId is { } fid)
        {
            // The flow-in organization usually lies outside the home organization's subtree: look it up by id past the scope.
            flowIn = await db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().FirstOrDefaultAsync(o => o.Id == fid, ct);
            if (flowIn is null || flowIn.Status == OrgStatus.Closed) Add("flowInOrgId", "所选流入地党组织不存在或已撤销");
            else if (member is not null && OrgPath.IsWithin(member.OrgPath, flowIn.Path)) Add("flowInOrgId", "流入地党组织不能是该党员的所在组织或其上级");
        }

        if (member is not null && errors.Count == 0)
        {
            var open = await db.MobileEpisodes.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking()
                .Where(e => e.MemberId == member.Id && (e.Status == EpisodeStatus.Pending || e.Status == EpisodeStatus.Approved) && e.Id != (existing == null ? Guid.Empty : existing.Id))
                .Select(e => new { e.DestinationRegionName, e.LeftOn }).FirstOrDefaultAsync(ct);
            if (open is not null) Add("memberId", $"该党员已有未结束的外出报备（{open.LeftOn:yyyy-MM-dd} 起，{open.DestinationRegionName}），请先登记返回或撤回");
        }
        if (errors.Count > 0) return (errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), null);
        return ([], new Checked(member!, code, regionName, address, r.Reason!.Value, note, r.LeftOn!.Value, r.ExpectedReturnOn!.Value, phone, weChat, flowIn));
    }

    private static void Apply(MobileEpisode e, Checked c, PersonalDataProtector protector, DateTime now)
    {
        e.SetDetails(c.RegionCode, c.RegionName, c.Address, c.Reason, c.ReasonNote, c.LeftOn, c.ExpectedReturnOn, now);
        if (c.Phone.Length > 0) e.SetContact(protector.Encrypt(c.Phone), Mask.Phone(c.Phone), c.WeChat, now);
        else e.SetContact(e.ContactPhoneCipher, e.ContactPhoneMasked, c.WeChat, now);
        e.SetFlowIn(c.FlowIn?.Id, c.FlowIn?.Path, now);
    }

    public static async Task<Results<Created<EpisodeDetail>, ValidationProblem>> Register(EpisodeInput r, AppDbContext db,
        PersonalDataProtector protector, HttpContext http, CancellationToken ct)
    {
        var (errors, c) = await Check(r, db, null, ct);
        if (c is null) return Problems.Validation(errors);
        var e = MobileEpisode.Register(Guid.CreateVersion7(), c.Member.Id, c.Member.Name, c.Member.OrgId, c.Member.OrgPath, db.Actor.UserName, db.Now);
        Apply(e, c, protector, db.Now);
        db.MobileEpisodes.Add(e);
        await db.SaveChangesAsync(ct); // the partial unique index refuses a second open episode saved concurrently (409)
        return TypedResults.Created($"/api/v1/mobile/episodes/{e.Id}", await ToDetail(db, e, http, ct));
    }

    public static async Task<Results<Ok<EpisodeDetail>, NotFound, ValidationProblem>> Update(Guid id, EpisodeInput r, AppDbContext db,
        PersonalDataProtector protector, HttpContext http, CancellationToken ct)
    {
        var e = await db.MobileEpisodes.WithinSubtree(db.Scope, null).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return TypedResults.NotFound();
        if (!e.IsOpen) return Problems.Validation("status", $"该报备{EpisodeLabels.Of(e.Status)}，不能修改");
        db.ExpectVersion(e, r.Version);
        var (errors, c) = await Check(r, db, e, ct);
        if (c is null) return Problems.Validation(errors);
        Apply(e, c, protector, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDetail(db, e, http, ct));
    }

    /// <summary>Only the home side decides and closes an episode.</summary>
    private static Task<MobileEpisode?> HomeSide(AppDbContext db, Guid id, CancellationToken ct) =>
        db.MobileEpisodes.WithinSubtree(db.Scope, null).FirstOrDefaultAsync(x => x.Id == id, ct);

    public static async Task<Results<Ok<EpisodeDetail>, NotFound>> Approve(Guid id, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var e = await HomeSide(db, id, ct);
        if (e is null) return TypedResults.NotFound();
        e.Approve(db.Actor.UserName, db.Now);
        db.Audit(AuditActions.Approve, e.AuditType, e.Id.ToString(), $"审批通过外出报备：{e.MemberName}，外出至{e.DestinationRegionName}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDetail(db, e, http, ct));
    }

    public static async Task<Results<Ok<EpisodeDetail>, NotFound, ValidationProblem>> Reject(Guid id, RejectRequest r, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var e = await HomeSide(db, id, ct);
        if (e is null) return TypedResults.NotFound();
        var reason = r.Reason?.Trim() ?? "";
        if (reason.Length == 0) return Problems.Validation("reason", "请填写驳回理由");
        if (reason.Length > 200) return Problems.Validation("reason", "驳回理由不能超过200个字");
        e.Reject(reason, db.Actor.UserName, db.Now);
        db.Audit(AuditActions.Reject, e.AuditType, e.Id.ToString(), $"驳回外出报备：{e.MemberName}，理由：{reason}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDetail(db, e, http, ct));
    }

    public static async Task<Results<Ok<EpisodeDetail>, NotFound, ValidationProblem>> Return(Guid id, ReturnInput r, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var e = await HomeSide(db, id, ct);
        if (e is null) return TypedResults.NotFound();
        if (r.ReturnedOn is not { } on) return Problems.Validation("returnedOn", "请填写返回日期");
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        if (note?.Length > 200) return Problems.Validation("note", "备注不能超过200个字");
        e.Return(on, note, db.Today, db.Now);
        db.Audit(AuditActions.CameBack, e.AuditType, e.Id.ToString(), $"登记返回：{e.MemberName}，{on:yyyy-MM-dd} 返回");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDetail(db, e, http, ct));
    }

    public static async Task<Results<Ok<EpisodeDetail>, NotFound>> Withdraw(Guid id, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var e = await HomeSide(db, id, ct);
        if (e is null) return TypedResults.NotFound();
        e.Withdraw(db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDetail(db, e, http, ct));
    }

    /// <summary>The full contact phone while away, to call the member; audited like every reveal.</summary>
    public static async Task<Results<Ok<ContactPhone>, NotFound>> RevealPhone(Guid id, AppDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        var e = await Visible(db, id, ct);
        if (e is null) return TypedResults.NotFound();
        var phone = protector.Decrypt(e.ContactPhoneCipher);
        db.Audit(AuditActions.Reveal, e.AuditType, e.Id.ToString(), $"查看流动党员 {e.MemberName} 在外联系电话明文");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ContactPhone(phone));
    }
}
