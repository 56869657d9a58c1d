namespace Lianxin.Modules.OrgLife.Domain;

/// <summary>
/// Organizational-life settings (key "orglife"). The defaults are the rules of DOMAIN §3: 支部党员大会 and 党课 at
/// least once a quarter, 支委会 and 党小组会 at least once a month; the themed day's required parts; the day of the
/// month on which overdue reminders go out.
/// </summary>
public sealed class OrgLifeSettings
{
    public const string Key = "orglife";

    public Dictionary<MeetingKind, Frequency> Frequencies { get; set; } = new()
    {
        [MeetingKind.GeneralMeeting] = Frequency.Quarterly,
        [MeetingKind.CommitteeMeeting] = Frequency.Monthly,
        [MeetingKind.GroupMeeting] = Frequency.Monthly,
        [MeetingKind.PartyLecture] = Frequency.Quarterly,
    };

    public List<string> ThemedDayRequiredParts { get; set; } = ["重温入党誓词", "过政治生日", "学习党章党规"];

    /// <summary>Day of the month on which "what is still owed" reminders are sent.</summary>
    public int OverdueReminderDay { get; set; } = 20;

    /// <summary>Largest attachment accepted, in megabytes.</summary>
    public int MaxAttachmentMegabytes { get; set; } = 10;

    public Frequency FrequencyOf(MeetingKind k) => Frequencies.TryGetValue(k, out var f) ? f : Frequency.Monthly;
}
