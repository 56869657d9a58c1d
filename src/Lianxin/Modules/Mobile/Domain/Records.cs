namespace Lianxin.Modules.Mobile.Domain;

public enum LiaisonRole { Secretary, CommitteeMember, InServiceMember, Other }

public enum ContactChannel { Phone, WeChat, Visit }

public enum ActivityKind { OrgLife, Study, Volunteer, Other }

public enum VisitKind { Routine, Holiday, Hardship, Condolence }

public enum SuggestionArea { Economy, Society, Ecology, PartyBuilding, Other }

public enum SuggestionStatus { Received, Adopted, Forwarded }

public static class RecordLabels
{
    public static string Of(LiaisonRole r) => r switch
    {
        LiaisonRole.Secretary => "支部书记",
        LiaisonRole.CommitteeMember => "支委委员",
        LiaisonRole.InServiceMember => "在职党员",
        _ => "其他联络员",
    };

    public static string Of(ContactChannel c) => c switch { ContactChannel.Phone => "电话", ContactChannel.WeChat => "微信", _ => "上门走访" };

    public static string Of(ActivityKind k) => k switch
    {
        ActivityKind.OrgLife => "组织生活",
        ActivityKind.Study => "学习教育",
        ActivityKind.Volunteer => "志愿服务",
        _ => "其他活动",
    };

    public static string Of(VisitKind k) => k switch
    {
        VisitKind.Routine => "日常走访",
        VisitKind.Holiday => "节日慰问",
        VisitKind.Hardship => "困难帮扶",
        _ => "重大变故看望",
    };

    public static string Of(SuggestionArea a) => a switch
    {
        SuggestionArea.Economy => "经济发展",
        SuggestionArea.Society => "社会发展",
        SuggestionArea.Ecology => "生态文明建设",
        SuggestionArea.PartyBuilding => "党的建设",
        _ => "其他",
    };

    public static string Of(SuggestionStatus s) => s switch
    {
        SuggestionStatus.Received => "已收到",
        SuggestionStatus.Adopted => "已采纳",
        _ => "已转办",
    };
}

/// <summary>
/// What every record about a mobile member shares: the member, the home organization's path (OrgPath) and the
/// flow-in organization's path at the time it was recorded (CoOrgPath), so that both sides see it and nobody else.
/// </summary>
public abstract class MobileRecord : ICoManaged
{
    public Guid Id { get; protected set; }
    public Guid MemberId { get; protected set; }
    public string MemberName { get; protected set; } = "";
    public Guid OrgId { get; protected set; }
    public string OrgPath { get; protected set; } = "";
    public Guid? CoOrgId { get; protected set; }
    public string? CoOrgPath { get; protected set; }
    /// <summary>The organization whose user recorded it (home or flow-in side).</summary>
    public Guid RecordedByOrgId { get; protected set; }
    public string CreatedBy { get; protected set; } = "";
    public DateTime CreatedAt { get; protected set; }
    public DateTime UpdatedAt { get; protected set; }

    protected void Stamp(Guid id, MobileEpisode? episode, Guid memberId, string memberName, Guid homeOrgId, string homeOrgPath,
        Guid recordedByOrgId, string by, DateTime now)
    {
        Id = id;
        MemberId = memberId;
        MemberName = memberName;
        OrgId = homeOrgId;
        OrgPath = homeOrgPath;
        CoOrgId = episode?.CoOrgId;
        CoOrgPath = episode?.CoOrgPath;
        RecordedByOrgId = recordedByOrgId;
        CreatedBy = by;
        CreatedAt = now;
        UpdatedAt = now;
    }
}

/// <summary>定期报告在外履责情况: one report per episode and schedule period.</summary>
public sealed class MobileReport : MobileRecord, IAuditable
{
    private MobileReport() { }

    public Guid EpisodeId { get; private set; }
    /// <summary>The schedule period reported on ("2026-11", "2026Q4", "2026"; see ReportPeriods).</summary>
    public string Period { get; private set; } = "";
    public DateOnly FiledOn { get; private set; }
    public string Content { get; private set; } = "";

    public string AuditType => "在外履责报告";
    public string AuditLabel => $"{MemberName} {ReportPeriods.Label(Period)}";

    public static MobileReport File(Guid id, MobileEpisode e, string period, DateOnly filedOn, string content, Guid byOrg, string by, DateTime now)
    {
        var r = new MobileReport { EpisodeId = e.Id, Period = period, FiledOn = filedOn, Content = content };
        r.Stamp(id, e, e.MemberId, e.MemberName, e.OrgId, e.OrgPath, byOrg, by, now);
        return r;
    }
}

