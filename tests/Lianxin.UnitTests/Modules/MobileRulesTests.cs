using Lianxin.Modules.Mobile.Domain;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform;

namespace Lianxin.UnitTests.Modules;

public sealed class MobileRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTime Now = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);

    private static MobileEpisode Episode(DateOnly left, DateOnly expected)
    {
        var e = MobileEpisode.Register(Guid.NewGuid(), Guid.NewGuid(), "张三", Guid.NewGuid(), "/a/", "clerk", Now);
        e.SetDetails("370102", "山东省济南市历下区", "泉城路1号", OutboundReason.Work, null, left, expected, Now);
        return e;
    }

    [Fact]
    public void An_approved_episode_past_its_expected_end_is_overdue_until_the_member_returns()
    {
        var e = Episode(new DateOnly(2026, 1, 10), new DateOnly(2026, 11, 21));
        Assert.False(e.IsOverdue(Today)); // pending: not yet away
        e.Approve("县委组织部", Now);
        Assert.True(e.IsOverdue(Today));
        Assert.False(e.IsOverdue(new DateOnly(2026, 11, 21))); // the expected day itself is not overdue
        e.Return(Today, null, Today, Now);
        Assert.False(e.IsOverdue(Today));
        Assert.False(e.IsOpen);
    }

    [Fact]
    public void Only_a_pending_episode_is_decided_and_only_an_approved_one_returns_on_a_day_inside_its_run()
    {
        var e = Episode(new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 31));
        Assert.Equal("status", Assert.Throws<DomainException>(() => e.Return(Today, null, Today, Now)).Field);
        e.Approve("x", Now);
        Assert.Throws<DomainException>(() => e.Approve("x", Now));
        Assert.Throws<DomainException>(() => e.Reject("迟了", "x", Now));
        Assert.Throws<DomainException>(() => e.Withdraw(Now));
        Assert.Equal("returnedOn", Assert.Throws<DomainException>(() => e.Return(new DateOnly(2026, 2, 28), null, Today, Now)).Field);
        Assert.Equal("returnedOn", Assert.Throws<DomainException>(() => e.Return(Today.AddDays(1), null, Today, Now)).Field);
        Assert.Throws<DomainException>(() => Episode(new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void Reports_are_owed_for_every_ended_period_the_episode_overlaps_and_not_for_the_running_one()
    {
        Assert.Equal(["2026-08", "2026-09", "2026-10"], ReportPeriods.Owed(new DateOnly(2026, 8, 31), Today, Today, Frequency.Monthly));
        Assert.Empty(ReportPeriods.Owed(new DateOnly(2026, 11, 1), Today, Today, Frequency.Monthly));
        // A return in September ends the obligation there.
        Assert.Equal(["2026-08", "2026-09"], ReportPeriods.Owed(new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 2), Today, Frequency.Monthly));
        // Quarterly across a year end; the fourth quarter of 2026 is still running.
        Assert.Equal(["2025Q4", "2026Q1", "2026Q2", "2026Q3"], ReportPeriods.Owed(new DateOnly(2025, 12, 31), Today, Today, Frequency.Quarterly));
        Assert.Equal("2026年第3季度", ReportPeriods.Label("2026Q3"));
        Assert.Equal("2026年2月", ReportPeriods.Label("2026-02"));
        Assert.Equal(new DateOnly(2024, 2, 1), ReportPeriods.Parse("2024-02", Frequency.Monthly));
        Assert.Null(ReportPeriods.Parse("2026-13", Frequency.Monthly));
        Assert.Null(ReportPeriods.Parse("2026Q5", Frequency.Quarterly));
        Assert.False(ReportPeriods.IsValid("2026-11", Frequency.Quarterly));
    }

    private static FourClearScore Score(bool approved = true, string[]? missing = null, DateOnly? contact = null, DateOnly? orgLife = null) =>
        FourClear.Score(new FourClearFacts(approved, missing ?? [], contact ?? Today, orgLife ?? Today), Today, new MobileSettings());

    [Fact]
    public void Contact_counts_for_exactly_ninety_days_and_organizational_life_for_exactly_three_months()
    {
        Assert.True(Score(contact: Today.AddDays(-90)).Contact);
        Assert.False(Score(contact: Today.AddDays(-91)).Contact);
        Assert.True(Score(orgLife: new DateOnly(2026, 8, 22)).OrgLife);
        Assert.False(Score(orgLife: new DateOnly(2026, 8, 21)).OrgLife);
        // A date in the future (mis-entered) proves nothing.
        Assert.False(Score(contact: Today.AddDays(1)).Contact);
        Assert.False(FourClear.Score(new FourClearFacts(true, [], null, null), Today, new MobileSettings()).Contact);
        // The windows are settings.
        Assert.True(FourClear.Score(new FourClearFacts(true, [], Today.AddDays(-100), Today), Today, new MobileSettings { ContactValidDays = 120 }).Contact);
    }

    [Fact]
    public void The_score_counts_the_items_passed()
    {
        Assert.Equal(4, Score().Score);
        Assert.Equal(3, Score(approved: false).Score);
        Assert.Equal(2, Score(approved: false, missing: ["学历"]).Score);
        Assert.Equal(0, FourClear.Score(new FourClearFacts(false, ["学历"], null, null), Today, new MobileSettings()).Score);
        Assert.False(FourClear.Passes(Score(missing: ["学历"]), FourClearItem.Profile));
        Assert.True(FourClear.Passes(Score(missing: ["学历"]), FourClearItem.Registered));
    }

    [Fact]
    public void A_visit_cannot_solve_more_problems_than_were_raised()
    {
        var v = MobileVisit.Record(Guid.NewGuid(), null, Guid.NewGuid(), "张三", Guid.NewGuid(), "/a/", Guid.NewGuid(), "x", Now);
        Assert.Equal("problemsSolved", Assert.Throws<DomainException>(() => v.Set(VisitKind.Routine, Today, "李书记", null, "医保", 1, 2, Now)).Field);
        Assert.Equal("problems", Assert.Throws<DomainException>(() => v.Set(VisitKind.Routine, Today, "李书记", null, null, 1, 0, Now)).Field);
        v.Set(VisitKind.Holiday, Today, "李书记", "春节慰问", "医保异地报销", 2, 1, Now);
        Assert.Equal((2, 1), (v.ProblemsRaised, v.ProblemsSolved));
    }
}
