using System.Text.Json;
using Lianxin.Modules.Grids.Domain;

namespace Lianxin.UnitTests.Modules;

public sealed class GridRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>The closed loop as the issue states it, written out independently of the workflow table.</summary>
    private static readonly HashSet<(EventStatus, EventAction)> Legal =
    [
        (EventStatus.Reported, EventAction.Accept), (EventStatus.Reported, EventAction.Merge), (EventStatus.Reported, EventAction.Reject),
        (EventStatus.Accepted, EventAction.Dispatch),
        (EventStatus.Dispatched, EventAction.Return), (EventStatus.Dispatched, EventAction.Start), (EventStatus.Dispatched, EventAction.Escalate),
        (EventStatus.InProgress, EventAction.Progress), (EventStatus.InProgress, EventAction.Feedback), (EventStatus.InProgress, EventAction.Escalate),
        (EventStatus.Feedback, EventAction.Pass), (EventStatus.Feedback, EventAction.Fail),
        (EventStatus.Closed, EventAction.Rate), (EventStatus.Closed, EventAction.Reopen),
    ];

    private static readonly Dictionary<(EventStatus, EventAction), EventStatus> Moves = new()
    {
        [(EventStatus.Reported, EventAction.Accept)] = EventStatus.Accepted,
        [(EventStatus.Reported, EventAction.Merge)] = EventStatus.Merged,
        [(EventStatus.Reported, EventAction.Reject)] = EventStatus.Rejected,
        [(EventStatus.Accepted, EventAction.Dispatch)] = EventStatus.Dispatched,
        [(EventStatus.Dispatched, EventAction.Return)] = EventStatus.Accepted,
        [(EventStatus.Dispatched, EventAction.Start)] = EventStatus.InProgress,
        [(EventStatus.InProgress, EventAction.Feedback)] = EventStatus.Feedback,
        [(EventStatus.Feedback, EventAction.Pass)] = EventStatus.Closed,
        [(EventStatus.Feedback, EventAction.Fail)] = EventStatus.InProgress,
        [(EventStatus.Closed, EventAction.Reopen)] = EventStatus.InProgress,
    };

    [Fact]
    public void Every_state_and_action_pair_is_either_a_listed_transition_or_refused_with_both_named()
    {
        var checkedPairs = 0;
        foreach (var status in Enum.GetValues<EventStatus>())
            foreach (var action in Enum.GetValues<EventAction>())
            {
                checkedPairs++;
                if (Legal.Contains((status, action)))
                {
                    Assert.True(EventWorkflow.Allowed(status, action), $"{status} + {action} should be allowed");
                    var next = EventWorkflow.Next(status, action);
                    Assert.Equal(Moves.GetValueOrDefault((status, action), status), next);
                }
                else
                {
                    Assert.False(EventWorkflow.Allowed(status, action), $"{status} + {action} should be refused");
                    var e = Assert.Throws<DomainException>(() => EventWorkflow.Next(status, action));
                    Assert.Contains(EventLabels.Of(status), e.Message);
                    Assert.Contains(EventLabels.Of(action), e.Message);
                }
            }
        Assert.Equal(Enum.GetValues<EventStatus>().Length * Enum.GetValues<EventAction>().Length, checkedPairs);
    }

    [Fact]
    public void Overdue_runs_while_handling_stops_at_feedback_and_restarts_when_the_check_fails()
    {
        var deadline = Now.AddHours(24);
        Assert.False(EventWorkflow.Overdue(EventStatus.InProgress, deadline, null, deadline));          // at the deadline itself: not yet
        Assert.True(EventWorkflow.Overdue(EventStatus.InProgress, deadline, null, deadline.AddMinutes(1)));
        Assert.False(EventWorkflow.Overdue(EventStatus.Feedback, deadline, deadline.AddHours(-1), deadline.AddDays(3))); // handled in time
        Assert.True(EventWorkflow.Overdue(EventStatus.Closed, deadline, deadline.AddHours(1), deadline.AddDays(3)));     // handled late
        Assert.False(EventWorkflow.Overdue(EventStatus.Accepted, null, null, deadline.AddDays(3)));                      // no deadline before dispatch
    }

    [Theory]
    [InlineData(739, 743, 2, RateRounding.Round, "99.46")]
    [InlineData(739, 743, 1, RateRounding.Truncate, "99.4")]
    [InlineData(739, 743, 1, RateRounding.Round, "99.5")]
    [InlineData(1, 3, 0, RateRounding.Truncate, "33")]
    [InlineData(2, 3, 2, RateRounding.Round, "66.67")]
    [InlineData(2, 3, 2, RateRounding.Truncate, "66.66")]
    [InlineData(5, 5, 1, RateRounding.Round, "100.0")]
    public void Rates_are_published_with_the_set_decimals_rounded_or_truncated(long n, long d, int decimals, RateRounding rounding, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Rates.Percent(n, d, decimals, rounding));

    [Fact]
    public void A_rate_over_nothing_is_absent_and_p90_is_the_nearest_rank()
    {
        Assert.Null(Rates.Percent(0, 0, 2, RateRounding.Round));
        Assert.Null(Rates.Percentile([], 90));
        var ten = Enumerable.Range(1, 10).Select(i => (double)i).ToList();
        Assert.Equal(9, Rates.Percentile(ten, 90));
        Assert.Equal(10, Rates.Percentile([.. Enumerable.Range(1, 11).Select(i => (double)i)], 90));
        Assert.Equal(5, Rates.Percentile([5], 90));
    }

    private static JsonElement Geo(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Boundaries_that_are_not_closed_self_intersect_or_lie_outside_China_are_refused_with_a_reason()
    {
        var (ok, error) = GridShape.Parse(Geo("""{"type":"Polygon","coordinates":[[[116.5,35.7],[116.51,35.7],[116.51,35.71],[116.5,35.71],[116.5,35.7]]]}"""));
        Assert.Null(error);
        Assert.InRange(ok!.AreaSquareMetres, 800_000, 1_100_000);   // about 1.1 km × 0.9 km at 35.7°N

        Assert.Contains("未闭合", GridShape.Parse(Geo("""{"type":"Polygon","coordinates":[[[116.5,35.7],[116.51,35.7],[116.51,35.71],[116.5,35.71]]]}""")).Error);
        Assert.Contains("自相交", GridShape.Parse(Geo("""{"type":"Polygon","coordinates":[[[116.5,35.7],[116.51,35.71],[116.51,35.7],[116.5,35.71],[116.5,35.7]]]}""")).Error);
        Assert.Contains("中国范围", GridShape.Parse(Geo("""{"type":"Polygon","coordinates":[[[35.7,116.5],[35.71,116.5],[35.71,116.51],[35.7,116.51],[35.7,116.5]]]}""")).Error);
        Assert.Contains("多边形", GridShape.Parse(Geo("""{"type":"Point","coordinates":[116.5,35.7]}""")).Error);
        Assert.NotNull(GridShape.Parse(Geo("""{"type":"Polygon","coordinates":"abc"}""")).Error);
        Assert.NotNull(GridShape.Parse(null).Error);
        // A Feature wrapping a polygon is accepted.
        Assert.Null(GridShape.Parse(Geo("""{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[116.5,35.7],[116.51,35.7],[116.51,35.71],[116.5,35.7]]]}}""")).Error);
    }

    [Fact]
    public void Neighbours_sharing_a_border_do_not_overlap_but_a_shifted_copy_does()
    {
        static GridShape Square(double lon) => GridShape.Parse(Geo(
            $$"""{"type":"Polygon","coordinates":[[[{{lon}},35.7],[{{lon + 0.01}},35.7],[{{lon + 0.01}},35.71],[{{lon}},35.71],[{{lon}},35.7]]]}""")).Shape!;
        var a = Square(116.50);
        Assert.False(a.Overlaps(Square(116.51)));   // shares the east edge
        Assert.True(a.Overlaps(Square(116.505)));
        Assert.False(a.Overlaps(Square(116.60)));
        Assert.True(Square(116.50).Within(a));
        Assert.False(Square(116.505).Within(a));
    }

    [Fact]
    public void Mediation_and_finding_rules_hold_at_their_edges()
    {
        var c = MediationCase.Create(Guid.NewGuid(), "/a/", null, "邻里漏水纠纷", ["张某", "李某"], "王调解", "和事佬", new DateOnly(2026, 11, 1), Now);
        Assert.Throws<DomainException>(() => c.AddSession(new DateOnly(2026, 10, 31), null, "x"));
        c.AddSession(new DateOnly(2026, 11, 1), "社区", "首次调解");
        Assert.Throws<DomainException>(() => c.Conclude(MediationOutcome.Pending, new DateOnly(2026, 11, 2), null));
        c.Conclude(MediationOutcome.Success, new DateOnly(2026, 11, 2), null);
        Assert.Throws<DomainException>(() => c.AddSession(new DateOnly(2026, 11, 3), null, "x"));
        Assert.Throws<DomainException>(() => c.Conclude(MediationOutcome.Failure, new DateOnly(2026, 11, 3), null));

        var f = new InspectionFinding(Guid.NewGuid(), Guid.NewGuid(), "楼道堆放杂物", Guid.NewGuid(), new DateOnly(2026, 11, 20));
        Assert.False(f.IsOverdue(new DateOnly(2026, 11, 20)));
        Assert.True(f.IsOverdue(new DateOnly(2026, 11, 21)));
        Assert.Throws<DomainException>(() => f.Recheck(true, null, null, new DateOnly(2026, 11, 21), null));      // no after photo
        Assert.Throws<DomainException>(() => f.Recheck(false, null, null, new DateOnly(2026, 11, 21), null));     // no new deadline
        f.Recheck(false, null, "仍有杂物", new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 28));
        Assert.Equal(FindingStatus.Reopened, f.Status);
        Assert.False(f.IsOverdue(new DateOnly(2026, 11, 25)));
        f.Recheck(true, Guid.NewGuid(), "已清理", new DateOnly(2026, 11, 26), null);
        Assert.Equal(FindingStatus.Rectified, f.Status);
        Assert.Equal(2, f.RecheckCount);
        Assert.False(f.IsOverdue(new DateOnly(2027, 1, 1)));
        Assert.Throws<DomainException>(() => f.Recheck(true, Guid.NewGuid(), null, new DateOnly(2026, 11, 27), null));
    }

    [Fact]
    public void Grid_levels_nest_one_step_at_a_time_and_dedicated_grids_sit_anywhere_but_inside_each_other()
    {
        Assert.True(GridLabels.MayContain(null, GridLevel.First));
        Assert.False(GridLabels.MayContain(null, GridLevel.Second));
        Assert.True(GridLabels.MayContain(GridLevel.First, GridLevel.Second));
        Assert.False(GridLabels.MayContain(GridLevel.First, GridLevel.Third));
        Assert.True(GridLabels.MayContain(GridLevel.Second, GridLevel.Third));
        Assert.False(GridLabels.MayContain(GridLevel.Third, GridLevel.Third));
        Assert.True(GridLabels.MayContain(GridLevel.Third, GridLevel.Dedicated));
        Assert.True(GridLabels.MayContain(null, GridLevel.Dedicated));
        Assert.False(GridLabels.MayContain(GridLevel.Dedicated, GridLevel.Dedicated));
    }
}
