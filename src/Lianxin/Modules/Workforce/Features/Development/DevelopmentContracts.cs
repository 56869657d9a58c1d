using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Http;

namespace Lianxin.Modules.Workforce.Features.Development;

// ── 教育培训 ──

public sealed record TrainingQuery(Guid? OrgId, int? Year, TrainingKind? Kind, string? Q, int? Page, int? PageSize);

/// <summary>A training class: the organizer's organization, name, kind, dates, 学时, 主办单位, the attendance share to complete it.</summary>
public sealed record TrainingInput(Guid? OrgId, string? Name, TrainingKind? Kind, DateOnly? StartDate, DateOnly? EndDate, decimal? Hours,
    string? Organizer, int? CompletionPercent, Guid? Version = null);

public sealed record TrainingRow(Guid Id, Guid OrgId, string OrgName, string Name, TrainingKind Kind, string KindLabel, DateOnly StartDate,
    DateOnly EndDate, decimal Hours, string Organizer, int CompletionPercent, int Sessions, int Enrolled, int Completed);

public sealed record SessionInput(DateOnly? Date, string? Topic, decimal? Hours);

public sealed record SessionRow(Guid Id, DateOnly Date, string Topic, decimal Hours, int Present);

public sealed record EnrolInput(IReadOnlyList<Guid>? WorkerIds);

/// <summary>Marks of the attendance matrix: a worker present (or not) at a session.</summary>
public sealed record AttendanceInput(IReadOnlyList<AttendanceMark>? Marks);

public sealed record AttendanceMark(Guid? SessionId, Guid? WorkerId, bool? Present);

public sealed record EnrolmentRow(Guid WorkerId, string WorkerName, Guid OrgId, string OrgName, string PostLabel, int Attended, bool Completed,
    IReadOnlyList<Guid> PresentAt);

public sealed record TrainingDetail(TrainingRow Class, IReadOnlyList<SessionRow> Sessions, IReadOnlyList<EnrolmentRow> Enrolments,
    string CreatedBy, DateTime CreatedAt, Guid Version);

public sealed record OverdueQuery(Guid? OrgId, WorkerPost? Post, string? Q, int? Page, int? PageSize);

/// <summary>应训未训: an active worker whose training is due (a cycle after the last completed training, or after hiring).</summary>
public sealed record OverdueRow(Guid WorkerId, string Name, Guid OrgId, string OrgName, WorkerPost Post, string PostLabel, DateOnly HireDate,
    DateOnly? LastCompletedOn, int CycleYears, DateOnly DueOn, int DaysOverdue);

public sealed record OverdueReport(DateOnly On, int SecretaryYears, int OtherYears, int ActiveWorkers, int Overdue, PageOf<OverdueRow> Rows);

/// <summary>培训覆盖率 of a subtree in a year: active workers with a class completed in the year.</summary>
public sealed record CoverageReport(Guid? OrgId, string OrgName, int Year, int ActiveWorkers, int Trained, decimal? Percent, int Classes,
    decimal ClassHours, IReadOnlyList<Share> ByKind, IReadOnlyList<Share> ByPost);

// ── 考核评议 ──

public sealed record AssessmentQuery(Guid? OrgId, AssessmentKind? Kind, string? Period, AssessmentGrade? Grade, Guid? WorkerId, string? Q, int? Page, int? PageSize);

/// <summary>
/// An assessment: worker, kind and period on creation; the organization's rating and the residents' evaluation (0–100),
/// or a grade set directly by the organization.
/// </summary>
public sealed record AssessmentInput(Guid? WorkerId, AssessmentKind? Kind, string? Period, decimal? OrgRating, decimal? ResidentRating,
    AssessmentGrade? Grade, string? Note, Guid? Version = null);

public sealed record AssessmentRow(Guid Id, Guid WorkerId, string WorkerName, Guid OrgId, string OrgName, AssessmentKind Kind, string KindLabel,
    string Period, int Year, decimal? OrgRating, decimal? ResidentRating, decimal OrgWeight, decimal? Combined, AssessmentGrade Grade,
    string GradeLabel, bool GradeSetDirectly, string? Note, string CreatedBy, DateTime UpdatedAt, Guid Version);

