namespace Lianxin;

/// <summary>
/// Calendar days and clock times as users see them: China Standard Time (UTC+8, no daylight saving).
/// Instants are stored in UTC; this is the one place that turns them into dates and back.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The calendar date in China at a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    /// <summary>The UTC instant at which a China calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Offset;

    /// <summary>A UTC instant as China wall-clock time, e.g. 2026-12-01 14:30.</summary>
    public static string Format(DateTime utc) => (utc + Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
