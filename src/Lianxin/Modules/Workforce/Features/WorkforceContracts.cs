using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Workforce.Domain;

namespace Lianxin.Modules.Workforce.Features;

/// <summary>
/// A worker form: the person (name, ID number, phone … as for members and residents) and the employment. On
/// creation the post and pay grade are the 聘用 record; afterwards they change only through a post change.
/// </summary>
public sealed record WorkerInput(string? Name, string? IdNumber, Gender? Gender, DateOnly? BirthDate, string? Phone, string? Address,
    Education? Education, string? Ethnicity, Guid? OrgId, PoliticalStatus? PoliticalStatus, DateOnly? HireDate,
    WorkerPost? Post, int? PayPost, int? Level, int? Step, Guid? Version = null) : IPersonFields
{
    IReadOnlyList<string>? IPersonFields.Tags => null;
}

public sealed record WorkerQuery(Guid? OrgId, string? Q, WorkerPost? Post, WorkerStatus? Status, bool? Certified, int? Page, int? PageSize);

public sealed record WorkerRow(Guid Id, string Name, Gender Gender, int Age, Education? Education, string? EducationLabel,
    PoliticalStatus PoliticalStatus, string PoliticalStatusLabel, Guid OrgId, string OrgName, WorkerPost Post, string PostLabel,
    int PayPost, int Level, int Step, DateOnly HireDate, WorkerStatus Status, string StatusLabel, CertificateLevel? Certificate,
    string? CertificateLabel, string? PhoneMasked);

public sealed record CertificateRow(Guid Id, CertificateLevel Level, string LevelLabel, DateOnly CertifiedOn, string? Number);

public sealed record PostChangeRow(Guid Id, DateOnly EffectiveOn, PostChangeKind Kind, string KindLabel, WorkerPost Post, string PostLabel,
    int PayPost, int Level, int Step, string? Note, string CreatedBy, DateTime CreatedAt);

public sealed record WorkerDetail(WorkerRow Worker, Guid PersonId, string IdNumberMasked, string? Address, string? Ethnicity,
    DateOnly BirthDate, DateOnly StatusSince, string? StatusNote, int YearsOfService, IReadOnlyList<CertificateRow> Certificates,
    IReadOnlyList<PostChangeRow> PostHistory, DateTime CreatedAt, DateTime UpdatedAt, Guid Version);

public sealed record StatusInput(WorkerStatus? Status, DateOnly? Since, string? Note);

public sealed record CertificateInput(CertificateLevel? Level, DateOnly? CertifiedOn, string? Number);

public sealed record PostChangeInput(DateOnly? EffectiveOn, PostChangeKind? Kind, WorkerPost? Post, int? PayPost, int? Level, int? Step, string? Note);

/// <summary>A labelled count and its share of the total (percent, 2 decimals; null when the total is 0).</summary>
public sealed record Share(string Key, string Label, int Count, decimal? Percent);

/// <summary>队伍结构 of a subtree on a day (active workers).</summary>
public sealed record StructureReport(Guid? OrgId, string OrgName, DateOnly On, int Total, int YoungAge, Share Young, Share CollegeOrAbove,
    Share Certified, Share PartyMembers, IReadOnlyList<Share> ByPost, IReadOnlyList<Share> ByAge, IReadOnlyList<Share> ByEducation,
    IReadOnlyList<Share> ByCertificate);

public sealed record PopulationInput(Guid? OrgId, int? Year, int? UrbanResidents);

public sealed record PopulationRow(Guid Id, Guid OrgId, string OrgName, int Year, int UrbanResidents, DateTime UpdatedAt);

/// <summary>One community (an organization with a population entered for the year) against the staffing standard.</summary>
public sealed record StaffingRow(Guid OrgId, string OrgName, int UrbanResidents, int Workers, decimal? PerTenThousand, int Shortfall, bool MeetsStandard);

public sealed record StaffingReport(Guid? OrgId, string OrgName, int Year, decimal Standard, int UrbanResidents, int Workers,
    decimal? PerTenThousand, bool MeetsStandard, int CommunitiesBelow, int TotalShortfall, IReadOnlyList<StaffingRow> Communities);

public sealed record WorkforceSettingsView(decimal StandardPer10k, int RatioDecimals, int YoungAge, int SecretaryTrainingYears, int OtherTrainingYears,
    decimal OrgRatingWeight, decimal ExcellentFrom, decimal CompetentFrom, decimal BasicFrom, int ExcellentAdvanceMonths, int StepYears,
    int FailuresForDismissalReview);
