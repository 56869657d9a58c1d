using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Mobile.Domain;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Excel;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Mobile.Features;

/// <summary>四清 for a subtree (summary and the members failing an item) and the yearly figures of seed 001.</summary>
public static class FourClearFeatures
{
    internal sealed record Scored(Guid MemberId, string Name, Guid OrgId, string OrgPath, Guid? EpisodeId, FourClearScore Score,
        IReadOnlyList<string> MissingProfile, DateOnly? LastContact, DateOnly? LastOrgLife);

    /// <summary>
    /// The mobile members of a home subtree — category 流动党员, or with an open episode — each scored on 四清 today.
    /// </summary>
    internal static async Task<List<Scored>> Score(AppDbContext db, string path, CancellationToken ct)
    {
        var today = db.Today;
        var settings = await SettingsStore.Read<MobileSettings>(db, MobileSettings.Key, ct);
        var open = await db.MobileEpisodes.AsNoTracking().WithinSubtree(db.Scope, path)
            .Where(e => e.Status == EpisodeStatus.Pending || e.Status == EpisodeStatus.Approved).ToListAsync(ct);
        var openIds = open.Select(e => e.MemberId).ToList();
        var members = await db.Members.AsNoTracking().WithinSubtree(db.Scope, path)
            .Where(m => m.Category == MemberCategory.Mobile || openIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.OrgId, m.OrgPath, m.Person.PhoneMasked, m.Person.Address, m.Person.Education })
            .ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var episodeOf = open.ToDictionary(e => e.MemberId);