/// <summary>1+N 结对: one liaison paired with a mobile member. Ending a pairing keeps it as history.</summary>
public sealed class MobileLiaison : IAuditable, IOrgScoped
{
    private MobileLiaison() { }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public string MemberName { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    /// <summary>The liaison when a party member of the platform; null for someone named only.</summary>
    public Guid? LiaisonMemberId { get; private set; }
    public string LiaisonName { get; private set; } = "";
    public LiaisonRole Role { get; private set; }
    public DateOnly Since { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public string AuditType => "结对联络员";
    public string AuditLabel => $"{MemberName}—{LiaisonName}（{RecordLabels.Of(Role)}）";

    public static MobileLiaison Pair(Guid id, Guid memberId, string memberName, Guid orgId, string orgPath, Guid? liaisonMemberId,
        string liaisonName, LiaisonRole role, DateOnly since, DateTime now) =>
        new()
        {
            Id = id, MemberId = memberId, MemberName = memberName, OrgId = orgId, OrgPath = orgPath, LiaisonMemberId = liaisonMemberId,
            LiaisonName = liaisonName, Role = role, Since = since, CreatedAt = now,
        };

    public void End(DateOnly on)
    {
        if (EndedOn is not null) throw new DomainException("id", "该结对已经解除");
        EndedOn = on < Since ? Since : on;
    }
}

/// <summary>A contact with a mobile member (phone, WeChat, visit); Reachable marks a confirmed contact (联系方式清).</summary>
public sealed class MobileContact : MobileRecord, IAuditable
{
    private MobileContact() { }

    public Guid? EpisodeId { get; private set; }
    public Guid? LiaisonId { get; private set; }
    public string ContactedBy { get; private set; } = "";
    public ContactChannel Channel { get; private set; }
    public DateOnly ContactedOn { get; private set; }
    public bool Reachable { get; private set; }
    public string Content { get; private set; } = "";

    public string AuditType => "联络记录";
    public string AuditLabel => $"{MemberName} {ContactedOn:yyyy-MM-dd}";

    public static MobileContact Log(Guid id, MobileEpisode? e, Guid memberId, string memberName, Guid homeOrgId, string homeOrgPath,
        Guid? liaisonId, string contactedBy, ContactChannel channel, DateOnly on, bool reachable, string content, Guid byOrg, string by, DateTime now)
    {
        var c = new MobileContact { EpisodeId = e?.Id, LiaisonId = liaisonId, ContactedBy = contactedBy, Channel = channel, ContactedOn = on, Reachable = reachable, Content = content };
        c.Stamp(id, e, memberId, memberName, homeOrgId, homeOrgPath, byOrg, by, now);
        return c;
    }
}

/// <summary>Organizational life, study or service a mobile member took part in, recorded by either side (双向管理).</summary>
public sealed class MobileActivity : MobileRecord, IAuditable
{
    private MobileActivity() { }

    public Guid EpisodeId { get; private set; }
    public ActivityKind Kind { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public string Content { get; private set; } = "";

    public string AuditType => "流动党员活动";
    public string AuditLabel => $"{MemberName} {RecordLabels.Of(Kind)} {OccurredOn:yyyy-MM-dd}";

    public static MobileActivity Record(Guid id, MobileEpisode e, ActivityKind kind, DateOnly on, string content, Guid byOrg, string by, DateTime now)
    {
        var a = new MobileActivity { EpisodeId = e.Id, Kind = kind, OccurredOn = on, Content = content };
        a.Stamp(id, e, e.MemberId, e.MemberName, e.OrgId, e.OrgPath, byOrg, by, now);
        return a;
    }
}

/// <summary>走访慰问: a visit to a mobile member, with the problems raised and how many were solved.</summary>
public sealed class MobileVisit : MobileRecord, IAuditable
{
    private MobileVisit() { }

    public VisitKind Kind { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public string Visitors { get; private set; } = "";
    public string? Notes { get; private set; }
    public string? Problems { get; private set; }
    public int ProblemsRaised { get; private set; }
    public int ProblemsSolved { get; private set; }
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "走访慰问";
    public string AuditLabel => $"{MemberName} {VisitedOn:yyyy-MM-dd}";

    public static MobileVisit Record(Guid id, MobileEpisode? e, Guid memberId, string memberName, Guid homeOrgId, string homeOrgPath, Guid byOrg, string by, DateTime now)
    {
        var v = new MobileVisit { Version = id };
        v.Stamp(id, e, memberId, memberName, homeOrgId, homeOrgPath, byOrg, by, now);
        return v;
    }

    public void Set(VisitKind kind, DateOnly on, string visitors, string? notes, string? problems, int raised, int solved, DateTime now)
    {
        if (raised < 0) throw new DomainException("problemsRaised", "反映问题数不能为负数");
        if (solved < 0) throw new DomainException("problemsSolved", "解决问题数不能为负数");
        if (solved > raised) throw new DomainException("problemsSolved", "解决问题数不能多于反映问题数");
        if (raised > 0 && string.IsNullOrWhiteSpace(problems)) throw new DomainException("problems", "请简述反映的问题");
        Kind = kind;
        VisitedOn = on;
        Visitors = visitors;
        Notes = notes;
        Problems = problems;
        ProblemsRaised = raised;
        ProblemsSolved = solved;
        UpdatedAt = now;
    }
}

/// <summary>建言献策: a suggestion filed by (or for) a mobile member, and what became of it.</summary>
public sealed class MobileSuggestion : MobileRecord, IAuditable
{
    private MobileSuggestion() { }

    public DateOnly FiledOn { get; private set; }
    public SuggestionArea Area { get; private set; }
    public string Title { get; private set; } = "";
    public string Content { get; private set; } = "";
    public SuggestionStatus Status { get; private set; }
    public string? Response { get; private set; }
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "建言献策";
    public string AuditLabel => $"{MemberName}：{Title}";

    public static MobileSuggestion File(Guid id, MobileEpisode? e, Guid memberId, string memberName, Guid homeOrgId, string homeOrgPath,
        DateOnly on, SuggestionArea area, string title, string content, Guid byOrg, string by, DateTime now)
    {
        var s = new MobileSuggestion { FiledOn = on, Area = area, Title = title, Content = content, Status = SuggestionStatus.Received, Version = id };
        s.Stamp(id, e, memberId, memberName, homeOrgId, homeOrgPath, byOrg, by, now);
        return s;
    }

    public void Respond(SuggestionStatus status, string? response, DateTime now)
    {
        Status = status;
        Response = response;
        UpdatedAt = now;
    }
}
