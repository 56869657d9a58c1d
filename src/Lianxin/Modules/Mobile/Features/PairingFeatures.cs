using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Mobile.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Mobile.Features;

/// <summary>
/// What either side records against an open episode — periodic reports (定期报告), activities, contacts — and the home
/// side's 1+N pairing; the lists of missing reports and of members nobody has reached for N days.
/// </summary>
public static class PairingFeatures
{
    private static Guid Recorder(AppDbContext db, MobileEpisode e) => db.Scope.RootOrgId ?? e.OrgId;

    private static string? Text(string? s, string field, int max, string what, Dictionary<string, string[]> errors)
    {
        var t = s?.Trim() ?? "";
        if (t.Length == 0) errors[field] = [$"请填写{what}"];
        else if (t.Length > max) errors[field] = [$"{what}不能超过{max}个字"];
        return t.Length == 0 ? null : t;
    }

    /// <summary>Records go against an approved episode; the home side may also complete a returned one afterwards.</summary>
    private static string? RecordableProblem(AppDbContext db, MobileEpisode e) =>
        e.Status == EpisodeStatus.Approved || (e.Status == EpisodeStatus.Returned && db.Scope.Contains(e.OrgPath))
            ? null : $"该报备{EpisodeLabels.Of(e.Status)}，不能登记";

    private static void CheckDate(DateOnly? on, MobileEpisode e, DateOnly today, string field, string what, Dictionary<string, string[]> errors)
    {
        if (on is not { } d) errors[field] = [$"请填写{what}"];
        else if (d > today) errors[field] = [$"{what}不能晚于今天"];
        else if (d < e.LeftOn) errors[field] = [$"{what}不能早于外出日期（{e.LeftOn:yyyy-MM-dd}）"];
        else if (e.ReturnedOn is { } r && d > r) errors[field] = [$"{what}不能晚于返回日期（{r:yyyy-MM-dd}）"];
    }

