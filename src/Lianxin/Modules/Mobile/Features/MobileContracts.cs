using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Mobile.Domain;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Mobile.Features;

/// <summary>外出报备 as the form sends it.</summary>
public sealed record EpisodeInput(Guid? MemberId, string? DestinationRegionCode, string? DestinationRegionName, string? DestinationAddress, OutboundReason? Reason,
    string? ReasonNote, DateOnly? LeftOn, DateOnly? ExpectedReturnOn, string? ContactPhone, string? ContactWeChat, Guid? FlowInOrgId,
    Guid? Version = null);

/// <summary>Which side of an episode a list shows: the home side (流出), the flow-in side (流入) or both.</summary>
public enum EpisodeSide { Out, In, All }

/// <summary>How an episode shows in lists: its status, or 逾期未返 for an approved one past its expected end.</summary>
public enum EpisodeState { Pending, Away, Overdue, Returned, Rejected, Withdrawn }

public sealed record EpisodeRow(Guid Id, Guid MemberId, string MemberName, Guid HomeOrgId, string HomeOrgName, Guid? FlowInOrgId,
    string? FlowInOrgName, bool FlowInIsMobileOrg, string DestinationRegionName, string DestinationAddress, OutboundReason Reason,
    string ReasonLabel, DateOnly LeftOn, DateOnly ExpectedReturnOn, DateOnly? ReturnedOn, EpisodeState State, string StateLabel,
    string ContactPhoneMasked, bool IsFlowInSide, int OverdueDays);

public sealed record EpisodeMember(Guid MemberId, string Name, Gender Gender, int Age, string? PhoneMasked, MemberStatus Status,
    MemberCategory Category, string CategoryLabel, DateOnly JoinedOn, Guid OrgId, string OrgName);

public sealed record LiaisonRow(Guid Id, Guid? LiaisonMemberId, string LiaisonName, LiaisonRole Role, string RoleLabel, DateOnly Since, DateOnly? EndedOn);

public sealed record ContactRow(Guid Id, Guid? LiaisonId, string ContactedBy, ContactChannel Channel, string ChannelLabel, DateOnly ContactedOn,
    bool Reachable, string Content, string RecordedByOrgName, string CreatedBy);

public sealed record ReportRow(Guid Id, string Period, string PeriodLabel, DateOnly FiledOn, string Content, string RecordedByOrgName, string CreatedBy);

public sealed record ActivityRow(Guid Id, ActivityKind Kind, string KindLabel, DateOnly OccurredOn, string Content, string RecordedByOrgName,
    bool ByFlowInSide, string CreatedBy);

public sealed record MeetingTaken(Guid MeetingId, string OrgName, string KindLabel, DateOnly HeldOn, string Topic);

public sealed record ReportDue(string Period, string Label, bool Filed);

public sealed record EpisodeDetail(Guid Id, EpisodeMember Member, Guid HomeOrgId, string HomeOrgName, Guid? FlowInOrgId, string? FlowInOrgName,
    bool FlowInIsMobileOrg, string DestinationRegionCode, string DestinationRegionName, string DestinationAddress, OutboundReason Reason,
    string ReasonLabel, string? ReasonNote, DateOnly LeftOn, DateOnly ExpectedReturnOn, string ContactPhoneMasked, string? ContactWeChat,
    EpisodeState State, string StateLabel, int OverdueDays, DateTime? DecidedAt, string? DecidedBy, string? RejectReason, DateOnly? ReturnedOn,
    string? ReturnNote, DateTime CreatedAt, string CreatedBy, bool IsFlowInSide, bool CanEdit, bool CanDecide, bool CanReturn,
    IReadOnlyList<ReportDue> Reports, IReadOnlyList<ReportRow> ReportsFiled, IReadOnlyList<ActivityRow> Activities,
    IReadOnlyList<MeetingTaken> Meetings, IReadOnlyList<LiaisonRow> Liaisons, IReadOnlyList<ContactRow> Contacts, Guid Version);

public sealed record RejectRequest(string? Reason);

public sealed record ReturnInput(DateOnly? ReturnedOn, string? Note);

public sealed record ReportInput(string? Period, DateOnly? FiledOn, string? Content);

public sealed record ActivityInput(ActivityKind? Kind, DateOnly? OccurredOn, string? Content);

public sealed record LiaisonInput(Guid? LiaisonMemberId, string? LiaisonName, LiaisonRole? Role, DateOnly? Since);

