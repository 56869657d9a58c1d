using Lianxin.Modules.Members.Domain;

namespace Lianxin.Modules.Workforce.Domain;

/// <summary>岗位: what a community worker does (the salary scheme's 岗 is a separate pay grade, see <see cref="Worker.PayPost"/>).</summary>
public enum WorkerPost { Secretary, DeputySecretary, CommitteeMember, GridWorker, Other }

public enum WorkerStatus { Active, Away, Dismissed }

/// <summary>政治面貌.</summary>
public enum PoliticalStatus { PartyMember, ProbationaryMember, LeagueMember, Masses, OtherParty }

/// <summary>社会工作者职业资格.</summary>
public enum CertificateLevel { Assistant, Social, Senior }

/// <summary>Why a worker's post, grade, level or step changed: the pay calculation follows these records.</summary>
public enum PostChangeKind { Hire, Promotion, PostChange, StepAdvance, Competitive, Adjustment }

public static class WorkforceLabels
{
    public static string Of(WorkerPost p) => p switch
    {
        WorkerPost.Secretary => "书记/主任",
        WorkerPost.DeputySecretary => "副书记/副主任",
        WorkerPost.CommitteeMember => "两委成员",
        WorkerPost.GridWorker => "专职网格员",
        _ => "其他社区工作者",
    };

    public static string Of(WorkerStatus s) => s switch { WorkerStatus.Active => "在岗", WorkerStatus.Away => "离岗", _ => "解聘" };

    public static string Of(PoliticalStatus s) => s switch
    {
        PoliticalStatus.PartyMember => "中共党员",
        PoliticalStatus.ProbationaryMember => "中共预备党员",
        PoliticalStatus.LeagueMember => "共青团员",
        PoliticalStatus.OtherParty => "民主党派",
        _ => "群众",
    };

    public static string Of(CertificateLevel c) => c switch
    {
        CertificateLevel.Assistant => "助理社会工作师",
        CertificateLevel.Social => "社会工作师",
        _ => "高级社会工作师",
    };

    public static string Of(PostChangeKind k) => k switch
    {
        PostChangeKind.Hire => "聘用",
        PostChangeKind.Promotion => "晋升",
        PostChangeKind.PostChange => "岗位调整",
        PostChangeKind.StepAdvance => "晋档",
        PostChangeKind.Competitive => "竞聘上岗",
        _ => "薪级调整",
    };
}

/// <summary>
/// A community worker (社区工作者) on the roster of a community (OrgId: the community's party organization). The
/// personal part (name, ID number, phone, education) is the foundation's <see cref="Person"/>; post, pay grade,
/// level and step are the latest <see cref="WorkerPostChange"/> in force, kept here for lists and reports.
/// </summary>
public sealed class Worker : IAuditable, IOrgScoped
{
    private Worker() { }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public string Name { get; private set; } = "";
    public Gender Gender { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public Education? Education { get; private set; }
    public PoliticalStatus PoliticalStatus { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public WorkerPost Post { get; private set; }
    /// <summary>岗 of the salary scheme, 1-based (一岗 …).</summary>
    public int PayPost { get; private set; }
    /// <summary>级, 1-based.</summary>
    public int Level { get; private set; }
    /// <summary>档, 1-based.</summary>
    public int Step { get; private set; }
    public DateOnly HireDate { get; private set; }
    public WorkerStatus Status { get; private set; }
    public DateOnly StatusSince { get; private set; }
    public string? StatusNote { get; private set; }
    public bool IsDeleted { get; private set; }
    public string? DeleteReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }
    public List<WorkerCertificate> Certificates { get; private set; } = [];

    public string AuditType => "社区工作者";
    public string AuditLabel => Name;

    public static Worker Hire(Guid id, Person person, Guid orgId, string orgPath, PoliticalStatus politics, WorkerPost post,
        int payPost, int level, int step, DateOnly hireDate, DateTime now)
    {
        var w = new Worker
        {
            Id = id, PersonId = person.Id, OrgId = orgId, OrgPath = orgPath, PoliticalStatus = politics, HireDate = hireDate,
            Status = WorkerStatus.Active, StatusSince = hireDate, CreatedAt = now, Version = id,
        };
        w.CopyPerson(person, now);
        w.Place(post, payPost, level, step, now);
        return w;
    }

    /// <summary>Name, gender, birth date and education are the person's; copied for lists and reports.</summary>
    public void CopyPerson(Person person, DateTime now)
    {
        Name = person.Name;
        Gender = person.Gender;
        BirthDate = person.BirthDate;
        Education = person.Education;
        UpdatedAt = now;
    }

    public void Edit(Guid orgId, string orgPath, PoliticalStatus politics, DateOnly hireDate, DateTime now)
    {
        OrgId = orgId;
        OrgPath = orgPath;
        PoliticalStatus = politics;
        HireDate = hireDate;
        UpdatedAt = now;
    }

    /// <summary>Only through a <see cref="WorkerPostChange"/> that is in force (see WorkforceRules.Current).</summary>
    public void Place(WorkerPost post, int payPost, int level, int step, DateTime now)
    {
        Post = post;
        PayPost = payPost;
        Level = level;
        Step = step;
        UpdatedAt = now;
    }

    public void SetStatus(WorkerStatus status, DateOnly since, string? note, DateTime now)
    {
        if (since < HireDate) throw new DomainException("since", "状态变更日期不能早于聘用日期");
        Status = status;
        StatusSince = since;
        StatusNote = note;
        UpdatedAt = now;
    }

    public void SoftDelete(string? reason, DateTime now)
    {
        IsDeleted = true;
        DeleteReason = reason;
        UpdatedAt = now;
    }

    /// <summary>The highest certificate held on a date (null: none).</summary>
    public CertificateLevel? CertificateOn(DateOnly day) =>
        Certificates.Where(c => c.CertifiedOn <= day).Select(c => (CertificateLevel?)c.Level).Max();
}

/// <summary>社会工作者职业资格证书.</summary>
public sealed class WorkerCertificate : IAuditable
{
    private WorkerCertificate() { }

