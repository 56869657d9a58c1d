using Lianxin.Modules.Members.Domain;

namespace Lianxin.Modules.Workforce.Domain;

/// <summary>招聘公告的进度: 草稿 → 报名中 → 资格审查 → 公示中 → 已结束.</summary>
public enum AnnouncementStatus { Draft, Open, Reviewing, Publicized, Closed }

/// <summary>An automatic check a qualification condition may carry (None: checked by people in 联审).</summary>
public enum ConditionRule { None, MaxAge, MinEducation, Residence, Politics }

/// <summary>符合 / 不符合 / 需人工审核.</summary>
public enum CheckOutcome { Pass, Fail, Manual }

/// <summary>联审 result of one application.</summary>
public enum ReviewResult { Pending, Passed, Failed }

/// <summary>How an application came in.</summary>
public enum ApplicationSource { Entered, Imported }

/// <summary>
/// One qualification condition (资格条件) of an announcement: its text as published, and optionally a rule the system
/// checks from the application's data (age on the closing date, education, residence region, political status).
/// </summary>
public sealed record RecruitCondition(string Text, ConditionRule Rule = ConditionRule.None, int? MaxAge = null, Education? MinEducation = null,
    string? RegionPrefixes = null, List<PoliticalStatus>? Politics = null);

/// <summary>One department's opinion in the 联审 (组织、政法、民政、公安 …): no objection (Clear) or an objection with a note.</summary>
public sealed record ReviewOpinion(string Department, bool Clear, string? Note);

public static class RecruitmentLabels
{
    public static string Of(AnnouncementStatus s) => s switch
    {
        AnnouncementStatus.Draft => "草稿",
        AnnouncementStatus.Open => "报名中",
        AnnouncementStatus.Reviewing => "资格审查",
        AnnouncementStatus.Publicized => "公示中",
        _ => "已结束",
    };

    public static string Of(CheckOutcome c) => c switch { CheckOutcome.Pass => "符合", CheckOutcome.Fail => "不符合", _ => "需人工审核" };

    public static string Of(ReviewResult r) => r switch { ReviewResult.Passed => "通过", ReviewResult.Failed => "不通过", _ => "待联审" };

    public static string Of(ConditionRule r) => r switch
    {
        ConditionRule.MaxAge => "年龄上限",
        ConditionRule.MinEducation => "最低学历",
        ConditionRule.Residence => "户籍/居住地区",
        ConditionRule.Politics => "政治面貌",
        _ => "人工审核",
    };

    /// <summary>The application's stage as a clerk says it.</summary>
    public static string StageOf(RecruitApplication a) => a.HiredWorkerId is not null ? "已聘用"
        : a.Proposed ? "拟聘用（公示）"
        : a.Review == ReviewResult.Passed ? "联审通过"
        : a.Review == ReviewResult.Failed ? "联审不通过" : "待联审";
}

/// <summary>
/// 招聘公告 (选聘): organized by a county or street (OrgId), with positions and places per community, qualification
/// conditions and disqualifying circumstances as checklists, the departments of the 联审, the weights of the written
/// and interview scores, and the 公示 period once the proposed hires are publicized.
/// </summary>
public sealed class RecruitAnnouncement : IAuditable, IOrgScoped
{
    private RecruitAnnouncement() { }

    public Guid Id { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly ApplyFrom { get; private set; }
    public DateOnly ApplyTo { get; private set; }
    public List<RecruitCondition> Conditions { get; private set; } = [];
    public List<string> Disqualifications { get; private set; } = [];
    public List<string> ReviewDepartments { get; private set; } = [];
    public decimal WrittenWeight { get; private set; }
    public decimal InterviewWeight { get; private set; }
    /// <summary>Length of the 公示, in working days (Monday to Friday) or calendar days.</summary>
    public int PublicityDays { get; private set; }
    public bool PublicityWorkingDays { get; private set; }
    public AnnouncementStatus Status { get; private set; }
    public DateOnly? PublicityFrom { get; private set; }
    public DateOnly? PublicityTo { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }
    public List<RecruitPosition> Positions { get; private set; } = [];

    public string AuditType => "招聘公告";
    public string AuditLabel => Title;

    public static RecruitAnnouncement Create(Guid id, Guid orgId, string orgPath, DateTime now) =>
        new() { Id = id, OrgId = orgId, OrgPath = orgPath, Status = AnnouncementStatus.Draft, CreatedAt = now, UpdatedAt = now, Version = id };

    public void Edit(string title, DateOnly from, DateOnly to, List<RecruitCondition> conditions, List<string> disqualifications,
        List<string> departments, decimal writtenWeight, decimal interviewWeight, int publicityDays, bool workingDays, string? note, DateTime now)
    {
        Title = title;
        ApplyFrom = from;
        ApplyTo = to;
        Conditions = conditions;
        Disqualifications = disqualifications;
        ReviewDepartments = departments;
        WrittenWeight = writtenWeight;
        InterviewWeight = interviewWeight;
        PublicityDays = publicityDays;
        PublicityWorkingDays = workingDays;
        Note = note;
        UpdatedAt = now;
    }

    public void MoveTo(AnnouncementStatus status, DateTime now)
    {
        Status = status;
        UpdatedAt = now;
    }

    public void Publicize(DateOnly from, DateOnly to, DateTime now)
    {
        PublicityFrom = from;
        PublicityTo = to;
        Status = AnnouncementStatus.Publicized;
        UpdatedAt = now;
    }

    /// <summary>Positions and conditions change only before applications are taken.</summary>
    public bool Editable => Status == AnnouncementStatus.Draft;
    /// <summary>Applications are entered or imported while 报名中.</summary>
    public bool TakesApplications => Status == AnnouncementStatus.Open;
    /// <summary>联审 and scores: while 报名中 or 资格审查 (before the 公示).</summary>
    public bool InReview => Status is AnnouncementStatus.Open or AnnouncementStatus.Reviewing;
}

/// <summary>One position of an announcement: the community it hires for, how many places, and the grade a hire starts at.</summary>
public sealed class RecruitPosition : IAuditable
{
    private RecruitPosition() { }

