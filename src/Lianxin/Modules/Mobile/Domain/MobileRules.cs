using Lianxin.Modules.OrgLife.Domain;

namespace Lianxin.Modules.Mobile.Domain;

/// <summary>
/// Mobile-member settings (key "mobile"), defaults from DOMAIN §4 and the issue: reports monthly; the no-contact list
/// after 30 days; a contact confirmed within 90 days counts for 联系方式清; organizational life within the last
/// quarter (3 months) counts for 组织生活清.
/// </summary>
public sealed class MobileSettings
{
    public const string Key = "mobile";

    public Frequency ReportFrequency { get; set; } = Frequency.Monthly;
    public int NoContactDays { get; set; } = 30;
    public int ContactValidDays { get; set; } = 90;
    public int OrgLifeWindowMonths { get; set; } = 3;
}

/// <summary>The schedule of 定期报告: which periods an episode owes a report for.</summary>
public static class ReportPeriods
{
    public static DateOnly Start(DateOnly d, Frequency f) => f switch
    {
        Frequency.Monthly => new DateOnly(d.Year, d.Month, 1),
        Frequency.Quarterly => new DateOnly(d.Year, ((d.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(d.Year, 1, 1),
    };

    public static DateOnly Next(DateOnly start, Frequency f) => f switch
    {
        Frequency.Monthly => start.AddMonths(1),
        Frequency.Quarterly => start.AddMonths(3),
        _ => start.AddYears(1),
    };

    public static string Key(DateOnly d, Frequency f) => f switch
    {
        Frequency.Monthly => $"{d.Year:D4}-{d.Month:D2}",
        Frequency.Quarterly => $"{d.Year:D4}Q{((d.Month - 1) / 3) + 1}",
        _ => $"{d.Year:D4}",
    };

    public static string Label(string key) => key.Length switch
    {
        7 when key[4] == '-' => $"{key[..4]}年{int.Parse(key[5..], System.Globalization.CultureInfo.InvariantCulture)}月",
        6 when key[4] == 'Q' => $"{key[..4]}年第{key[5]}季度",
        4 => $"{key}年度",
        _ => key,
    };

    /// <summary>Does the key name a period of this schedule (e.g. "2026-11" for monthly)?</summary>
    public static bool IsValid(string key, Frequency f) => Parse(key, f) is not null;

    public static DateOnly? Parse(string key, Frequency f)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            return f switch
            {
                Frequency.Monthly when key.Length == 7 && key[4] == '-' => new DateOnly(int.Parse(key[..4], inv), int.Parse(key[5..], inv), 1),
                Frequency.Quarterly when key.Length == 6 && key[4] == 'Q' && key[5] is >= '1' and <= '4' => new DateOnly(int.Parse(key[..4], inv), ((key[5] - '1') * 3) + 1, 1),
                Frequency.Yearly when key.Length == 4 => new DateOnly(int.Parse(key, inv), 1, 1),
                _ => null,
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException) { return null; }
    }

    /// <summary>
    /// The periods owed by an episode active from <paramref name="from"/> to <paramref name="until"/> (its return, or
    /// today): every period it overlaps that has ended before today. The period running today is not yet owed.
    /// </summary>
    public static List<string> Owed(DateOnly from, DateOnly until, DateOnly today, Frequency f)
    {
        var result = new List<string>();
        for (var p = Start(from, f); p <= until; p = Next(p, f))
        {
            if (Next(p, f) > today) break; // this period has not ended yet
            result.Add(Key(p, f));
        }
        return result;
    }
}

/// <summary>The facts 四清 is scored on, for one mobile member.</summary>
public sealed record FourClearFacts(
    bool HasApprovedEpisode,
    IReadOnlyList<string> MissingProfileFields,
    DateOnly? LastReachableContact,
    DateOnly? LastOrgLife);

public sealed record FourClearScore(bool Registered, bool Profile, bool Contact, bool OrgLife)
{
    public int Score => (Registered ? 1 : 0) + (Profile ? 1 : 0) + (Contact ? 1 : 0) + (OrgLife ? 1 : 0);
}

public enum FourClearItem { Registered, Profile, Contact, OrgLife }

/// <summary>
/// 四清: 底数清 (registered, with an approved open episode), 基本情况清 (the required profile fields present),
/// 联系方式清 (a reachable contact on or after today − ContactValidDays), 组织生活清 (organizational life on or after
/// today − OrgLifeWindowMonths, at home or on the flow-in side).
/// </summary>
public static class FourClear
{
    public static string Label(FourClearItem i) => i switch
    {
        FourClearItem.Registered => "底数清",
        FourClearItem.Profile => "基本情况清",
        FourClearItem.Contact => "联系方式清",
        _ => "组织生活清",
    };

    public static DateOnly ContactSince(DateOnly today, MobileSettings s) => today.AddDays(-s.ContactValidDays);

    public static DateOnly OrgLifeSince(DateOnly today, MobileSettings s) => today.AddMonths(-s.OrgLifeWindowMonths);

    public static FourClearScore Score(FourClearFacts f, DateOnly today, MobileSettings s) => new(
        f.HasApprovedEpisode,
        f.MissingProfileFields.Count == 0,
        f.LastReachableContact is { } c && c >= ContactSince(today, s) && c <= today,
        f.LastOrgLife is { } o && o >= OrgLifeSince(today, s) && o <= today);

    public static bool Passes(FourClearScore s, FourClearItem i) => i switch
    {
        FourClearItem.Registered => s.Registered,
        FourClearItem.Profile => s.Profile,
        FourClearItem.Contact => s.Contact,
        _ => s.OrgLife,
    };
}