    public static async Task<Results<Ok<EpisodeDetail>, NotFound, ValidationProblem>> FileReport(Guid id, ReportInput r, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var e = await EpisodeFeatures.Visible(db, id, ct);
        if (e is null) return TypedResults.NotFound();
        if (RecordableProblem(db, e) is { } problem) return Problems.Validation("status", problem);
        var settings = await SettingsStore.Read<MobileSettings>(db, MobileSettings.Key, ct);
        var today = db.Today;
        var errors = new Dictionary<string, string[]>();
        var period = r.Period?.Trim() ?? "";
        var allowed = ReportPeriods.Owed(e.LeftOn, e.ActiveTo(today), today, settings.ReportFrequency);
        var current = ReportPeriods.Key(today, settings.ReportFrequency);
        if (e.IsOpen) allowed.Add(current);
        if (period.Length == 0) errors["period"] = ["请选择报告期"];
        else if (!ReportPeriods.IsValid(period, settings.ReportFrequency)) errors["period"] = [$"报告期格式不对，当前按{(settings.ReportFrequency == OrgLife.Domain.Frequency.Monthly ? "月（如 2026-11）" : settings.ReportFrequency == OrgLife.Domain.Frequency.Quarterly ? "季度（如 2026Q4）" : "年度（如 2026）")}报告"];
        else if (!allowed.Contains(period)) errors["period"] = ["该报告期不在外出期间内"];
        else if (await db.MobileReports.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AnyAsync(x => x.EpisodeId == e.Id && x.Period == period, ct))
            errors["period"] = [$"{ReportPeriods.Label(period)}已经报告过"];
        var content = Text(r.Content, "content", 2000, "在外履责情况", errors);
        var filedOn = r.FiledOn ?? today;
        if (filedOn > today) errors["filedOn"] = ["报告日期不能晚于今天"];
        if (errors.Count > 0) return Problems.Validation(errors);
        db.MobileReports.Add(MobileReport.File(Guid.CreateVersion7(), e, period, filedOn, content!, Recorder(db, e), db.Actor.UserName, db.Now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await EpisodeFeatures.ToDetail(db, e, http, ct));
    }

    public static async Task<Results<Ok<EpisodeDetail>, NotFound, ValidationProblem>> RecordActivity(Guid id, ActivityInput r, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var e = await EpisodeFeatures.Visible(db, id, ct);
        if (e is null) return TypedResults.NotFound();
        if (RecordableProblem(db, e) is { } problem) return Problems.Validation("status", problem);
        var errors = new Dictionary<string, string[]>();
        if (r.Kind is null) errors["kind"] = ["请选择活动类型"];
        CheckDate(r.OccurredOn, e, db.Today, "occurredOn", "活动日期", errors);
        var content = Text(r.Content, "content", 1000, "活动内容", errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        db.MobileActivities.Add(MobileActivity.Record(Guid.CreateVersion7(), e, r.Kind!.Value, r.OccurredOn!.Value, content!, Recorder(db, e), db.Actor.UserName, db.Now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await EpisodeFeatures.ToDetail(db, e, http, ct));
    }

    public static async Task<Results<Ok<EpisodeDetail>, NotFound, ValidationProblem>> LogContact(Guid id, ContactInput r, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var e = await EpisodeFeatures.Visible(db, id, ct);
        if (e is null) return TypedResults.NotFound();
        if (RecordableProblem(db, e) is { } problem) return Problems.Validation("status", problem);
        var errors = new Dictionary<string, string[]>();
        if (r.Channel is null) errors["channel"] = ["请选择联系方式"];
        CheckDate(r.ContactedOn, e, db.Today, "contactedOn", "联系日期", errors);
        if (r.Reachable is null) errors["reachable"] = ["请选择是否联系上"];
        var content = Text(r.Content, "content", 1000, "联系内容", errors);
        MobileLiaison? liaison = null;
        if (r.LiaisonId is { } lid)
        {
            liaison = await db.MobileLiaisons.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().FirstOrDefaultAsync(l => l.Id == lid && l.MemberId == e.MemberId, ct);
            if (liaison is null) errors["liaisonId"] = ["所选联络员不是该党员的结对联络员"];
        }
        var by = liaison?.LiaisonName ?? r.ContactedBy?.Trim() ?? db.Actor.UserName;
        if (by.Length is 0 or > 50) errors["contactedBy"] = ["联系人姓名1至50个字"];
        if (errors.Count > 0) return Problems.Validation(errors);
        db.MobileContacts.Add(MobileContact.Log(Guid.CreateVersion7(), e, e.MemberId, e.MemberName, e.OrgId, e.OrgPath, liaison?.Id, by, r.Channel!.Value,
            r.ContactedOn!.Value, r.Reachable!.Value, content!, Recorder(db, e), db.Actor.UserName, db.Now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await EpisodeFeatures.ToDetail(db, e, http, ct));
    }

    // ---- 1+N pairing (home side) --------------------------------------------------------------------------------

    public static async Task<Results<Ok<List<LiaisonRow>>, NotFound>> Liaisons(Guid memberId, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await LiaisonRows(db, memberId, ct));
    }

    private static async Task<List<LiaisonRow>> LiaisonRows(AppDbContext db, Guid memberId, CancellationToken ct) =>
        [.. (await db.MobileLiaisons.AsNoTracking().Where(l => l.MemberId == memberId).OrderBy(l => l.EndedOn != null).ThenBy(l => l.Since).ToListAsync(ct))
            .Select(l => new LiaisonRow(l.Id, l.LiaisonMemberId, l.LiaisonName, l.Role, RecordLabels.Of(l.Role), l.Since, l.EndedOn))];

    public static async Task<Results<Ok<List<LiaisonRow>>, NotFound, ValidationProblem>> Pair(Guid memberId, LiaisonInput r, AppDbContext db, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        string name;
        if (r.LiaisonMemberId is { } lid)
        {
            var liaison = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == lid, ct);
            if (liaison is null) { errors["liaisonMemberId"] = ["所选联络员不存在或不在您的管辖范围内"]; name = ""; }
            else if (liaison.Id == memberId) { errors["liaisonMemberId"] = ["联络员不能是流动党员本人"]; name = ""; }
            else name = liaison.Name;
        }
        else
        {
            name = r.LiaisonName?.Trim() ?? "";
            if (name.Length == 0) errors["liaisonName"] = ["请选择或填写联络员"];
            else if (name.Length > 50) errors["liaisonName"] = ["联络员姓名不能超过50个字"];
        }
        if (r.Role is null) errors["role"] = ["请选择联络员身份"];
        var since = r.Since ?? db.Today;
        if (since > db.Today) errors["since"] = ["结对日期不能晚于今天"];
        if (errors.Count == 0 && await db.MobileLiaisons.AnyAsync(l => l.MemberId == memberId && l.EndedOn == null
                && (r.LiaisonMemberId != null ? l.LiaisonMemberId == r.LiaisonMemberId : l.LiaisonName == name), ct))
            errors[r.LiaisonMemberId is null ? "liaisonName" : "liaisonMemberId"] = [$"{name} 已是该党员的结对联络员"];
        if (errors.Count > 0) return Problems.Validation(errors);
        db.MobileLiaisons.Add(MobileLiaison.Pair(Guid.CreateVersion7(), member.Id, member.Name, member.OrgId, member.OrgPath, r.LiaisonMemberId, name,
            r.Role!.Value, since, db.Now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await LiaisonRows(db, memberId, ct));
    }

    public static async Task<Results<Ok<List<LiaisonRow>>, NotFound>> Unpair(Guid memberId, Guid liaisonId, AppDbContext db, CancellationToken ct)
    {
        var l = await db.MobileLiaisons.FirstOrDefaultAsync(x => x.Id == liaisonId && x.MemberId == memberId, ct);
        if (l is null) return TypedResults.NotFound();
        l.End(db.Today);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await LiaisonRows(db, memberId, ct));
    }

    // ---- Lists ----------------------------------------------------------------------------------------------------

    public sealed record ListQuery(Guid? OrgId, int? Days, int? Page, int? PageSize);

    /// <summary>Approved open episodes in the home subtree whose member nobody has reached for N days (default a setting).</summary>
    public static async Task<Results<Ok<PageOf<NoContactRow>>, NotFound, ValidationProblem>> NoContact([AsParameters] ListQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await EpisodeFeatures.PathOf(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var settings = await SettingsStore.Read<MobileSettings>(db, MobileSettings.Key, ct);
        var days = q.Days ?? settings.NoContactDays;
        if (days is < 1 or > 3650) return Problems.Validation("days", "天数应为1至3650");
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var today = db.Today;
        var since = today.AddDays(-days);
        var open = db.MobileEpisodes.AsNoTracking().WithinSubtree(db.Scope, path).Where(e => e.Status == EpisodeStatus.Approved);
        var contacts = db.MobileContacts.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(c => c.Reachable);
        var stale = open.Where(e => !contacts.Any(c => c.MemberId == e.MemberId && c.ContactedOn > since));
        var total = await stale.CountAsync(ct);
        var list = await stale.OrderBy(e => e.OrgPath).ThenBy(e => e.MemberName).ThenBy(e => e.Id).Skip((page - 1) * size).Take(size)
            .Select(e => new
            {
                e.Id, e.MemberId, e.MemberName, e.OrgId, e.DestinationRegionName,
                Last = contacts.Where(c => c.MemberId == e.MemberId).Max(c => (DateOnly?)c.ContactedOn),
            }).ToListAsync(ct);
        var ids = list.Select(x => x.MemberId).ToList();
        var liaisons = (await db.MobileLiaisons.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking()
            .Where(l => ids.Contains(l.MemberId) && l.EndedOn == null).Select(l => new { l.MemberId, l.LiaisonName, l.Role }).ToListAsync(ct))
            .ToLookup(l => l.MemberId, l => $"{l.LiaisonName}（{RecordLabels.Of(l.Role)}）");
        var names = await MemberReads.OrgNames(db, list.Select(x => x.OrgId), ct);
        return TypedResults.Ok(new PageOf<NoContactRow>([.. list.Select(x => new NoContactRow(x.MemberId, x.MemberName, x.Id, names.GetValueOrDefault(x.OrgId, ""),
            x.DestinationRegionName, x.Last, x.Last is { } d ? today.DayNumber - d.DayNumber : null, [.. liaisons[x.MemberId]]))], total, page, size));
    }

    /// <summary>Open episodes and the report periods each still owes (ended periods without a report).</summary>
    internal static async Task<List<(MobileEpisode Episode, List<string> Missing)>> Missing(AppDbContext db, string path, DateOnly today, MobileSettings settings, CancellationToken ct)
    {
        var open = await db.MobileEpisodes.AsNoTracking().WithinSubtree(db.Scope, path).Where(e => e.Status == EpisodeStatus.Approved)
            .OrderBy(e => e.OrgPath).ThenBy(e => e.MemberName).ToListAsync(ct);
        var ids = open.Select(e => e.Id).ToList();
        var filed = (await db.MobileReports.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(r => ids.Contains(r.EpisodeId))
            .Select(r => new { r.EpisodeId, r.Period }).ToListAsync(ct)).ToLookup(r => r.EpisodeId, r => r.Period);
        return [.. open.Select(e => (e, ReportPeriods.Owed(e.LeftOn, today, today, settings.ReportFrequency).Except(filed[e.Id]).ToList()))
            .Where(x => x.Item2.Count > 0)];
    }

    public static async Task<Results<Ok<PageOf<MissingReportRow>>, NotFound>> MissingReports([AsParameters] ListQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await EpisodeFeatures.PathOf(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var settings = await SettingsStore.Read<MobileSettings>(db, MobileSettings.Key, ct);
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var missing = await Missing(db, path, db.Today, settings, ct);
        var pageRows = missing.Skip((page - 1) * size).Take(size).ToList();
        var names = await MemberReads.OrgNames(db, pageRows.Select(x => x.Episode.OrgId), ct);
        return TypedResults.Ok(new PageOf<MissingReportRow>([.. pageRows.Select(x => new MissingReportRow(x.Episode.Id, x.Episode.MemberId, x.Episode.MemberName,
            names.GetValueOrDefault(x.Episode.OrgId, ""), x.Episode.DestinationRegionName, x.Missing, [.. x.Missing.Select(ReportPeriods.Label)]))],
            missing.Count, page, size));
    }
}