/// <summary>The assessment saved, and the proposals its rules made now (none when they exist already).</summary>
public sealed record AssessmentSaved(AssessmentRow Assessment, IReadOnlyList<EffectRow> Proposed);

public sealed record SheetQuery(Guid? OrgId, AssessmentKind? Kind, string? Period, string? Q, int? Page, int? PageSize);

/// <summary>One line of the entry table of a period: an active worker and their assessment (null: not yet entered).</summary>
public sealed record SheetRow(Guid WorkerId, string WorkerName, Guid OrgId, string OrgName, WorkerPost Post, string PostLabel, AssessmentRow? Assessment);

public sealed record GradeCount(AssessmentGrade Grade, string Label, int Count);

public sealed record AssessmentSheet(AssessmentKind Kind, string Period, int Workers, int Entered, IReadOnlyList<GradeCount> Grades, PageOf<SheetRow> Rows);

public sealed record EffectQuery(Guid? OrgId, EffectStatus? Status, EffectKind? Kind, Guid? WorkerId, int? Page, int? PageSize);

public sealed record EffectRow(Guid Id, Guid WorkerId, string WorkerName, Guid OrgId, string OrgName, EffectKind Kind, string KindLabel, string Period,
    string Reason, DateOnly? EffectiveOn, DateOnly? RegularOn, int? NewStep, EffectStatus Status, string StatusLabel, string CreatedBy, DateTime CreatedAt,
    string? ReviewedBy, DateTime? ReviewedAt, string? ReviewNote, string? AppliedBy, DateTime? AppliedAt, Guid Version);

/// <summary>审核意见 (required when rejecting).</summary>
public sealed record ReviewInput(string? Note, Guid? Version = null);

// ── 档案管理 ──

public sealed record ArchiveSettingsView(IReadOnlyList<string> Categories, int MaxFileMegabytes);

public sealed record ArchiveFileRow(Guid Id, string Category, string FileName, string ContentType, long Size, string CreatedBy, DateTime CreatedAt);

public sealed record ArchiveCategory(string Category, bool Configured, IReadOnlyList<ArchiveFileRow> Files);

public sealed record ArchiveView(Guid WorkerId, string WorkerName, string OrgName, int Present, int Total, decimal? Percent,
    IReadOnlyList<string> Missing, IReadOnlyList<ArchiveCategory> Categories, int MaxFileMegabytes);

public sealed record CompletenessQuery(Guid? OrgId, bool? Incomplete, string? Category, string? Q, int? Page, int? PageSize);

public sealed record CompletenessRow(Guid WorkerId, string Name, Guid OrgId, string OrgName, string PostLabel, int Present, int Total,
    decimal? Percent, IReadOnlyList<string> Missing);

/// <summary>档案完整度 of a subtree: workers on the roster (not dismissed), how many have every category, per category how many have it.</summary>
public sealed record CompletenessReport(Guid? OrgId, string OrgName, IReadOnlyList<string> Categories, int Workers, int Complete,
    decimal? CompletePercent, decimal? AveragePercent, IReadOnlyList<Share> ByCategory, PageOf<CompletenessRow> Rows);

// ── 个人档案页 ──

public sealed record WorkerTrainingRow(Guid ClassId, string Name, TrainingKind Kind, string KindLabel, DateOnly StartDate, DateOnly EndDate,
    decimal Hours, int Sessions, int Attended, bool Completed);

public sealed record ArchiveSummary(int Present, int Total, decimal? Percent, IReadOnlyList<string> Missing);

public sealed record WorkerDevelopment(Guid WorkerId, IReadOnlyList<WorkerTrainingRow> Trainings, DateOnly? LastCompletedOn, int CycleYears,
    DateOnly DueOn, bool Overdue, IReadOnlyList<AssessmentRow> Assessments, IReadOnlyList<EffectRow> Effects, ArchiveSummary Archive);
