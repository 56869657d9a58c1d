using System.Globalization;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform.Excel;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.OrgLife.Features;

public sealed record KindCell(MeetingKind Kind, bool Applies, int Due, int Held, int Missing, int Pending, int Meetings);

public sealed record BranchCompliance(Guid OrgId, string OrgName, string ParentName, int MemberCount, IReadOnlyList<KindCell> Kinds,
    int Missing, int Pending, int Meetings, double? AttendanceRate, bool Compliant);

public sealed record KindTotal(MeetingKind Kind, string Label, int Due, int Held, int Missing);

public sealed record ComplianceSummary(string From, string To, IReadOnlyList<KindRule> Rules, int Branches, int CompliantBranches,
    int DueTotal, int HeldTotal, int MissingTotal, double? AttendanceRate, IReadOnlyList<KindTotal> Kinds, PageOf<BranchCompliance> Rows);

public sealed record UnitMeeting(Guid Id, DateOnly HeldOn, string Topic, int PresentCount, int ExpectedCount);

public sealed record UnitView(string Label, string From, string To, UnitState State, string StateLabel, IReadOnlyList<UnitMeeting> Meetings);

public sealed record KindDetail(MeetingKind Kind, string Label, Frequency Frequency, string FrequencyLabel, bool Applies, IReadOnlyList<UnitView> Units);

public sealed record BranchComplianceDetail(Guid OrgId, string OrgName, string From, string To, int MemberCount, IReadOnlyList<KindDetail> Kinds,
    int Missing, int Pending, int Meetings, int Expected, int Present, double? AttendanceRate, int DraftOrReturned);

/// <summary>
/// Compliance is computed from the submitted records, never typed in: for every branch in a subtree and every
/// meeting kind, the due units (months, quarters or years, by the settings) that overlap the period, whether each
/// was held, and attendance over the period's meetings.
/// </summary>
public static class ComplianceFeatures
{
    public sealed record Query(Guid? OrgId, string? From, string? To, bool? OnlyMissing, int? Page, int? PageSize);

    internal sealed record BranchInfo(Guid Id, string Path, string Name, Guid? ParentId, bool HasGroups, int MemberCount);

    internal sealed record MonthTally(Guid OrgId, MeetingKind Kind, int HeldMonth, int Count, int Expected, int Present);

    /// <summary>One branch's computed state: per kind, the units with their states.</summary>
    internal sealed record BranchResult(BranchInfo Branch, Dictionary<MeetingKind, List<(DueUnit Unit, UnitState State)>> Units,
        int Meetings, int Expected, int Present)
    {
        public int Count(UnitState s) => Units.Values.Sum(l => l.Count(u => u.State == s));
        public double? Rate => Expected == 0 ? null : Math.Round(100.0 * Present / Expected, 1);
    }

