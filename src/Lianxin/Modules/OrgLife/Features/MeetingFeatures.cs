using System.Globalization;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.OrgLife.Features;

/// <summary>三会一课 records: list, read, draft, submit, return for correction, delete a draft.</summary>
public static class MeetingFeatures
{
    public sealed record ListQuery(Guid? OrgId, MeetingKind? Kind, MeetingStatus? Status, DateOnly? From, DateOnly? To, string? Q, int? Page, int? PageSize);

    public static async Task<Results<Ok<PageOf<MeetingRow>>, NotFound, ValidationProblem>> List([AsParameters] ListQuery q, AppDbContext db, CancellationToken ct)
    {
        if (q.From is { } f && q.To is { } t && f > t) return Problems.Validation("to", "结束日期不能早于开始日期");
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        string? subtree = null;
        if (q.OrgId is { } orgId && (subtree = await db.PartyOrgs.Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct)) is null)
            return TypedResults.NotFound();
        var meetings = db.Meetings.AsNoTracking().WithinSubtree(db.Scope, subtree);
        if (q.Kind is { } k) meetings = meetings.Where(m => m.Kind == k);
        if (q.Status is { } s) meetings = meetings.Where(m => m.Status == s);
        if (q.From is { } from) meetings = meetings.Where(m => m.HeldOn >= from);
        if (q.To is { } to) meetings = meetings.Where(m => m.HeldOn <= to);
        if (!string.IsNullOrWhiteSpace(q.Q)) { var text = q.Q.Trim(); meetings = meetings.Where(m => m.Topic.Contains(text)); }
        var total = await meetings.CountAsync(ct);
        var rows = await meetings.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.StartTime).ThenBy(m => m.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var attachmentCounts = await db.Attachments.Where(a => ids.Contains(a.OwnerId)).GroupBy(a => a.OwnerId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await MemberReads.OrgNames(db, rows.Select(r => r.OrgId), ct);
        return TypedResults.Ok(new PageOf<MeetingRow>([.. rows.Select(m => new MeetingRow(m.Id, m.OrgId, names.GetValueOrDefault(m.OrgId, ""), m.Kind,
            MeetingKinds.Label(m.Kind), m.HeldOn, Hm(m.StartTime), m.EndTime is { } e ? Hm(e) : null, m.Topic, m.Place, m.Host, m.Status,
            m.ExpectedCount, m.PresentCount, attachmentCounts.GetValueOrDefault(m.Id)))], total, page, size));
    }

    public static async Task<Results<Ok<MeetingDetail>, NotFound>> Get(Guid id, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().Include(x => x.Attendance).FirstOrDefaultAsync(x => x.Id == id, ct);
        return m is null ? TypedResults.NotFound() : TypedResults.Ok(await ToDetail(db, m, http, ct));
    }

    internal static string Hm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static async Task<MeetingDetail> ToDetail(AppDbContext db, Meeting m, HttpContext http, CancellationToken ct)
    {
        var names = await MemberReads.OrgNames(db, m.GroupId is { } g ? [m.OrgId, g] : [m.OrgId], ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.OwnerId == m.Id).OrderBy(a => a.CreatedAt)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.CreatedAt, a.CreatedBy)).ToListAsync(ct);
        var perms = Roles.PermissionsOf(http.User);
        return new MeetingDetail(m.Id, m.OrgId, names.GetValueOrDefault(m.OrgId, ""), m.Kind, MeetingKinds.Label(m.Kind), m.GroupId,
            m.GroupId is { } gid ? names.GetValueOrDefault(gid) : null, m.HeldOn, Hm(m.StartTime), m.EndTime is { } e ? Hm(e) : null,
            m.Place, m.Host, m.Topic, m.Minutes, m.Status, m.ExpectedCount, m.PresentCount,
            [.. m.Attendance.OrderBy(a => !a.Present).ThenBy(a => a.MemberName, StringComparer.Ordinal).Select(a => new AttendanceRow(a.MemberId, a.MemberName, a.Present, a.AbsenceReason))],
            attachments, m.SubmittedAt, m.SubmittedBy, m.ReturnedAt, m.ReturnedBy, m.ReturnComment,
            m.IsEditable && perms.Contains(Perm.OrgLife.Write), CanReturn(db, m) && perms.Contains(Perm.OrgLife.Review),
            m.CreatedAt, m.UpdatedAt, m.Version);
    }

    /// <summary>Only a higher organization returns a record: the reviewer's own organization must lie above the branch.</summary>
    private static bool CanReturn(AppDbContext db, Meeting m) =>
        m.Status == MeetingStatus.Submitted && (db.Scope.RootPath is null || db.Scope.RootPath.Length < m.OrgPath.Length);

    private static TimeOnly? ParseTime(string? s) =>
        TimeOnly.TryParseExact(s?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>Everything the form can get wrong, as field → messages; empty when all is well.</summary>
    private static async Task<(Dictionary<string, string[]> Errors, PartyOrg? Branch, List<RosterMember> Roster)> Check(
        MeetingInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string f, string m) { if (!errors.TryGetValue(f, out var l)) errors[f] = l = []; if (!l.Contains(m)) l.Add(m); }
        var today = db.Today;

        PartyOrg? branch = null;
        if (r.OrgId is not { } orgId) Add("orgId", "请选择党支部");
        else
        {
            branch = await db.PartyOrgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (branch is null) Add("orgId", "所选组织不存在或不在您的管辖范围内");
            else if (branch.Status == OrgStatus.Closed) Add("orgId", "所选组织已撤销");
            else if (!OrgLifeOrgs.IsBranch(branch.Kind)) Add("orgId", $"三会一课以党支部为单位记录，{OrgKinds.Label(branch.Kind)}不能直接记录");
        }
        if (r.Kind is null) Add("kind", "请选择会议类型");
        PartyOrg? group = null;
        if (r.GroupId is { } groupId)
        {
            if (r.Kind != MeetingKind.GroupMeeting) Add("groupId", "只有党小组会需要选择党小组");
            else if (branch is not null)
            {
                group = await db.PartyOrgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == groupId && o.ParentId == branch.Id, ct);
                if (group is null || !OrgLifeOrgs.GroupKinds.Contains(group.Kind)) Add("groupId", "所选党小组不属于该支部");
            }
        }
        else if (r.Kind == MeetingKind.GroupMeeting && branch is not null)
        {
            if ((await OrgLifeOrgs.Groups(db, branch.Id, ct)).Count == 0) Add("kind", "该支部未设党小组，无需召开党小组会");
            else Add("groupId", "请选择召开会议的党小组");
        }

        if (r.HeldOn is not { } heldOn) Add("heldOn", "请填写会议日期");
        else
        {
            if (heldOn.Year < 2000) Add("heldOn", "会议日期不能早于2000年");
            if (heldOn > today.AddYears(1)) Add("heldOn", "会议日期不能晚于一年之后");
            if (r.Submit && heldOn > today) Add("heldOn", "会议尚未召开，不能提交；可先保存为草稿");
        }
        var start = ParseTime(r.StartTime);
        if (string.IsNullOrWhiteSpace(r.StartTime)) Add("startTime", "请填写开始时间");
        else if (start is null) Add("startTime", "时间格式应为 时:分，如 09:30");
        if (!string.IsNullOrWhiteSpace(r.EndTime))
        {
            var end = ParseTime(r.EndTime);
            if (end is null) Add("endTime", "时间格式应为 时:分，如 11:00");
            else if (start is { } s0 && end <= s0) Add("endTime", "结束时间应晚于开始时间");
        }
        Text(r.Place, "place", "会议地点", 100, true);
        Text(r.Host, "host", "主持人", 50, true);
        Text(r.Topic, "topic", "会议主题", 200, true);
        Text(r.Minutes, "minutes", "会议记录", 20000, r.Submit);
        void Text(string? v, string field, string label, int max, bool required)
        {
            if (string.IsNullOrWhiteSpace(v)) { if (required) Add(field, $"请填写{label}"); }
            else if (v.Trim().Length > max) Add(field, $"{label}不能超过{max}个字");
        }

        var roster = new List<RosterMember>();
        if (branch is not null)
        {
            roster = await OrgLifeOrgs.Roster(db, group ?? branch, ct);
            var onRoster = roster.ToDictionary(x => x.MemberId);
            var seen = new HashSet<Guid>();
            var list = r.Attendance ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var a = list[i];
                if (a.MemberId is not { } memberId) { Add($"attendance[{i}].memberId", "请选择党员"); continue; }
                if (!onRoster.ContainsKey(memberId)) Add($"attendance[{i}].memberId", group is null ? "该党员不在本支部名册中" : "该党员不在所选党小组名册中");
                if (!seen.Add(memberId)) Add($"attendance[{i}].memberId", "同一党员重复出现");
                if (a.Present is null) Add($"attendance[{i}].present", "请选择出席或缺席");
                if (a.AbsenceReason?.Trim().Length > 100) Add($"attendance[{i}].absenceReason", "缺席原因不能超过100个字");
                if (r.Submit && a.Present == false && string.IsNullOrWhiteSpace(a.AbsenceReason)) Add($"attendance[{i}].absenceReason", "请填写缺席原因");
            }
            if (r.Submit)
            {
                if (!list.Any(a => a.Present == true)) Add("attendance", "请登记出席人员");
                var missing = r.Kind is MeetingKind.GeneralMeeting or MeetingKind.GroupMeeting
                    ? roster.Where(m => !seen.Contains(m.MemberId)).Select(m => m.Name).ToList() : [];
                if (missing.Count > 0)
                    Add("attendance", $"{MeetingKinds.Label(r.Kind!.Value)}应登记全体党员的出席情况，尚未登记：{string.Join("、", missing.Take(10))}{(missing.Count > 10 ? $" 等{missing.Count}人" : "")}");
            }
        }
        return (errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), branch, roster);
    }

    private static void Apply(Meeting m, MeetingInput r, List<RosterMember> roster, AppDbContext db)
    {
        var names = roster.ToDictionary(x => x.MemberId, x => x.Name);
        m.Describe(r.Kind == MeetingKind.GroupMeeting ? r.GroupId : null, r.HeldOn!.Value, ParseTime(r.StartTime)!.Value,
            string.IsNullOrWhiteSpace(r.EndTime) ? null : ParseTime(r.EndTime), r.Place!.Trim(), r.Host!.Trim(), r.Topic!.Trim(),
            string.IsNullOrWhiteSpace(r.Minutes) ? null : r.Minutes.Trim(), db.Now);
        m.SetAttendance((r.Attendance ?? []).Select(a => new MeetingAttendance(m.Id, a.MemberId!.Value, names[a.MemberId!.Value], a.Present!.Value,
            string.IsNullOrWhiteSpace(a.AbsenceReason) ? null : a.AbsenceReason.Trim())), db.Now);
        if (r.Submit) m.Submit(db.Actor.UserName, db.Now);
    }

    public static async Task<Results<Created<MeetingDetail>, ValidationProblem>> Create(MeetingInput request, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var (errors, branch, roster) = await Check(request, db, ct);
        if (errors.Count > 0) return Problems.Validation(errors);
        var m = Meeting.Create(Guid.CreateVersion7(), branch!.Id, branch.Path, request.Kind!.Value, db.Now);
        Apply(m, request, roster, db);
        db.Meetings.Add(m);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/orglife/meetings/{m.Id}", await ToDetail(db, m, http, ct));
    }

    public static async Task<Results<Ok<MeetingDetail>, NotFound, ValidationProblem>> Update(Guid id, MeetingInput request, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var m = await db.Meetings.Include(x => x.Attendance).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return TypedResults.NotFound();
        if (!m.IsEditable) return Problems.Validation("status", "记录已提交，不能修改；如需更正，请由上级组织退回");
        if (request.OrgId != m.OrgId) return Problems.Validation("orgId", "记录所属支部不能更改；请删除草稿后在正确的支部重新记录");
        if (request.Kind != m.Kind) return Problems.Validation("kind", "会议类型不能更改；请删除草稿后重新记录");
        var (errors, _, roster) = await Check(request, db, ct);
        if (errors.Count > 0) return Problems.Validation(errors);
        db.ExpectVersion(m, request.Version);
        Apply(m, request, roster, db);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDetail(db, m, http, ct));
    }

    public static async Task<Results<Ok<MeetingDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Return(Guid id, ReturnRequest request,
        AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var m = await db.Meetings.Include(x => x.Attendance).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(request.Comment)) return Problems.Validation("comment", "请填写退回意见");
        if (request.Comment.Trim().Length > 500) return Problems.Validation("comment", "退回意见不能超过500个字");
        if (m.Status != MeetingStatus.Submitted) return Problems.Validation("status", "只有已提交的记录可以退回");
        if (!CanReturn(db, m))
            return TypedResults.Problem("记录只能由上级组织退回，本支部不能退回自己的记录。", statusCode: StatusCodes.Status403Forbidden, title: "没有权限");
        m.Return(db.Actor.UserName, request.Comment.Trim(), db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDetail(db, m, http, ct));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(Guid id, string? reason, AppDbContext db, CancellationToken ct)
    {
        var m = await db.Meetings.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return TypedResults.NotFound();
        if (reason?.Length > 200) return Problems.Validation("reason", "原因不能超过200个字");
        m.SoftDelete(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
