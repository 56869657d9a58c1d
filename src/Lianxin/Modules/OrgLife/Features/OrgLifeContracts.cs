using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.OrgLife.Domain;

using Persistence = Lianxin.Platform.Persistence;

namespace Lianxin.Modules.OrgLife.Features;

public sealed record AttendanceInput(Guid? MemberId, bool? Present, string? AbsenceReason);

/// <summary>A 三会一课 record as the form sends it; Submit=true submits it (drafts may be incomplete).</summary>
public sealed record MeetingInput(Guid? OrgId, MeetingKind? Kind, Guid? GroupId, DateOnly? HeldOn, string? StartTime, string? EndTime,
    string? Place, string? Host, string? Topic, string? Minutes, IReadOnlyList<AttendanceInput>? Attendance, bool Submit = false, Guid? Version = null);

public sealed record MeetingRow(Guid Id, Guid OrgId, string OrgName, MeetingKind Kind, string KindLabel, DateOnly HeldOn, string StartTime,
    string? EndTime, string Topic, string Place, string Host, MeetingStatus Status, int ExpectedCount, int PresentCount, int AttachmentCount);

public sealed record AttendanceRow(Guid MemberId, string MemberName, bool Present, string? AbsenceReason);

public sealed record AttachmentRow(Guid Id, string FileName, string ContentType, long Size, DateTime CreatedAt, string? CreatedBy);

public sealed record MeetingDetail(Guid Id, Guid OrgId, string OrgName, MeetingKind Kind, string KindLabel, Guid? GroupId, string? GroupName,
    DateOnly HeldOn, string StartTime, string? EndTime, string Place, string Host, string Topic, string? Minutes, MeetingStatus Status,
    int ExpectedCount, int PresentCount, IReadOnlyList<AttendanceRow> Attendance, IReadOnlyList<AttachmentRow> Attachments,
    DateTime? SubmittedAt, string? SubmittedBy, DateTime? ReturnedAt, string? ReturnedBy, string? ReturnComment,
    bool CanEdit, bool CanReturn, DateTime CreatedAt, DateTime UpdatedAt, Guid Version);

public sealed record ReturnRequest(string? Comment);

/// <summary>A member on an attendance list; FlowIn marks a mobile member taking part here whose membership is elsewhere (OrgName is then the home organization).</summary>
public sealed record RosterMember(Guid MemberId, string Name, Guid OrgId, string OrgName, MemberCategory Category, MemberStatus Status, bool FlowIn = false);

public sealed record BranchGroup(Guid Id, string Name);

public sealed record BranchRoster(Guid OrgId, string OrgName, bool IsBranch, IReadOnlyList<BranchGroup> Groups, IReadOnlyList<RosterMember> Members);

public sealed record KindRule(MeetingKind Kind, string Label, Frequency Frequency, string FrequencyLabel);

public sealed record OrgLifeSettingsView(IReadOnlyList<KindRule> Rules, IReadOnlyList<string> ThemedDayRequiredParts, int OverdueReminderDay,
    int MaxAttachmentMegabytes);

public sealed record OrgLifeSettingsInput(Dictionary<MeetingKind, Frequency>? Frequencies, IReadOnlyList<string>? ThemedDayRequiredParts,
    int? OverdueReminderDay, int? MaxAttachmentMegabytes);

/// <summary>
/// Another module's lines for the monthly reminder of each branch (e.g. mobile members' missing reports). Given the
/// branches of the subtree (id → path), returns lines keyed by branch id. Registered in DI; MonthlyReminders asks each.
/// </summary>
public interface IBranchReminderSource
{
    Task<ILookup<Guid, string>> LinesAsync(Persistence.AppDbContext db, IReadOnlyDictionary<string, Guid> branchByPath, string path, bool overdue, CancellationToken ct);
}
