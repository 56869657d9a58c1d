namespace Lianxin.Modules.Members.Domain;

/// <summary>Date rules of party membership (党章: at least 18 to join; a probationary year before full membership).</summary>
public static class MembershipRules
{
    public const int MinimumJoinAge = 18;

    public static IEnumerable<(string Field, string Message)> Check(
        DateOnly birthDate, DateOnly joinedOn, DateOnly? fullMemberOn, MemberStatus status, DateOnly today)
    {
        if (joinedOn > today) yield return ("joinedOn", "入党日期不能晚于今天");
        if (joinedOn < Anniversary(birthDate, MinimumJoinAge)) yield return ("joinedOn", "入党时应年满18周岁");
        if (status == MemberStatus.Full)
        {
            if (fullMemberOn is null) yield return ("fullMemberOn", "正式党员须填写转正日期");
            else
            {
                if (fullMemberOn < Anniversary(joinedOn, 1)) yield return ("fullMemberOn", "转正日期应在入党满一年之后（预备期为一年）");
                if (fullMemberOn > today) yield return ("fullMemberOn", "转正日期不能晚于今天");
            }
        }
        else if (fullMemberOn is not null)
        {
            yield return ("fullMemberOn", "预备党员不应有转正日期");
        }
    }

    /// <summary>Whole years from a date (pass 转正日期 for 党龄, the date of joining for 入党年数) to another.</summary>
    public static int PartyAge(DateOnly joinedOn, DateOnly on)
    {
        var years = on.Year - joinedOn.Year;
        return on < Anniversary(joinedOn, years) ? years - 1 : years;
    }

    /// <summary>The date <paramref name="years"/> years on; a 29 February falls on 1 March in common years.</summary>
    public static DateOnly Anniversary(DateOnly date, int years)
    {
        var d = date.AddYears(years);
        return date is { Month: 2, Day: 29 } && d.Day == 28 ? d.AddDays(1) : d;
    }
}