    public Guid Id { get; private set; }
    public Guid WorkerId { get; private set; }
    public string WorkerName { get; private set; } = "";
    public CertificateLevel Level { get; private set; }
    public DateOnly CertifiedOn { get; private set; }
    public string? Number { get; private set; }

    public string AuditType => "职业资格证书";
    public string AuditLabel => $"{WorkerName} {WorkforceLabels.Of(Level)}";

    public static WorkerCertificate Create(Guid id, Worker w, CertificateLevel level, DateOnly on, string? number) =>
        new() { Id = id, WorkerId = w.Id, WorkerName = w.Name, Level = level, CertifiedOn = on, Number = number };
}

/// <summary>
/// One change of post, pay grade, level or step from a date (聘用, 晋升, 岗位调整, 晋档, 竞聘上岗). History is never
/// rewritten: a correction is a new record; the pay of a month follows the records in force in it.
/// </summary>
public sealed class WorkerPostChange : IAuditable, IOrgScoped
{
    private WorkerPostChange() { }

    public Guid Id { get; private set; }
    public Guid WorkerId { get; private set; }
    public string WorkerName { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public DateOnly EffectiveOn { get; private set; }
    public PostChangeKind Kind { get; private set; }
    public WorkerPost Post { get; private set; }
    public int PayPost { get; private set; }
    public int Level { get; private set; }
    public int Step { get; private set; }
    public string? Note { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public string AuditType => "岗位薪级变动";
    public string AuditLabel => $"{WorkerName} {WorkforceLabels.Of(Kind)} {EffectiveOn:yyyy-MM-dd}";

    public static WorkerPostChange Create(Guid id, Worker w, DateOnly on, PostChangeKind kind, WorkerPost post, int payPost, int level, int step,
        string? note, string by, DateTime now)
    {
        if (payPost < 1 || level < 1 || step < 1) throw new DomainException("step", "岗、级、档都从1开始");
        if (on < w.HireDate) throw new DomainException("effectiveOn", "生效日期不能早于聘用日期");
        return new()
        {
            Id = id, WorkerId = w.Id, WorkerName = w.Name, OrgId = w.OrgId, OrgPath = w.OrgPath, EffectiveOn = on, Kind = kind,
            Post = post, PayPost = payPost, Level = level, Step = step, Note = note, CreatedBy = by, CreatedAt = now,
        };
    }
}

/// <summary>城镇常住人口 of one community for one year (entered or imported): the base of the staffing standard.</summary>
public sealed class CommunityPopulation : IAuditable, IOrgScoped
{
    private CommunityPopulation() { }

    public Guid Id { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public string OrgName { get; private set; } = "";
    public int Year { get; private set; }
    public int UrbanResidents { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public string AuditType => "城镇常住人口";
    public string AuditLabel => $"{OrgName} {Year}年";

    public static CommunityPopulation Create(Guid id, Guid orgId, string orgPath, string orgName, int year, int residents, DateTime now) =>
        new() { Id = id, OrgId = orgId, OrgPath = orgPath, OrgName = orgName, Year = year, UrbanResidents = residents, UpdatedAt = now };

    public void Set(int residents, DateTime now)
    {
        UrbanResidents = residents;
        UpdatedAt = now;
    }
}
