namespace Lianxin.Modules.Workforce.Domain;

/// <summary>年度考核 or 日常考核 (quarterly, monthly …).</summary>
public enum AssessmentKind { Annual, Routine }

/// <summary>考核等次.</summary>
public enum AssessmentGrade { Excellent, Competent, Basic, Fail }

/// <summary>What an assessment rule proposes: 提前半年晋档 (优秀) or 解聘审查 (consecutive 不合格).</summary>
public enum EffectKind { EarlyStepAdvance, DismissalReview }

/// <summary>待审核 → 已通过 / 已驳回; 已通过 → 已执行.</summary>
public enum EffectStatus { Pending, Approved, Rejected, Applied }

/// <summary>
/// One assessment (考核) of a worker for a period: annual ("2025") or routine ("2026Q3", "2026-10"). The combined
/// score is the organization's rating and the residents' evaluation weighted by the setting in force when recorded;
/// the grade follows the thresholds, or is set directly by the organization (<see cref="GradeSetDirectly"/>).
/// </summary>
public sealed class Assessment : IAuditable, IOrgScoped
{
    private Assessment() { }

    public Guid Id { get; private set; }
    public Guid WorkerId { get; private set; }
    public string WorkerName { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public AssessmentKind Kind { get; private set; }
    public string Period { get; private set; } = "";
    /// <summary>The year the period falls in (annual assessments are consecutive by it).</summary>
    public int Year { get; private set; }
    public decimal? OrgRating { get; private set; }
    public decimal? ResidentRating { get; private set; }
    public decimal OrgWeight { get; private set; }
    public decimal? Combined { get; private set; }
    public AssessmentGrade Grade { get; private set; }
    public bool GradeSetDirectly { get; private set; }
    public string? Note { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "考核评议";
    public string AuditLabel => $"{WorkerName} {Period}";

    public static Assessment Create(Guid id, Worker w, AssessmentKind kind, string period, int year, string by, DateTime now) =>
        new()
        {
            Id = id, WorkerId = w.Id, WorkerName = w.Name, OrgId = w.OrgId, OrgPath = w.OrgPath, Kind = kind, Period = period, Year = year,
            CreatedBy = by, CreatedAt = now, Version = id,
        };

    /// <summary>Scores (both, 0–100) give the grade by the thresholds unless the organization sets the grade directly.</summary>
    public void Score(decimal? orgRating, decimal? residentRating, AssessmentGrade? direct, string? note, WorkforceSettings s, DateTime now)
    {
        OrgRating = orgRating;
        ResidentRating = residentRating;
        OrgWeight = s.OrgRatingWeight;
        Combined = orgRating is { } o && residentRating is { } r ? DevelopmentRules.Combine(o, r, s.OrgRatingWeight) : null;
        if (direct is { } g) { Grade = g; GradeSetDirectly = true; }
        else if (Combined is { } c) { Grade = DevelopmentRules.GradeOf(c, s); GradeSetDirectly = false; }
        else throw new DomainException("orgRating", "请填写组织评价和群众评议分数，或直接评定等次");
        Note = note;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}

/// <summary>
/// The effect of an assessment rule on a worker, proposed by the system, reviewed and then applied: 提前晋档 (a 晋档
/// record ExcellentAdvanceMonths before the regular date) or 解聘审查 (a case; applying it dismisses the worker).
/// <see cref="Key"/> makes the proposal unique: recording an assessment again never proposes twice.
/// </summary>
public sealed class WorkforceEffect : IAuditable, IOrgScoped
{
    private WorkforceEffect() { }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    public Guid WorkerId { get; private set; }
    public string WorkerName { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public EffectKind Kind { get; private set; }
    public Guid AssessmentId { get; private set; }
    public string Period { get; private set; } = "";
    public string Reason { get; private set; } = "";
    /// <summary>提前晋档: the date the step takes effect and the step after it; the regular date it is taken from.</summary>
    public DateOnly? EffectiveOn { get; private set; }
    public DateOnly? RegularOn { get; private set; }
    public int? NewStep { get; private set; }
    public EffectStatus Status { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string? ReviewNote { get; private set; }
    public string? AppliedBy { get; private set; }
    public DateTime? AppliedAt { get; private set; }
    /// <summary>The 晋档 record written when applied.</summary>
    public Guid? PostChangeId { get; private set; }
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "考核结果运用";
    public string AuditLabel => $"{WorkerName} {DevelopmentLabels.Of(Kind)}";

    public (string Action, string Verb)? NameChange(IReadOnlyCollection<string> changedProperties) =>
        !changedProperties.Contains(nameof(Status)) ? null : Status switch
        {
            EffectStatus.Approved => ("approve", "审核通过"),
            EffectStatus.Rejected => ("reject", "驳回"),
            EffectStatus.Applied => ("apply", "执行"),
            _ => null,
        };

    public static WorkforceEffect Propose(Guid id, string key, Worker w, EffectKind kind, Assessment a, string reason,
        DateOnly? effectiveOn, DateOnly? regularOn, int? newStep, string by, DateTime now) =>
        new()
        {
            Id = id, Key = key, WorkerId = w.Id, WorkerName = w.Name, OrgId = w.OrgId, OrgPath = w.OrgPath, Kind = kind, AssessmentId = a.Id,
            Period = a.Period, Reason = reason, EffectiveOn = effectiveOn, RegularOn = regularOn, NewStep = newStep, Status = EffectStatus.Pending,
            CreatedBy = by, CreatedAt = now, Version = id,
        };

    public void Approve(string? note, string by, DateTime now)
    {
        if (Status != EffectStatus.Pending) throw new DomainException("status", $"该事项{DevelopmentLabels.Of(Status)}，不能再审核");
        Status = EffectStatus.Approved;
        (ReviewedBy, ReviewedAt, ReviewNote) = (by, now, note);
        Version = Guid.NewGuid();
    }

    public void Reject(string reason, string by, DateTime now)
    {
        if (Status is not (EffectStatus.Pending or EffectStatus.Approved))
            throw new DomainException("status", $"该事项{DevelopmentLabels.Of(Status)}，不能驳回");
        Status = EffectStatus.Rejected;
        (ReviewedBy, ReviewedAt, ReviewNote) = (by, now, reason);
        Version = Guid.NewGuid();
    }

    public void MarkApplied(Guid? postChangeId, string by, DateTime now)
    {
        if (Status != EffectStatus.Approved)
            throw new DomainException("status", Status == EffectStatus.Applied ? "该事项已执行，不能重复执行" : $"该事项{DevelopmentLabels.Of(Status)}，须审核通过后才能执行");
        Status = EffectStatus.Applied;
        (AppliedBy, AppliedAt, PostChangeId) = (by, now, postChangeId);
        Version = Guid.NewGuid();
    }
}

/// <summary>档案材料: one uploaded file of a worker's archive in one category (年度考核, 学历经历 …).</summary>
public sealed class ArchiveFile : IAuditable, IOrgScoped
{
    private ArchiveFile() { }

    public Guid Id { get; private set; }
    public Guid WorkerId { get; private set; }
    public string WorkerName { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    [NotAudited] public string Sha256 { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public bool IsDeleted { get; private set; }
    public string? DeleteReason { get; private set; }
    public DateTime? DeletedAt { get; private set; }

    public string AuditType => "档案材料";
    public string AuditLabel => $"{WorkerName} {Category} {FileName}";

    public static ArchiveFile Create(Guid id, Worker w, string category, string fileName, string contentType, long size, string sha256, string by, DateTime now) =>
        new()
        {
            Id = id, WorkerId = w.Id, WorkerName = w.Name, OrgId = w.OrgId, OrgPath = w.OrgPath, Category = category, FileName = fileName,
            ContentType = contentType, Size = size, Sha256 = sha256, CreatedBy = by, CreatedAt = now,
        };

    public void SoftDelete(string reason, DateTime now)
    {
        IsDeleted = true;
        DeleteReason = reason;
        DeletedAt = now;
    }
}

/// <summary>档案 settings: the material categories every worker's archive should hold, and the upload size limit.</summary>
public sealed class ArchiveSettings
{
    public const string Key = "workforce-archive";

    public List<string> Categories { get; set; } = ["年度考核", "学历经历", "入团入党", "聘用合同", "培训记录", "奖惩情况", "职业资格", "身份信息"];
    public int MaxFileMegabytes { get; set; } = 10;
}