    public Guid Id { get; private set; }
    public Guid AnnouncementId { get; private set; }
    public string Name { get; private set; } = "";
    public WorkerPost Post { get; private set; }
    public Guid CommunityId { get; private set; }
    public string CommunityName { get; private set; } = "";
    public int Places { get; private set; }
    public int PayPost { get; private set; }
    public int Level { get; private set; }
    public int Step { get; private set; }
    public int SortOrder { get; private set; }

    public string AuditType => "招聘岗位";
    public string AuditLabel => $"{CommunityName} {Name}";

    public static RecruitPosition Create(Guid id, Guid announcementId) => new() { Id = id, AnnouncementId = announcementId };

    public void Set(string name, WorkerPost post, Guid communityId, string communityName, int places, int payPost, int level, int step, int order)
    {
        Name = name;
        Post = post;
        CommunityId = communityId;
        CommunityName = communityName;
        Places = places;
        PayPost = payPost;
        Level = level;
        Step = step;
        SortOrder = order;
    }
}

/// <summary>
/// 报名: one applicant for one position of an announcement. The ID and phone numbers are stored encrypted, with a keyed
/// hash (one application per ID number and announcement) and a mask for lists. OrgId/OrgPath are the announcement's.
/// </summary>
public sealed class RecruitApplication : IAuditable, IOrgScoped
{
    private RecruitApplication() { }

    public Guid Id { get; private set; }
    public Guid AnnouncementId { get; private set; }
    public Guid PositionId { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Gender Gender { get; private set; }
    public DateOnly BirthDate { get; private set; }
    [NotAudited] public string IdNumberCipher { get; private set; } = "";
    [NotAudited] public string IdNumberHash { get; private set; } = "";
    public string IdNumberMasked { get; private set; } = "";
    [NotAudited] public string? PhoneCipher { get; private set; }
    public string? PhoneMasked { get; private set; }
    public Education? Education { get; private set; }
    public PoliticalStatus PoliticalStatus { get; private set; }
    /// <summary>Residence region code (户籍/居住地, GB/T 2260, 6 digits or more), checked against a condition's prefixes.</summary>
    public string? ResidenceCode { get; private set; }
    public string? Address { get; private set; }
    public ApplicationSource Source { get; private set; }
    public ReviewResult Review { get; private set; }
    public List<ReviewOpinion> Opinions { get; private set; } = [];
    public string? ReviewReason { get; private set; }
    public DateOnly? ReviewedOn { get; private set; }
    public string? ReviewedBy { get; private set; }
    public decimal? WrittenScore { get; private set; }
    public decimal? InterviewScore { get; private set; }
    /// <summary>拟聘用: on the 公示 list.</summary>
    public bool Proposed { get; private set; }
    public Guid? HiredWorkerId { get; private set; }
    public DateOnly? HiredOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "选聘报名";
    public string AuditLabel => $"{Name} {IdNumberMasked}";

    public static RecruitApplication Create(Guid id, RecruitAnnouncement a, ApplicationSource source, DateTime now) =>
        new() { Id = id, AnnouncementId = a.Id, OrgId = a.OrgId, OrgPath = a.OrgPath, Source = source, Review = ReviewResult.Pending, CreatedAt = now, Version = id };

    public void SetPerson(Guid positionId, string name, Gender gender, DateOnly birth, Education? education, PoliticalStatus politics,
        string? residenceCode, string? address, DateTime now)
    {
        PositionId = positionId;
        Name = name;
        Gender = gender;
        BirthDate = birth;
        Education = education;
        PoliticalStatus = politics;
        ResidenceCode = residenceCode;
        Address = address;
        UpdatedAt = now;
    }

    public void SetIdNumber(string cipher, string hash, string masked)
    {
        IdNumberCipher = cipher;
        IdNumberHash = hash;
        IdNumberMasked = masked;
    }

    public void SetPhone(string? cipher, string? masked)
    {
        PhoneCipher = cipher;
        PhoneMasked = masked;
    }

    public void Record(ReviewResult result, List<ReviewOpinion> opinions, string? reason, DateOnly on, string by, DateTime now)
    {
        Review = result;
        Opinions = opinions;
        ReviewReason = reason;
        ReviewedOn = on;
        ReviewedBy = by;
        if (result != ReviewResult.Passed) { WrittenScore = null; InterviewScore = null; }
        UpdatedAt = now;
    }

    public void Score(decimal? written, decimal? interview, DateTime now)
    {
        if (Review != ReviewResult.Passed) throw new DomainException("writtenScore", "联审通过后才能录入成绩");
        WrittenScore = written;
        InterviewScore = interview;
        UpdatedAt = now;
    }

    public void Propose(bool proposed, DateTime now)
    {
        Proposed = proposed;
        UpdatedAt = now;
    }

    public void Hired(Guid workerId, DateOnly on, DateTime now)
    {
        HiredWorkerId = workerId;
        HiredOn = on;
        UpdatedAt = now;
    }
}
