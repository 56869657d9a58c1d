using System.Text.Json;
using Lianxin.Modules.Grids.Domain;

namespace Lianxin.Modules.Grids.Features;

public sealed record GridRow(Guid Id, Guid OrgId, string OrgName, Guid? ParentId, string? ParentName, GridLevel Level, string LevelLabel, string Name,
    string Code, Guid? PartyOrgId, string? PartyOrgName, int Buildings, int Households, double AreaSquareMetres, int StaffCount, Guid Version);

public sealed record GridStaffRow(Guid Id, Guid PersonId, string Name, GridStaffRole Role, string RoleLabel, string? PhoneMasked, DateOnly Since, DateOnly? EndedOn);

public sealed record GridDetail(GridRow Grid, JsonElement Boundary, IReadOnlyList<GridStaffRow> Staff, IReadOnlyList<GridRow> Children);

public sealed record GridInput(Guid? OrgId, Guid? ParentId, GridLevel? Level, string? Name, string? Code, Guid? PartyOrgId, int? Buildings, int? Households,
    JsonElement? Boundary, Guid? Version);

public sealed record GridStaffInput(Guid? PersonId, GridStaffRole? Role, DateOnly? Since);

public sealed record GridImportResult(int Created, int Updated);

public sealed record CategoryRow(Guid Id, Guid? ParentId, string Code, string Name, string? Description, int TimeLimitHours, int SortOrder, bool IsActive);

public sealed record CategoryInput(Guid? ParentId, string? Code, string? Name, string? Description, int? TimeLimitHours, int? SortOrder, bool? IsActive);

/// <summary>A handling unit; Editable is false for a unit registered above the caller's scope (listed because it serves it).</summary>
public sealed record HandlingUnitRow(Guid Id, Guid OrgId, string OrgName, string Name, HandlingUnitKind Kind, string KindLabel, string? Contact, bool IsActive,
    bool Editable);

public sealed record HandlingUnitInput(Guid? OrgId, string? Name, HandlingUnitKind? Kind, string? Contact, bool? IsActive);

public sealed record EventRow(Guid Id, string Number, string CategoryName, EventNetwork Network, string NetworkLabel, string Description, string? Address,
    string? GridName, bool OutsideGrid, Guid OrgId, string OrgName, EventStatus Status, string StatusLabel, ReporterKind ReporterKind, string ReporterName,
    DateTime ReportedAt, string? HandlingUnitName, DateTime? Deadline, bool Overdue, bool Escalated, DateTime? ClosedAt, int? Rating, double? Lon, double? Lat);

public sealed record EventStepRow(Guid Id, string Action, string ActionLabel, EventStatus? FromStatus, EventStatus ToStatus, string ToStatusLabel,
    string ActorName, DateTime At, string? Note, string? Detail, IReadOnlyList<Guid> PhotoIds);

public sealed record EventPhotoRow(Guid Id, Guid? StepId, string FileName, string ContentType, long Size, DateTime CreatedAt);

public sealed record EventDetail(EventRow Event, Guid CategoryId, string? ReporterPhoneMasked, string? StatusNote, string? RatingComment,
    Guid? DuplicateOfId, string? DuplicateOfNumber, string? EscalatedOrgName, int ReopenCount, Guid? GridId, IReadOnlyList<EventStepRow> Steps,
    IReadOnlyList<EventPhotoRow> Photos, IReadOnlyList<string> AllowedActions, Guid Version);

/// <summary>A new event. Location is a point (lon/lat, WGS-84) or an address, or both. PhotoIds are uploads made just before.</summary>
public sealed record EventInput(Guid? CategoryId, EventNetwork? Network, string? Description, double? Lon, double? Lat, string? Address, Guid? OrgId,
    ReporterKind? ReporterKind, string? ReporterName, string? ReporterPhone, IReadOnlyList<Guid>? PhotoIds);

/// <summary>One workflow action. Which fields matter depends on the action (reason, unit, original, rating …).</summary>
public sealed record EventActionInput(string? Note, Guid? DuplicateOfId, Guid? HandlingUnitId, bool? ToGrid, int? DeadlineHours, int? Rating,
    IReadOnlyList<Guid>? PhotoIds, Guid? Version);

public sealed record PlaceInput(Guid? GridId, Guid? OrgId, Guid? Version);

public sealed record FigureLine(string Key, string Label, int Reported, int Accepted, int Closed, int Overdue, decimal? ClosedRate, double? AverageHours,
    double? P90Hours, decimal? Satisfaction, double? AverageRating);

public sealed record EventFigures(DateOnly From, DateOnly To, string RateRule, FigureLine Total, IReadOnlyList<FigureLine> ByCategory, IReadOnlyList<FigureLine> ByNetwork);

public sealed record MapPoint(Guid Id, string Number, double Lon, double Lat, EventStatus Status, string CategoryName, bool Overdue);

public sealed record GridSettingsView(int RateDecimals, RateRounding RateRounding, int NearestGridMetres, int MaxPhotoMegabytes, int MaxPhotosPerEvent, int SatisfiedFromStars);

public sealed record GridSettingsInput(int? RateDecimals, RateRounding? RateRounding, int? NearestGridMetres, int? MaxPhotoMegabytes, int? MaxPhotosPerEvent, int? SatisfiedFromStars);

public sealed record MediationRow(Guid Id, Guid OrgId, string OrgName, Guid? EventId, string Title, IReadOnlyList<string> Parties, string Mediator,
    string? MediatorTeam, DateOnly AcceptedOn, MediationOutcome Outcome, string OutcomeLabel, DateOnly? ConcludedOn, string? OutcomeNote, int SessionCount, Guid Version);

public sealed record MediationSessionRow(Guid Id, DateOnly HeldOn, string? Place, string Notes);

public sealed record MediationDetail(MediationRow Case, IReadOnlyList<MediationSessionRow> Sessions);

public sealed record MediationInput(Guid? OrgId, Guid? EventId, string? Title, IReadOnlyList<string>? Parties, string? Mediator, string? MediatorTeam, DateOnly? AcceptedOn);

public sealed record MediationSessionInput(DateOnly? HeldOn, string? Place, string? Notes);

public sealed record MediationConcludeInput(MediationOutcome? Outcome, DateOnly? ConcludedOn, string? Note, Guid? Version);

public sealed record MediationFigures(int Year, int Cases, int Concluded, int Success, int Failure, int Transferred, int Pending, decimal? SuccessRate, string RateRule);

public sealed record FindingRow(Guid Id, string Description, Guid? PhotoId, DateOnly Deadline, FindingStatus Status, string StatusLabel, bool Overdue,
    Guid? RecheckPhotoId, string? RecheckNote, DateOnly? RecheckedOn, int RecheckCount);

public sealed record InspectionRow(Guid Id, Guid GridId, string GridName, string OrgName, InspectionKind Kind, string KindLabel, DateOnly ScheduledOn,
    DateOnly? DoneOn, string Inspectors, string? Notes, int Findings, int OpenFindings);

public sealed record InspectionDetail(InspectionRow Inspection, IReadOnlyList<FindingRow> Findings);

public sealed record InspectionInput(Guid? GridId, InspectionKind? Kind, DateOnly? ScheduledOn, string? Inspectors, string? Notes);

public sealed record FindingInput(string? Description, Guid? PhotoId, DateOnly? Deadline);

public sealed record RecheckInput(bool? Passed, Guid? PhotoId, string? Note, DateOnly? NewDeadline);

public sealed record PhotoRow(Guid Id, string FileName, string ContentType, long Size);
