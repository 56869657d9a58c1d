namespace Lianxin.Modules.Mobile.Domain;

/// <summary>Where an outbound registration (外出报备) stands.</summary>
public enum EpisodeStatus { Pending, Approved, Rejected, Returned, Withdrawn }

/// <summary>Why a member goes away.</summary>
public enum OutboundReason { Work, Business, FamilyCare, Retirement, Medical, Study, Other }

public static class EpisodeLabels
{
    public static string Of(OutboundReason r) => r switch
    {
        OutboundReason.Work => "外出务工",
        OutboundReason.Business => "经商创业",
        OutboundReason.FamilyCare => "随迁子女/投亲",
        OutboundReason.Retirement => "异地养老",
        OutboundReason.Medical => "外出就医",
        OutboundReason.Study => "外出求学",
        _ => "其他",
    };

    public static string Of(EpisodeStatus s) => s switch
    {
        EpisodeStatus.Pending => "待审批",
        EpisodeStatus.Approved => "外出中",
        EpisodeStatus.Rejected => "已驳回",
        EpisodeStatus.Returned => "已返回",
        _ => "已撤回",
    };
}

/// <summary>
/// One period away from home (外出报备 → 审批 → 返回). The home (流出地) organization owns it (OrgPath); the flow-in
/// (流入地) organization, when known, co-manages it (CoOrgPath) and sees it while it is open. A member has at most
/// one open episode (pending or approved); closed ones are kept as history.
/// </summary>
public sealed class MobileEpisode : IAuditable, ICoManaged
{
    private MobileEpisode() { }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public string MemberName { get; private set; } = "";
    /// <summary>The home organization: the member's own organization when the episode was registered.</summary>
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    /// <summary>The flow-in organization (a 流动党支部/党小组 or the destination's own organization), if known.</summary>
    public Guid? CoOrgId { get; private set; }
    public string? CoOrgPath { get; private set; }
    public string DestinationRegionCode { get; private set; } = "";
    public string DestinationRegionName { get; private set; } = "";
    public string DestinationAddress { get; private set; } = "";
    public OutboundReason Reason { get; private set; }
    public string? ReasonNote { get; private set; }
    public DateOnly LeftOn { get; private set; }
    public DateOnly ExpectedReturnOn { get; private set; }
    [NotAudited] public string ContactPhoneCipher { get; private set; } = "";
    public string ContactPhoneMasked { get; private set; } = "";
    public string? ContactWeChat { get; private set; }
    public EpisodeStatus Status { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? RejectReason { get; private set; }
    public DateOnly? ReturnedOn { get; private set; }
    public string? ReturnNote { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "外出报备";
    public string AuditLabel => $"{MemberName}（{DestinationRegionName}）";

    public bool IsOpen => Status is EpisodeStatus.Pending or EpisodeStatus.Approved;

    /// <summary>Approved and past its expected end without a return.</summary>
    public bool IsOverdue(DateOnly today) => Status == EpisodeStatus.Approved && ExpectedReturnOn < today;

    public static MobileEpisode Register(Guid id, Guid memberId, string memberName, Guid homeOrgId, string homeOrgPath, string createdBy, DateTime now) =>
        new()
        {
            Id = id, MemberId = memberId, MemberName = memberName, OrgId = homeOrgId, OrgPath = homeOrgPath,
            Status = EpisodeStatus.Pending, CreatedAt = now, CreatedBy = createdBy, UpdatedAt = now, Version = id,
        };

    public void SetDetails(string regionCode, string regionName, string address, OutboundReason reason, string? reasonNote,
        DateOnly leftOn, DateOnly expectedReturnOn, DateTime now)
    {
        if (expectedReturnOn < leftOn) throw new DomainException("expectedReturnOn", "预计返回日期不能早于外出日期");
        DestinationRegionCode = regionCode;
        DestinationRegionName = regionName;
        DestinationAddress = address;
        Reason = reason;
        ReasonNote = reasonNote;
        LeftOn = leftOn;
        ExpectedReturnOn = expectedReturnOn;
        UpdatedAt = now;
    }

    public void SetContact(string phoneCipher, string phoneMasked, string? weChat, DateTime now)
    {
        ContactPhoneCipher = phoneCipher;
        ContactPhoneMasked = phoneMasked;
        ContactWeChat = weChat;
        UpdatedAt = now;
    }

    public void SetFlowIn(Guid? orgId, string? orgPath, DateTime now)
    {
        CoOrgId = orgId;
        CoOrgPath = orgPath;
        UpdatedAt = now;
    }

    public void Approve(string by, DateTime now)
    {
        if (Status != EpisodeStatus.Pending) throw new DomainException("status", $"该报备{EpisodeLabels.Of(Status)}，不能审批");
        Status = EpisodeStatus.Approved;
        DecidedAt = now;
        DecidedBy = by;
        UpdatedAt = now;
    }

    public void Reject(string reason, string by, DateTime now)
    {
        if (Status != EpisodeStatus.Pending) throw new DomainException("status", $"该报备{EpisodeLabels.Of(Status)}，不能驳回");
        Status = EpisodeStatus.Rejected;
        RejectReason = reason;
        DecidedAt = now;
        DecidedBy = by;
        UpdatedAt = now;
    }

    /// <summary>返回: closes an approved episode on the day the member came back.</summary>
    public void Return(DateOnly on, string? note, DateOnly today, DateTime now)
    {
        if (Status != EpisodeStatus.Approved) throw new DomainException("status", $"该报备{EpisodeLabels.Of(Status)}，不能登记返回");
        if (on < LeftOn) throw new DomainException("returnedOn", "返回日期不能早于外出日期");
        if (on > today) throw new DomainException("returnedOn", "返回日期不能晚于今天");
        Status = EpisodeStatus.Returned;
        ReturnedOn = on;
        ReturnNote = note;
        UpdatedAt = now;
    }

    /// <summary>撤回: the registration is taken back before it was decided.</summary>
    public void Withdraw(DateTime now)
    {
        if (Status != EpisodeStatus.Pending) throw new DomainException("status", "只有待审批的报备可以撤回");
        Status = EpisodeStatus.Withdrawn;
        UpdatedAt = now;
    }

    /// <summary>The day from which the episode counts as registered away (reports are due from its period on).</summary>
    public DateOnly ActiveFrom => LeftOn;

    /// <summary>The last day the episode ran (its return, or today while open).</summary>
    public DateOnly ActiveTo(DateOnly today) => ReturnedOn ?? today;
}