        var lastContact = await db.MobileContacts.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(c => ids.Contains(c.MemberId) && c.Reachable && c.ContactedOn <= today)
            .GroupBy(c => c.MemberId).Select(g => new { g.Key, Last = g.Max(c => c.ContactedOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var since = FourClear.OrgLifeSince(today, settings);
        var lastMeeting = await (from a in db.MeetingAttendance
                                 join mt in db.Meetings.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]) on a.MeetingId equals mt.Id
                                 where ids.Contains(a.MemberId) && a.Present && mt.Status == MeetingStatus.Submitted && mt.HeldOn <= today
                                 group mt.HeldOn by a.MemberId into g
                                 select new { g.Key, Last = g.Max() }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var lastActivity = await db.MobileActivities.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(a => ids.Contains(a.MemberId) && a.Kind == ActivityKind.OrgLife && a.OccurredOn <= today)
            .GroupBy(a => a.MemberId).Select(g => new { g.Key, Last = g.Max(a => a.OccurredOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);

        var result = new List<Scored>(members.Count);
        foreach (var m in members)
        {
            var e = episodeOf.GetValueOrDefault(m.Id);
            var missing = new List<string>();
            if (m.PhoneMasked is null) missing.Add("本人手机号");
            if (string.IsNullOrWhiteSpace(m.Address)) missing.Add("家庭住址");
            if (m.Education is null) missing.Add("学历");
            if (e is null) missing.Add("外出地及在外联系方式");
            DateOnly? orgLife = Max(lastMeeting.TryGetValue(m.Id, out var mt) ? mt : null, lastActivity.TryGetValue(m.Id, out var ac) ? ac : null);
            DateOnly? contact = lastContact.TryGetValue(m.Id, out var c) ? c : null;
            var facts = new FourClearFacts(e?.Status == EpisodeStatus.Approved, missing, contact, orgLife);
            result.Add(new Scored(m.Id, m.Name, m.OrgId, m.OrgPath, e?.Id, FourClear.Score(facts, today, settings), missing, contact, orgLife));
        }
        return result;
    }

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    public sealed record SummaryQuery(Guid? OrgId);

    public static async Task<Results<Ok<FourClearSummary>, NotFound>> Summary([AsParameters] SummaryQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await EpisodeFeatures.PathOf(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var scored = await Score(db, path, ct);
        var all = scored.Count(s => s.Score.Score == 4);
        var items = Enum.GetValues<FourClearItem>().Select(i =>
        {
            var passed = scored.Count(s => FourClear.Passes(s.Score, i));
            return new FourClearCount(i, FourClear.Label(i), passed, scored.Count - passed);
        }).ToList();
        var byScore = Enumerable.Range(0, 5).Select(n => scored.Count(s => s.Score.Score == n)).ToList();
        return TypedResults.Ok(new FourClearSummary(scored.Count, all, scored.Count == 0 ? null : Math.Round((double)all / scored.Count, 4), items, byScore, db.Today));
    }

    public sealed record MembersQuery(Guid? OrgId, FourClearItem? Failing, int? Score, int? Page, int? PageSize);

    public static async Task<Results<Ok<PageOf<FourClearRow>>, NotFound, ValidationProblem>> Members([AsParameters] MembersQuery q, AppDbContext db, CancellationToken ct)
    {
        if (q.Score is < 0 or > 4) return Problems.Validation("score", "得分应为0至4");
        var path = await EpisodeFeatures.PathOf(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        IEnumerable<Scored> rows = await Score(db, path, ct);
        if (q.Failing is { } item) rows = rows.Where(s => !FourClear.Passes(s.Score, item));
        if (q.Score is { } n) rows = rows.Where(s => s.Score.Score == n);
        var list = rows.OrderBy(s => s.Score.Score).ThenBy(s => s.OrgPath, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var pageRows = list.Skip((page - 1) * size).Take(size).ToList();
        var names = await MemberReads.OrgNames(db, pageRows.Select(s => s.OrgId), ct);
        return TypedResults.Ok(new PageOf<FourClearRow>([.. pageRows.Select(s => new FourClearRow(s.MemberId, s.Name, names.GetValueOrDefault(s.OrgId, ""),
            s.EpisodeId, s.Score.Score, s.Score.Registered, s.Score.Profile, s.Score.Contact, s.Score.OrgLife, s.MissingProfile, s.LastContact, s.LastOrgLife))],
            list.Count, page, size));
    }

    // ---- The year's figures (seed 001), for a subtree and each of its direct sub-organizations -------------------

    public sealed record ReportQuery(Guid? OrgId, int? Year);

    public static async Task<Results<Ok<MobileYearReport>, NotFound, ValidationProblem>> YearReport([AsParameters] ReportQuery q, AppDbContext db, CancellationToken ct)
    {
        var year = q.Year ?? db.Today.Year;
        if (year < 2000 || year > db.Today.Year + 1) return Problems.Validation("year", "年度应在2000年至明年之间");
        var org = q.OrgId is { } id ? await db.PartyOrgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
            : db.Scope.RootOrgId is { } root ? await db.PartyOrgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == root, ct) : null;
        if (org is null) return TypedResults.NotFound();
        return TypedResults.Ok(await Figures(db, org, year, ct));
    }

    public static async Task<IResult> ExportYearReport([AsParameters] ReportQuery q, AppDbContext db, CancellationToken ct)
    {
        var result = await YearReport(q, db, ct);
        if (result.Result is not Ok<MobileYearReport> ok) return result.Result;
        var r = ok.Value!;
        XlsxColumn[] header = [new("组织", 30), new("流动党员（人）"), new("已备案（人）"), new("纳入流动党组织（人）", 18), new("流动党支部（个）"),
            new("流动党小组（个）"), new("走访慰问（人次）"), new("反映问题（个）"), new("解决问题（个）"), new("建言献策（条）"), new("履责报告（份）"), new("联络（次）")];
        static object?[] Row(MobileFigures f) => [f.OrgName, f.MobileMembers, f.Registered, f.InMobileOrgs, f.MobileBranches, f.MobileGroups, f.Visits,
            f.ProblemsRaised, f.ProblemsSolved, f.Suggestions, f.ReportsFiled, f.Contacts];
        var rows = r.Children.Select(Row).Append(Row(r.Total with { OrgName = "合计" })).ToList();
        db.Audit(Platform.Audit.AuditActions.Export, "流动党员年度统计", null, $"导出流动党员年度统计：{r.Total.OrgName} {r.Year}年");
        await db.SaveChangesAsync(ct);
        return await Xlsx.File($"流动党员年度统计_{r.Total.OrgName}_{r.Year}.xlsx",
            [new XlsxSheet($"{r.Year}年", header, Xlsx.Rows(rows))], ct);
    }

    internal static async Task<MobileYearReport> Figures(AppDbContext db, PartyOrg org, int year, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var path = org.Path;
        var children = await db.PartyOrgs.AsNoTracking().Where(o => o.ParentId == org.Id && o.Status == OrgStatus.Active)
            .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(ct);

        // Episodes that ran during the year (approved at some point: now away, overdue or returned), by home path.
        var episodes = await db.MobileEpisodes.AsNoTracking().WithinSubtree(db.Scope, path)
            .Where(e => (e.Status == EpisodeStatus.Approved || e.Status == EpisodeStatus.Returned) && e.LeftOn <= last
                && (e.ReturnedOn == null || e.ReturnedOn >= first))
            .Select(e => new { e.MemberId, e.OrgPath, e.CoOrgId }).ToListAsync(ct);
        var coIds = episodes.Where(e => e.CoOrgId != null).Select(e => e.CoOrgId!.Value).Distinct().ToList();
        var mobileOrgIds = (await db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking()
            .Where(o => coIds.Contains(o.Id) && EpisodeFeatures.MobileOrgKinds.Contains(o.Kind)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var categorized = await db.Members.AsNoTracking().WithinSubtree(db.Scope, path).Where(m => m.Category == MemberCategory.Mobile)
            .Select(m => new { m.Id, m.OrgPath }).ToListAsync(ct);
        var mobileOrgs = await db.PartyOrgs.AsNoTracking().Where(o => EpisodeFeatures.MobileOrgKinds.Contains(o.Kind) && o.Status == OrgStatus.Active
            && string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, OrgPath.UpperBound(path)) < 0).Select(o => new { o.Path, o.Kind }).ToListAsync(ct);
        var visits = await db.MobileVisits.AsNoTracking().WithinSubtree(db.Scope, path).Where(v => v.VisitedOn >= first && v.VisitedOn <= last)
            .Select(v => new { v.OrgPath, v.ProblemsRaised, v.ProblemsSolved }).ToListAsync(ct);
        var suggestions = await db.MobileSuggestions.AsNoTracking().WithinSubtree(db.Scope, path).Where(s => s.FiledOn >= first && s.FiledOn <= last)
            .Select(s => s.OrgPath).ToListAsync(ct);
        var reports = await db.MobileReports.AsNoTracking().WithinSubtree(db.Scope, path).Where(r => r.FiledOn >= first && r.FiledOn <= last)
            .Select(r => r.OrgPath).ToListAsync(ct);
        var contacts = await db.MobileContacts.AsNoTracking().WithinSubtree(db.Scope, path).Where(c => c.ContactedOn >= first && c.ContactedOn <= last)
            .Select(c => c.OrgPath).ToListAsync(ct);

        MobileFigures For(Guid id, string name, string p)
        {
            bool In(string x) => OrgPath.IsWithin(x, p);
            var registered = episodes.Where(e => In(e.OrgPath)).Select(e => e.MemberId).ToHashSet();
            var all = categorized.Where(m => In(m.OrgPath)).Select(m => m.Id).Concat(registered).ToHashSet();
            var inMobile = episodes.Where(e => In(e.OrgPath) && e.CoOrgId is { } c && mobileOrgIds.Contains(c)).Select(e => e.MemberId).Distinct().Count();
            var v = visits.Where(x => In(x.OrgPath)).ToList();
            return new MobileFigures(id, name, all.Count, registered.Count, inMobile,
                mobileOrgs.Count(o => In(o.Path) && o.Kind == OrgKind.MobileBranch), mobileOrgs.Count(o => In(o.Path) && o.Kind == OrgKind.MobileGroup),
                v.Count, v.Sum(x => x.ProblemsRaised), v.Sum(x => x.ProblemsSolved), suggestions.Count(In), reports.Count(In), contacts.Count(In));
        }

        return new MobileYearReport(year, For(org.Id, org.Name, path), [.. children.Select(c => For(c.Id, c.Name, c.Path))]);
    }
}
