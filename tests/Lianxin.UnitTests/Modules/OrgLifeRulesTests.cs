using Lianxin.Modules.OrgLife.Domain;

namespace Lianxin.UnitTests.Modules;

public sealed class OrgLifeRulesTests
{
    private static YearMonth M(int y, int m) => new(y, m);

    [Fact]
    public void A_period_across_a_quarter_boundary_owes_both_quarters_and_each_month()
    {
        var quarters = ComplianceRules.UnitsOverlapping(Frequency.Quarterly, M(2026, 2), M(2026, 4));
        Assert.Equal(["2026年第一季度", "2026年第二季度"], quarters.Select(q => q.Label));
        Assert.Equal((M(2026, 1), M(2026, 3)), (quarters[0].From, quarters[0].To));
        Assert.Equal(3, ComplianceRules.UnitsOverlapping(Frequency.Monthly, M(2026, 2), M(2026, 4)).Count);
        // Across a year end too.
        Assert.Equal(["2025年第四季度", "2026年第一季度"], ComplianceRules.UnitsOverlapping(Frequency.Quarterly, M(2025, 12), M(2026, 1)).Select(q => q.Label));
    }

    [Fact]
    public void A_quarter_is_missing_only_after_it_ends_and_a_meeting_in_its_first_month_covers_it()
    {
        var q4 = ComplianceRules.UnitOf(Frequency.Quarterly, M(2026, 11));
        Assert.True(q4.Contains(M(2026, 10)));
        Assert.False(q4.Contains(M(2026, 9)));
        Assert.Equal(UnitState.Pending, ComplianceRules.StateOf(q4, held: false, new DateOnly(2026, 11, 22)));
        Assert.Equal(UnitState.Missing, ComplianceRules.StateOf(q4, held: false, new DateOnly(2027, 1, 1)));
        Assert.Equal(UnitState.Held, ComplianceRules.StateOf(q4, held: true, new DateOnly(2026, 11, 22)));
        Assert.Equal(UnitState.NotDue, ComplianceRules.StateOf(ComplianceRules.UnitOf(Frequency.Monthly, M(2026, 12)), false, new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void A_29_February_joining_day_is_celebrated_on_1_March_in_common_years()
    {
        var joined = new DateOnly(1996, 2, 29);
        Assert.Equal(new DateOnly(2026, 3, 1), PartyDates.BirthdayIn(joined, 2026));
        Assert.Equal(new DateOnly(2028, 2, 29), PartyDates.BirthdayIn(joined, 2028));
        Assert.Equal([2, 3], PartyDates.JoinMonthsFor(2026, 3));
        Assert.Equal([3], PartyDates.JoinMonthsFor(2028, 3));
    }

    [Fact]
    public void The_medal_cutoff_is_1_July_fifty_years_back()
    {
        Assert.Equal(new DateOnly(1976, 7, 1), PartyDates.MedalCutoff(2026));
        Assert.Equal(50, Lianxin.Modules.Members.Domain.MembershipRules.PartyAge(new DateOnly(1976, 7, 1), new DateOnly(2026, 7, 1)));
        Assert.Equal(49, Lianxin.Modules.Members.Domain.MembershipRules.PartyAge(new DateOnly(1976, 7, 2), new DateOnly(2026, 7, 1)));
    }
}