    internal static (YearMonth From, YearMonth To)? ParsePeriod(string? from, string? to, DateOnly today, Dictionary<string, string[]> errors)
    {
        static YearMonth? Parse(string? s) =>
            DateOnly.TryParseExact((s ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? YearMonth.Of(d) : null;
        var now = YearMonth.Of(today);
        var f = string.IsNullOrWhiteSpace(from) ? new YearMonth(now.Year, 1) : Parse(from);
        var t = string.IsNullOrWhiteSpace(to) ? now : Parse(to);
        if (f is null) errors["from"] = ["开始月份格式应为 yyyy-MM，如 2026-01"];
        if (t is null) errors["to"] = ["结束月份格式应为 yyyy-MM，如 2026-12"];
        if (f is null || t is null) return null;
        if (f.Value > t.Value) { errors["to"] = ["结束月份不能早于开始月份"]; return null; }
        if ((t.Value.Year - f.Value.Year) * 12 + t.Value.Month - f.Value.Month >= 36) { errors["to"] = ["统计期间最长36个月"]; return null; }
        if (f.Value.Year < 2000) { errors["from"] = ["开始月份不能早于2000年"]; return null; }
        return (f.Value, t.Value);
    }

    /// <summary>The active branches in a subtree with whether each has groups and its members (groups included).</summary>
    internal static async Task<List<BranchInfo>> Branches(AppDbContext db, string path, CancellationToken ct)
    {
        var hi = OrgPath.UpperBound(path);
        var orgs = await db.PartyOrgs.AsNoTracking()
            .Where(o => string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, hi) < 0 && o.Status == OrgStatus.Active)
            .Select(o => new { o.Id, o.ParentId, o.Path, o.Name, o.Kind, o.MemberCount }).ToListAsync(ct);
        var groups = orgs.Where(o => OrgLifeOrgs.GroupKinds.Contains(o.Kind) && o.ParentId is not null).ToLookup(o => o.ParentId!.Value);
        return [.. orgs.Where(o => OrgLifeOrgs.IsBranch(o.Kind)).OrderBy(o => o.Path, StringComparer.Ordinal)
            .Select(o => new BranchInfo(o.Id, o.Path, o.Name, o.ParentId, groups[o.Id].Any(), o.MemberCount + groups[o.Id].Sum(g => g.MemberCount)))];
    }

    /// <summary>Submitted meetings of a subtree by branch, kind and month, between two months.</summary>
    internal static async Task<List<MonthTally>> Tallies(AppDbContext db, string path, YearMonth from, YearMonth to, CancellationToken ct)
    {
        var (lo, hiMonth) = (from.Key, to.Key);
        return await db.Meetings.AsNoTracking().WithinSubtree(db.Scope, path)
            .Where(m => m.Status == MeetingStatus.Submitted && m.HeldMonth >= lo && m.HeldMonth <= hiMonth)
            .GroupBy(m => new { m.OrgId, m.Kind, m.HeldMonth })
            .Select(g => new MonthTally(g.Key.OrgId, g.Key.Kind, g.Key.HeldMonth, g.Count(), g.Sum(m => m.ExpectedCount), g.Sum(m => m.PresentCount)))
            .ToListAsync(ct);
    }

    internal static List<BranchResult> Evaluate(List<BranchInfo> branches, List<MonthTally> tallies, OrgLifeSettings settings,
        YearMonth from, YearMonth to, DateOnly today)
    {
        var byBranch = tallies.ToLookup(t => t.OrgId);
        var results = new List<BranchResult>(branches.Count);
        foreach (var b in branches)
        {
            var mine = byBranch[b.Id].ToList();
            var units = new Dictionary<MeetingKind, List<(DueUnit, UnitState)>>();
            foreach (var kind in MeetingKinds.All)
            {
                if (kind == MeetingKind.GroupMeeting && !b.HasGroups) { units[kind] = []; continue; }
                var freq = settings.FrequencyOf(kind);
                units[kind] = [.. ComplianceRules.UnitsOverlapping(freq, from, to).Select(u =>
                    (u, ComplianceRules.StateOf(u, mine.Any(t => t.Kind == kind && u.Contains(FromKey(t.HeldMonth))), today)))];
            }
            var inPeriod = mine.Where(t => t.HeldMonth >= from.Key && t.HeldMonth <= to.Key).ToList();
            results.Add(new BranchResult(b, units, inPeriod.Sum(t => t.Count), inPeriod.Sum(t => t.Expected), inPeriod.Sum(t => t.Present)));
        }
        return results;
    }

    internal static YearMonth FromKey(int key) => new(key / 100, key % 100);

    /// <summary>The months the units of every kind overlapping [from, to] span.</summary>
    internal static (YearMonth From, YearMonth To) Extent(OrgLifeSettings s, YearMonth from, YearMonth to) =>
        (MeetingKinds.All.Select(k => ComplianceRules.UnitOf(s.FrequencyOf(k), from).From).Min(),
         MeetingKinds.All.Select(k => ComplianceRules.UnitOf(s.FrequencyOf(k), to).To).Max());

    internal static async Task<(List<BranchResult> Results, OrgLifeSettings Settings)?> Compute(AppDbContext db, string path, YearMonth from, YearMonth to, CancellationToken ct)
    {
        var settings = await SettingsStore.Read<OrgLifeSettings>(db, OrgLifeSettings.Key, ct);
        var branches = await Branches(db, path, ct);
        var (extFrom, extTo) = Extent(settings, from, to);
        var tallies = await Tallies(db, path, extFrom, extTo, ct);
        return (Evaluate(branches, tallies, settings, from, to, db.Today), settings);
    }

    internal static IReadOnlyList<KindRule> Rules(OrgLifeSettings s) =>
        [.. MeetingKinds.All.Select(k => new KindRule(k, MeetingKinds.Label(k), s.FrequencyOf(k), MeetingKinds.Label(s.FrequencyOf(k))))];

    private static BranchCompliance Row(BranchResult r, Dictionary<Guid, string> parentNames) =>
        new(r.Branch.Id, r.Branch.Name, r.Branch.ParentId is { } p ? parentNames.GetValueOrDefault(p, "") : "", r.Branch.MemberCount,
            [.. MeetingKinds.All.Select(k =>
            {
                var u = r.Units[k];
                return new KindCell(k, u.Count > 0 || k != MeetingKind.GroupMeeting || r.Branch.HasGroups, u.Count(x => x.State != UnitState.NotDue),
                    u.Count(x => x.State == UnitState.Held), u.Count(x => x.State == UnitState.Missing), u.Count(x => x.State == UnitState.Pending), 0);
            })],
            r.Count(UnitState.Missing), r.Count(UnitState.Pending), r.Meetings, r.Rate, r.Count(UnitState.Missing) == 0);

    public static async Task<Results<Ok<ComplianceSummary>, NotFound, ValidationProblem>> Summary([AsParameters] Query q, AppDbContext db, CancellationToken ct)
    {
        var (path, period, error) = await Resolve(db, q.OrgId, q.From, q.To, ct);
        if (error is not null) return error;
        if (path is null) return TypedResults.NotFound();
        var (results, settings) = (await Compute(db, path, period.From, period.To, ct))!.Value;
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var parentNames = await ParentNames(db, results, ct);
        var filtered = q.OnlyMissing == true ? results.Where(r => r.Count(UnitState.Missing) > 0).ToList() : results;
        var rows = filtered.Skip((page - 1) * size).Take(size).Select(r => Row(r, parentNames)).ToList();
        var expected = results.Sum(r => r.Expected);
        return TypedResults.Ok(new ComplianceSummary(period.From.ToString(), period.To.ToString(), Rules(settings), results.Count,
            results.Count(r => r.Count(UnitState.Missing) == 0),
            results.Sum(r => r.Units.Values.Sum(l => l.Count(u => u.State != UnitState.NotDue))), results.Sum(r => r.Count(UnitState.Held)),
            results.Sum(r => r.Count(UnitState.Missing)), expected == 0 ? null : Math.Round(100.0 * results.Sum(r => r.Present) / expected, 1),
            [.. MeetingKinds.All.Select(k => new KindTotal(k, MeetingKinds.Label(k),
                results.Sum(r => r.Units[k].Count(u => u.State != UnitState.NotDue)), results.Sum(r => r.Units[k].Count(u => u.State == UnitState.Held)),
                results.Sum(r => r.Units[k].Count(u => u.State == UnitState.Missing))))],
            new PageOf<BranchCompliance>(rows, filtered.Count, page, size)));
    }

    private static async Task<Dictionary<Guid, string>> ParentNames(AppDbContext db, List<BranchResult> results, CancellationToken ct)
    {
        var ids = results.Where(r => r.Branch.ParentId is not null).Select(r => r.Branch.ParentId!.Value).Distinct().ToList();
        return await db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static async Task<(string? Path, (YearMonth From, YearMonth To) Period, ValidationProblem? Error)> Resolve(
        AppDbContext db, Guid? orgId, string? from, string? to, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var period = ParsePeriod(from, to, db.Today, errors);
        if (period is null) return (null, default, Problems.Validation(errors));
        var path = orgId is { } id ? await db.PartyOrgs.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct) : db.Scope.RootPath ?? OrgPath.Root;
        return (path, period.Value, null);
    }

    public sealed record BranchQuery(Guid OrgId, string? From, string? To);

    public static async Task<Results<Ok<BranchComplianceDetail>, NotFound, ValidationProblem>> Branch([AsParameters] BranchQuery q, AppDbContext db, CancellationToken ct)
    {
        var detail = await BranchDetail(db, q, ct);
        return detail.Error is not null ? detail.Error : detail.Value is null ? TypedResults.NotFound() : TypedResults.Ok(detail.Value);
    }

    private static async Task<(BranchComplianceDetail? Value, ValidationProblem? Error)> BranchDetail(AppDbContext db, BranchQuery q, CancellationToken ct)
    {
        var (path, period, error) = await Resolve(db, q.OrgId, q.From, q.To, ct);
        if (error is not null) return (null, error);
        if (path is null) return (null, null);
        var branch = await db.PartyOrgs.AsNoTracking().FirstAsync(o => o.Id == q.OrgId, ct);
        if (!OrgLifeOrgs.IsBranch(branch.Kind))
            return (null, Problems.Validation("orgId", $"请选择党支部；{OrgKinds.Label(branch.Kind)}请查看汇总表"));
        var (results, settings) = (await Compute(db, path, period.From, period.To, ct))!.Value;
        var r = results.First(x => x.Branch.Id == branch.Id);
        var (extFrom, extTo) = Extent(settings, period.From, period.To);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.OrgId == branch.Id && m.HeldMonth >= extFrom.Key && m.HeldMonth <= extTo.Key)
            .OrderBy(m => m.HeldOn).Select(m => new { m.Id, m.Kind, m.HeldOn, m.HeldMonth, m.Topic, m.PresentCount, m.ExpectedCount, m.Status })
            .ToListAsync(ct);
        var submitted = meetings.Where(m => m.Status == MeetingStatus.Submitted).ToList();
        var kinds = MeetingKinds.All.Select(k => new KindDetail(k, MeetingKinds.Label(k), settings.FrequencyOf(k), MeetingKinds.Label(settings.FrequencyOf(k)),
            k != MeetingKind.GroupMeeting || r.Branch.HasGroups,
            [.. r.Units[k].Select(u => new UnitView(u.Unit.Label, u.Unit.From.ToString(), u.Unit.To.ToString(), u.State, ComplianceRules.Label(u.State),
                [.. submitted.Where(m => m.Kind == k && u.Unit.Contains(FromKey(m.HeldMonth)))
                    .Select(m => new UnitMeeting(m.Id, m.HeldOn, m.Topic, m.PresentCount, m.ExpectedCount))]))])).ToList();
        var pendingRecords = meetings.Count(m => m.Status != MeetingStatus.Submitted && m.HeldMonth >= period.From.Key && m.HeldMonth <= period.To.Key);
        return (new BranchComplianceDetail(branch.Id, branch.Name, period.From.ToString(), period.To.ToString(), r.Branch.MemberCount, kinds,
            r.Count(UnitState.Missing), r.Count(UnitState.Pending), r.Meetings, r.Expected, r.Present, r.Rate, pendingRecords), null);
    }

