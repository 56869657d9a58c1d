using Lianxin.Modules.Members.Domain;

namespace Lianxin.UnitTests.Modules;

public sealed class MembershipRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly Birth = new(1990, 6, 15);

    private static List<(string Field, string Message)> Check(DateOnly joined, DateOnly? full, MemberStatus status) =>
        [.. MembershipRules.Check(Birth, joined, full, status, Today)];

    [Fact]
    public void A_full_member_who_joined_at_18_and_waited_a_year_is_valid() =>
        Assert.Empty(Check(new DateOnly(2008, 6, 15), new DateOnly(2009, 6, 15), MemberStatus.Full));

    [Fact]
    public void Joining_the_day_before_the_18th_birthday_is_refused() =>
        Assert.Contains(("joinedOn", "入党时应年满18周岁"), Check(new DateOnly(2008, 6, 14), new DateOnly(2009, 6, 14), MemberStatus.Full));

    [Fact]
    public void Full_membership_needs_a_date_a_year_after_joining()
    {
        Assert.Contains(("fullMemberOn", "正式党员须填写转正日期"), Check(new DateOnly(2010, 1, 1), null, MemberStatus.Full));
        Assert.Contains(("fullMemberOn", "转正日期应在入党满一年之后（预备期为一年）"), Check(new DateOnly(2010, 1, 1), new DateOnly(2010, 12, 31), MemberStatus.Full));
    }

    [Fact]
    public void A_probationary_member_has_no_full_membership_date() =>
        Assert.Contains(("fullMemberOn", "预备党员不应有转正日期"), Check(new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1), MemberStatus.Probationary));

    [Fact]
    public void Future_dates_are_refused()
    {
        Assert.Contains(("joinedOn", "入党日期不能晚于今天"), Check(new DateOnly(2027, 1, 1), null, MemberStatus.Probationary));
        Assert.Contains(("fullMemberOn", "转正日期不能晚于今天"), Check(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), MemberStatus.Full));
    }

    [Theory]
    [InlineData("1976-07-01", "2026-07-01", 50)]
    [InlineData("1976-07-02", "2026-07-01", 49)]
    [InlineData("2000-02-29", "2026-02-28", 25)]
    public void Party_age_counts_whole_years(string joined, string on, int years) =>
        Assert.Equal(years, MembershipRules.PartyAge(DateOnly.Parse(joined, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("19912345678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("+8613812345678", false)]
    public void Mainland_mobile_numbers(string value, bool valid) => Assert.Equal(valid, MobileNumber.IsValid(MobileNumber.Normalize(value)));

    [Fact]
    public void Phone_numbers_with_spaces_or_dashes_are_normalised() => Assert.True(MobileNumber.IsValid(MobileNumber.Normalize("138-1234 5678")));
}
