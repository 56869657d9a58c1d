namespace Lianxin.Modules.OrgLife.Domain;

/// <summary>三会一课: the four kinds of regular meeting a branch holds.</summary>
public enum MeetingKind { GeneralMeeting, CommitteeMeeting, GroupMeeting, PartyLecture }

/// <summary>How often a kind of meeting is due.</summary>
public enum Frequency { Monthly, Quarterly, Yearly }

public static class MeetingKinds
{
    public static readonly IReadOnlyList<MeetingKind> All =
        [MeetingKind.GeneralMeeting, MeetingKind.CommitteeMeeting, MeetingKind.GroupMeeting, MeetingKind.PartyLecture];

    public static string Label(MeetingKind k) => k switch
    {
        MeetingKind.GeneralMeeting => "支部党员大会",
        MeetingKind.CommitteeMeeting => "支委会",
        MeetingKind.GroupMeeting => "党小组会",
        _ => "党课",
    };

    public static string Label(Frequency f) => f switch { Frequency.Monthly => "每月", Frequency.Quarterly => "每季度", _ => "每年" };
}

/// <summary>A month, as year and month; the unit of every organizational-life period.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public static YearMonth Of(DateOnly d) => new(d.Year, d.Month);
    public int Key => Year * 100 + Month;
    public DateOnly First => new(Year, Month, 1);
    public DateOnly Last => First.AddMonths(1).AddDays(-1);
    public YearMonth Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);
    public YearMonth Previous => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);
    public int CompareTo(YearMonth other) => Key.CompareTo(other.Key);
    public static bool operator <(YearMonth a, YearMonth b) => a.Key < b.Key;
    public static bool operator >(YearMonth a, YearMonth b) => a.Key > b.Key;
    public static bool operator <=(YearMonth a, YearMonth b) => a.Key <= b.Key;
    public static bool operator >=(YearMonth a, YearMonth b) => a.Key >= b.Key;
    public override string ToString() => $"{Year}-{Month:00}";
}

/// <summary>One stretch of time in which a meeting kind is due once: a month, a quarter or a year.</summary>
public readonly record struct DueUnit(YearMonth From, YearMonth To, string Label)
{
    public bool Contains(YearMonth m) => m >= From && m <= To;
}

public enum UnitState { Held, Missing, Pending, NotDue }

/// <summary>
/// The compliance rules, pure: which units of a frequency overlap a period, and whether each is held, missing,
/// still open, or not yet due on a given day. A quarterly meeting held in October counts for a report of November
/// alone, because the unit is the whole quarter; a quarter is missing only once it has ended without one.
/// </summary>
public static class ComplianceRules
{
    public static DueUnit UnitOf(Frequency f, YearMonth m) => f switch
    {
        Frequency.Monthly => new DueUnit(m, m, $"{m.Year}年{m.Month}月"),
        Frequency.Quarterly => Quarter(m),
        _ => new DueUnit(new YearMonth(m.Year, 1), new YearMonth(m.Year, 12), $"{m.Year}年"),
    };

    private static DueUnit Quarter(YearMonth m)
    {
        var q = (m.Month - 1) / 3;
        return new DueUnit(new YearMonth(m.Year, q * 3 + 1), new YearMonth(m.Year, q * 3 + 3), $"{m.Year}年第{"一二三四"[q]}季度");
    }

    /// <summary>The units of a frequency that overlap the months [from, to], in order.</summary>
    public static List<DueUnit> UnitsOverlapping(Frequency f, YearMonth from, YearMonth to)
    {
        var units = new List<DueUnit>();
        for (var m = from; m <= to; m = m.Next)
        {
            var u = UnitOf(f, m);
            if (units.Count == 0 || units[^1] != u) units.Add(u);
        }
        return units;
    }

    public static UnitState StateOf(DueUnit unit, bool held, DateOnly today)
    {
        if (held) return UnitState.Held;
        var now = YearMonth.Of(today);
        if (unit.From > now) return UnitState.NotDue;
        return unit.To < now ? UnitState.Missing : UnitState.Pending;
    }

    public static string Label(UnitState s) => s switch
    {
        UnitState.Held => "已开展",
        UnitState.Missing => "未开展",
        UnitState.Pending => "待开展",
        _ => "未到期",
    };
}