public sealed record ContactInput(Guid? LiaisonId, string? ContactedBy, ContactChannel? Channel, DateOnly? ContactedOn, bool? Reachable, string? Content);

public sealed record ContactPhone(string Phone);

/// <summary>A candidate flow-in organization, anywhere in the tree (a destination is usually outside one's own subtree).</summary>
public sealed record FlowInOrgOption(Guid Id, string Name, string KindLabel, string? ParentName, bool IsMobileOrg);

/// <summary>A mobile member nobody has reached for N days (or ever), for the 1+N list.</summary>
public sealed record NoContactRow(Guid MemberId, string MemberName, Guid EpisodeId, string HomeOrgName, string DestinationRegionName,
    DateOnly? LastContactOn, int? DaysSince, IReadOnlyList<string> Liaisons);

public sealed record MissingReportRow(Guid EpisodeId, Guid MemberId, string MemberName, string HomeOrgName, string DestinationRegionName,
    IReadOnlyList<string> MissingPeriods, IReadOnlyList<string> MissingLabels);

public sealed record VisitInput(Guid? MemberId, VisitKind? Kind, DateOnly? VisitedOn, string? Visitors, string? Notes, string? Problems,
    int? ProblemsRaised, int? ProblemsSolved, Guid? Version = null);

public sealed record VisitRow(Guid Id, Guid MemberId, string MemberName, string HomeOrgName, VisitKind Kind, string KindLabel, DateOnly VisitedOn,
    string Visitors, string? Notes, string? Problems, int ProblemsRaised, int ProblemsSolved, string RecordedByOrgName, Guid Version);

public sealed record SuggestionInput(Guid? MemberId, DateOnly? FiledOn, SuggestionArea? Area, string? Title, string? Content);

public sealed record SuggestionResponse(SuggestionStatus? Status, string? Response, Guid? Version = null);

public sealed record SuggestionRow(Guid Id, Guid MemberId, string MemberName, string HomeOrgName, DateOnly FiledOn, SuggestionArea Area,
    string AreaLabel, string Title, string Content, SuggestionStatus Status, string StatusLabel, string? Response, Guid Version);

public sealed record FourClearCount(FourClearItem Item, string Label, int Passed, int Failed);

public sealed record FourClearSummary(int Members, int AllFour, double? AllFourRate, IReadOnlyList<FourClearCount> Items,
    IReadOnlyList<int> ByScore, DateOnly AsOf);

public sealed record FourClearRow(Guid MemberId, string MemberName, string HomeOrgName, Guid? EpisodeId, int Score, bool Registered,
    bool Profile, bool Contact, bool OrgLife, IReadOnlyList<string> MissingProfileFields, DateOnly? LastContactOn, DateOnly? LastOrgLifeOn);

/// <summary>The seed's figures for one organization (a row of the report) or a subtree total.</summary>
public sealed record MobileFigures(Guid OrgId, string OrgName, int MobileMembers, int Registered, int InMobileOrgs, int MobileBranches,
    int MobileGroups, int Visits, int ProblemsRaised, int ProblemsSolved, int Suggestions, int ReportsFiled, int Contacts);

public sealed record MobileYearReport(int Year, MobileFigures Total, IReadOnlyList<MobileFigures> Children);

public sealed record MobileSettingsView(Frequency ReportFrequency, int NoContactDays, int ContactValidDays, int OrgLifeWindowMonths);

public sealed record MobileSettingsInput(Frequency? ReportFrequency, int? NoContactDays, int? ContactValidDays, int? OrgLifeWindowMonths);

/// <summary>For other modules: the members flowing in to an organization's subtree now (approved, open episodes).</summary>
public static class FlowInMembers
{
    public sealed record FlowIn(Guid MemberId, string Name, Guid HomeOrgId, MemberCategory Category, MemberStatus Status);

    public static async Task<List<FlowIn>> Under(AppDbContext db, string path, CancellationToken ct)
    {
        var ids = await db.MobileEpisodes.CoManagedWithin(db.Scope, path).Where(e => e.Status == EpisodeStatus.Approved).Select(e => e.MemberId).ToListAsync(ct);
        if (ids.Count == 0) return [];
        // The members themselves live in their home organizations' subtrees: read past the scope, by the ids just found.
        return await db.Members.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(m => ids.Contains(m.Id) && !m.IsDeleted)
            .OrderBy(m => m.NameKey).Select(m => new FlowIn(m.Id, m.Name, m.OrgId, m.Category, m.Status)).ToListAsync(ct);
    }
}