    public static async Task<IResult> ExportSummary([AsParameters] Query q, AppDbContext db, CancellationToken ct)
    {
        var (path, period, error) = await Resolve(db, q.OrgId, q.From, q.To, ct);
        if (error is not null) return error;
        if (path is null) return TypedResults.NotFound();
        var (results, _) = (await Compute(db, path, period.From, period.To, ct))!.Value;
        var parentNames = await ParentNames(db, results, ct);
        var columns = new List<XlsxColumn> { new("党组织", 30), new("上级组织", 24), new("党员数", 8) };
        foreach (var k in MeetingKinds.All) columns.AddRange([new($"{MeetingKinds.Label(k)}应开", 10), new($"{MeetingKinds.Label(k)}已开", 10), new($"{MeetingKinds.Label(k)}未开", 10)]);
        columns.AddRange([new("会议次数", 10), new("出勤率(%)", 10), new("是否达标", 10)]);
        var rows = results.Select(r => Row(r, parentNames)).Select(b =>
        {
            var cells = new List<object?> { b.OrgName, b.ParentName, b.MemberCount };
            foreach (var k in b.Kinds) cells.AddRange(k.Applies ? [k.Due, k.Held, k.Missing] : ["不适用", null, null]);
            cells.AddRange([b.Meetings, b.AttendanceRate, b.Compliant ? "达标" : "未达标"]);
            return cells.ToArray();
        });
        db.Audit("export", "三会一课", null, $"导出三会一课落实情况 {period.From}至{period.To}，{results.Count}个支部");
        await db.SaveChangesAsync(ct);
        return await Xlsx.File($"三会一课落实情况_{period.From}_{period.To}.xlsx", [new XlsxSheet("落实情况", columns, Xlsx.Rows(rows))], ct);
    }

    public static async Task<IResult> ExportBranch([AsParameters] BranchQuery q, AppDbContext db, CancellationToken ct)
    {
        var (detail, error) = await BranchDetail(db, q, ct);
        if (error is not null) return error;
        if (detail is null) return TypedResults.NotFound();
        var rows = detail.Kinds.Where(k => k.Applies).SelectMany(k => k.Units.Select(u => new object?[]
        {
            k.Label, k.FrequencyLabel, u.Label, u.StateLabel, u.Meetings.Count,
            string.Join("；", u.Meetings.Select(m => $"{m.HeldOn:yyyy-MM-dd} {m.Topic}（出席{m.PresentCount}/{m.ExpectedCount}）")),
        }));
        db.Audit("export", "三会一课", detail.OrgId.ToString(), $"导出 {detail.OrgName} 三会一课落实情况 {detail.From}至{detail.To}");
        await db.SaveChangesAsync(ct);
        return await Xlsx.File($"{detail.OrgName}_三会一课_{detail.From}_{detail.To}.xlsx",
            [new XlsxSheet("落实情况", [new("会议类型", 14), new("频次要求", 10), new("期间", 18), new("状态", 10), new("次数", 8), new("会议", 60)], Xlsx.Rows(rows))], ct);
    }
}
