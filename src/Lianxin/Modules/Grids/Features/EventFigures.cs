using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Grids.Features;

/// <summary>
/// The figures of the closed loop for a subtree and a period of report dates: reported, accepted, closed, overdue,
/// average and p90 handling hours (report → 办结), 办结率 = closed ÷ reported, satisfaction — in total, by top-level
/// category and by source network. A merged duplicate is not counted as reported (it is the same event twice).
/// </summary>
public static class EventFigureFeatures
{
    public sealed record Query(Guid? OrgId, DateOnly? From, DateOnly? To);

    private sealed record Fact(Guid CategoryRootId, EventNetwork Network, EventStatus Status, DateTime ReportedAt, DateTime? AcceptedAt,
        DateTime? ClosedAt, DateTime? Deadline, DateTime? HandledAt, int? Rating);

    public static async Task<Results<Ok<EventFigures>, NotFound, ValidationProblem>> Get([AsParameters] Query q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var to = q.To ?? db.Today;
        var from = q.From ?? new DateOnly(to.Year, 1, 1);
        if (from > to) return Problems.Validation("from", "开始日期不能晚于结束日期");
        if (to.DayNumber - from.DayNumber > 366 * 5) return Problems.Validation("from", "统计区间最长5年");
        var settings = await SettingsStore.Read<GridSettings>(db, GridSettings.Key, ct);
        var (lo, hi) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        // One row per event, only the columns the figures need (a district-year is tens of thousands of narrow rows).
        var facts = await db.GridEvents.AsNoTracking().WithinSubtree(db.Scope, path)
            .Where(e => e.ReportedAt >= lo && e.ReportedAt < hi && e.Status != EventStatus.Merged)
            .Select(e => new Fact(e.CategoryRootId, e.Network, e.Status, e.ReportedAt, e.AcceptedAt, e.ClosedAt, e.Deadline, e.HandledAt, e.Rating))
            .ToListAsync(ct);
        var categories = await db.EventCategories.AsNoTracking().Where(c => c.ParentId == null).OrderBy(c => c.SortOrder)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var now = db.Now;
        FigureLine Line(string key, string label, IEnumerable<Fact> rows) => Compute(key, label, [.. rows], now, settings);
        var byCategory = categories.Select(c => Line(c.Id.ToString(), c.Name, facts.Where(f => f.CategoryRootId == c.Id))).Where(l => l.Reported > 0).ToList();
        var byNetwork = Enum.GetValues<EventNetwork>().Select(n => Line(n.ToString(), EventLabels.Of(n), facts.Where(f => f.Network == n))).ToList();
        var rule = $"保留{settings.RateDecimals}位小数，{(settings.RateRounding == RateRounding.Round ? "四舍五入" : "直接舍去")}";
        return TypedResults.Ok(new EventFigures(from, to, rule, Line("total", "合计", facts), byCategory, byNetwork));
    }

    private static FigureLine Compute(string key, string label, List<Fact> rows, DateTime now, GridSettings s)
    {
        var closed = rows.Where(r => r.Status == EventStatus.Closed).ToList();
        var hours = closed.Where(r => r.ClosedAt is not null).Select(r => (r.ClosedAt!.Value - r.ReportedAt).TotalHours).Order().ToList();
        var overdue = rows.Count(r => EventWorkflow.Overdue(r.Status, r.Deadline, r.HandledAt, now));
        var rated = rows.Where(r => r.Rating is not null).ToList();
        return new FigureLine(key, label, rows.Count, rows.Count(r => r.AcceptedAt is not null), closed.Count, overdue,
            Rates.Percent(closed.Count, rows.Count, s.RateDecimals, s.RateRounding),
            hours.Count == 0 ? null : Math.Round(hours.Average(), 1), Rates.Percentile(hours, 90) is { } p90 ? Math.Round(p90, 1) : null,
            Rates.Percent(rated.Count(r => r.Rating >= s.SatisfiedFromStars), rated.Count, s.RateDecimals, s.RateRounding),
            rated.Count == 0 ? null : Math.Round(rated.Average(r => r.Rating!.Value), 2));
    }

    /// <summary>Events with a point, for the map (newest first, at most 5,000).</summary>
    public static async Task<Results<Ok<List<MapPoint>>, NotFound>> Map(Guid? orgId, DateOnly? from, DateOnly? to, bool? open, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, orgId, ct);
        if (path is null) return TypedResults.NotFound();
        var rows = EventFeatures.Filter(db.GridEvents.AsNoTracking().WithinSubtree(db.Scope, path),
            new EventFeatures.ListQuery(null, null, null, null, null, null, null, null, open, from, to, null, null, null), db.Now).Where(e => e.Lon != null);
        var list = await rows.OrderByDescending(e => e.ReportedAt).Take(5000)
            .Select(e => new { e.Id, e.Number, e.Lon, e.Lat, e.Status, e.CategoryName, e.Deadline, e.HandledAt }).ToListAsync(ct);
        var now = db.Now;
        return TypedResults.Ok(list.Select(e => new MapPoint(e.Id, e.Number, e.Lon!.Value, e.Lat!.Value, e.Status, e.CategoryName,
            EventWorkflow.Overdue(e.Status, e.Deadline, e.HandledAt, now))).ToList());
    }
}
