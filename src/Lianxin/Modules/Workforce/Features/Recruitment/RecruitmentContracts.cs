using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Workforce.Domain;

namespace Lianxin.Modules.Workforce.Features.Recruitment;

public sealed record ConditionInput(string? Text, ConditionRule? Rule, int? MaxAge, Education? MinEducation, string? RegionPrefixes,
    List<PoliticalStatus>? Politics);

/// <summary>A position of the announcement form; Id keeps an existing position when the draft is saved again.</summary>
public sealed record PositionInput(Guid? Id, string? Name, WorkerPost? Post, Guid? CommunityId, int? Places, int? PayPost, int? Level, int? Step);

public sealed record AnnouncementInput(Guid? OrgId, string? Title, DateOnly? ApplyFrom, DateOnly? ApplyTo, List<PositionInput>? Positions,
    List<ConditionInput>? Conditions, List<string>? Disqualifications, List<string>? ReviewDepartments, decimal? WrittenWeight,
    decimal? InterviewWeight, int? PublicityDays, bool? PublicityWorkingDays, string? Note, Guid? Version = null);

public sealed record AnnouncementQuery(Guid? OrgId, AnnouncementStatus? Status, int? Year, string? Q, int? Page, int? PageSize);

public sealed record AnnouncementRow(Guid Id, Guid OrgId, string OrgName, string Title, DateOnly ApplyFrom, DateOnly ApplyTo,
    AnnouncementStatus Status, string StatusLabel, int Positions, int Places, int Applications, int Passed, int Hired,
    DateOnly? PublicityFrom, DateOnly? PublicityTo);

public sealed record PositionRow(Guid Id, string Name, WorkerPost Post, string PostLabel, Guid CommunityId, string CommunityName, int Places,
    int PayPost, int Level, int Step, int Applications);

public sealed record ConditionView(string Text, ConditionRule Rule, string RuleLabel, int? MaxAge, Education? MinEducation, string? MinEducationLabel,
    string? RegionPrefixes, IReadOnlyList<PoliticalStatus> Politics);

/// <summary>One line of the public 公示 list: the name masked (张*明).</summary>
public sealed record PublicityRow(string MaskedName, string PositionName, string CommunityName, decimal Total, int Rank, bool Hired);

public sealed record PublicityView(DateOnly From, DateOnly To, int Days, bool WorkingDays, bool Ended, IReadOnlyList<PublicityRow> Rows);

public sealed record AnnouncementDetail(AnnouncementRow Summary, IReadOnlyList<PositionRow> Positions, IReadOnlyList<ConditionView> Conditions,
    IReadOnlyList<string> Disqualifications, IReadOnlyList<string> ReviewDepartments, decimal WrittenWeight, decimal InterviewWeight,
    int PublicityDays, bool PublicityWorkingDays, string? Note, PublicityView? Publicity, bool CanHire, string? HireBlockedReason,
    DateTime CreatedAt, DateTime UpdatedAt, Guid Version);

/// <summary>The checklists a new announcement starts with.</summary>
public sealed record AnnouncementDefaults(IReadOnlyList<ConditionView> Conditions, IReadOnlyList<string> Disqualifications,
    IReadOnlyList<string> ReviewDepartments, decimal WrittenWeight, decimal InterviewWeight, int PublicityDays, bool PublicityWorkingDays);

/// <summary>
/// An application form. On update a null IdNumber or Phone keeps the stored value (the form shows them masked).
/// </summary>
public sealed record ApplicationInput(Guid? PositionId, string? Name, string? IdNumber, string? Phone, Education? Education,
    PoliticalStatus? PoliticalStatus, string? ResidenceCode, string? Address, Guid? Version = null);

public sealed record ApplicationQuery(Guid? PositionId, ReviewResult? Review, string? Q, int? Page, int? PageSize);

public sealed record CheckRow(string Text, ConditionRule Rule, CheckOutcome Outcome, string OutcomeLabel, string? Detail);

public sealed record ApplicationRow(Guid Id, Guid AnnouncementId, Guid PositionId, string PositionName, string CommunityName, string Name,
    Gender Gender, int Age, string IdNumberMasked, string? PhoneMasked, Education? Education, string? EducationLabel,
    PoliticalStatus PoliticalStatus, string PoliticalStatusLabel, string? ResidenceCode, CheckOutcome AutoCheck, string AutoCheckLabel,
    IReadOnlyList<CheckRow> Checks, ReviewResult Review, string ReviewLabel, decimal? WrittenScore, decimal? InterviewScore, decimal? Total,
    bool Proposed, Guid? HiredWorkerId, string Stage, ApplicationSource Source);

public sealed record ApplicationDetail(ApplicationRow Application, string? Address, IReadOnlyList<ReviewOpinion> Opinions, string? ReviewReason,
    DateOnly? ReviewedOn, string? ReviewedBy, DateOnly? HiredOn, IReadOnlyList<string> ReviewDepartments, IReadOnlyList<string> Disqualifications,
    DateTime CreatedAt, DateTime UpdatedAt, Guid Version);

public sealed record OpinionInput(string? Department, bool? Clear, string? Note);

/// <summary>联审: every department's opinion, and the result (不通过 with a reason).</summary>
public sealed record ReviewInput(ReviewResult? Result, List<OpinionInput>? Opinions, string? Reason);

/// <summary>Written and interview scores, 0–100 with one decimal; null leaves that score not yet entered.</summary>
public sealed record ScoresInput(decimal? WrittenScore, decimal? InterviewScore);

public sealed record RankingRow(Guid ApplicationId, string Name, string IdNumberMasked, decimal WrittenScore, decimal InterviewScore, decimal Total,
    int Rank, bool SharedRank, int HiringOrder, RankStanding Standing, string StandingLabel, bool Proposed, bool Hired);

public sealed record PositionRanking(Guid PositionId, string PositionName, string CommunityName, int Places, int Unscored, IReadOnlyList<RankingRow> Rows);

public sealed record RankingView(Guid AnnouncementId, decimal WrittenWeight, decimal InterviewWeight, IReadOnlyList<PositionRanking> Positions);

/// <summary>
/// 公示 of the proposed hires: from a day (a past day records a 公示 that already happened), for a number of days
/// (the announcement's setting when null).
/// </summary>
public sealed record PublicizeInput(DateOnly? From, int? Days, bool? WorkingDays, List<Guid>? ApplicationIds);

/// <summary>Hire proposed applicants (all not yet hired when ApplicationIds is null).</summary>
public sealed record HireInput(DateOnly? HireDate, List<Guid>? ApplicationIds);

public sealed record HiredRow(Guid ApplicationId, Guid WorkerId, string Name, string CommunityName);

public sealed record HireResult(IReadOnlyList<HiredRow> Hired, AnnouncementDetail Announcement);
