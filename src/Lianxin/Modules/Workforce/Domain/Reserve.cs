namespace Lianxin.Modules.Workforce.Domain;

/// <summary>后备人才库: 社区书记后备 and 两委后备.</summary>
public enum ReserveKind { SecretaryReserve, CommitteeReserve }

public enum ReserveStatus { InPool, Promoted, Removed }

/// <summary>书记备案 at the county organization department.</summary>
public enum FilingStatus { Submitted, Accepted, Returned }

public static class ReserveLabels
{
    public static string Of(ReserveKind k) => k == ReserveKind.SecretaryReserve ? "社区书记后备" : "两委后备";
    public static string Of(ReserveStatus s) => s switch { ReserveStatus.InPool => "在库", ReserveStatus.Promoted => "已使用", _ => "已出库" };
    public static string Of(FilingStatus s) => s switch { FilingStatus.Submitted => "已报备", FilingStatus.Accepted => "已备案", _ => "已退回" };
}

/// <summary>One person in a community's reserve pool (a worker, or someone not yet on the roster, named only).</summary>
public sealed class ReserveEntry : IAuditable, IOrgScoped
{
    private ReserveEntry() { }

    public Guid Id { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public ReserveKind Kind { get; private set; }
    public Guid? WorkerId { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly AddedOn { get; private set; }
    public string? Note { get; private set; }
    public ReserveStatus Status { get; private set; }
    public DateOnly? LeftOn { get; private set; }
    public string? LeftReason { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public string AuditType => "后备人才";
    public string AuditLabel => $"{Name}（{ReserveLabels.Of(Kind)}）";

    public static ReserveEntry Add(Guid id, Guid orgId, string orgPath, ReserveKind kind, Guid? workerId, string name, DateOnly on, string? note, DateTime now) =>
        new() { Id = id, OrgId = orgId, OrgPath = orgPath, Kind = kind, WorkerId = workerId, Name = name, AddedOn = on, Note = note, Status = ReserveStatus.InPool, CreatedAt = now };

    public void Leave(ReserveStatus status, DateOnly on, string? reason)
    {
        if (Status != ReserveStatus.InPool) throw new DomainException("status", "该人员已不在后备库中");
        if (status == ReserveStatus.InPool) throw new DomainException("status", "请选择出库方式");
        if (on < AddedOn) throw new DomainException("on", "出库日期不能早于入库日期");
        Status = status;
        LeftOn = on;
        LeftReason = reason;
    }
}

/// <summary>竞聘上岗: a competition for a post, its candidates' scores and the appointee (whose post change it records).</summary>
public sealed class Competition : IAuditable, IOrgScoped
{
    private Competition() { }

    public Guid Id { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public string Title { get; private set; } = "";
    public WorkerPost Post { get; private set; }
    public DateOnly HeldOn { get; private set; }
    /// <summary>Candidates and scores as written by the clerk (e.g. "张三 86.5；李四 82").</summary>
    public string Candidates { get; private set; } = "";
    public Guid AppointedWorkerId { get; private set; }
    public string AppointedName { get; private set; } = "";
    public Guid PostChangeId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public string AuditType => "竞聘上岗";
    public string AuditLabel => $"{Title}：{AppointedName}";

    public static Competition Record(Guid id, Guid orgId, string orgPath, string title, WorkerPost post, DateOnly heldOn, string candidates,
        Worker appointed, Guid postChangeId, DateTime now) =>
        new()
        {
            Id = id, OrgId = orgId, OrgPath = orgPath, Title = title, Post = post, HeldOn = heldOn, Candidates = candidates,
            AppointedWorkerId = appointed.Id, AppointedName = appointed.Name, PostChangeId = postChangeId, CreatedAt = now,
        };
}

/// <summary>书记备案: a community secretary filed with the county organization department.</summary>
public sealed class SecretaryFiling : IAuditable, IOrgScoped
{
    private SecretaryFiling() { }

    public Guid Id { get; private set; }
    public Guid WorkerId { get; private set; }
    public string WorkerName { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    /// <summary>The county organization department's organization (the county party committee).</summary>
    public Guid FiledWithOrgId { get; private set; }
    public DateOnly FiledOn { get; private set; }
    public string? DocumentNumber { get; private set; }
    public FilingStatus Status { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public string? DecisionNote { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public string AuditType => "书记备案";
    public string AuditLabel => WorkerName;

    public static SecretaryFiling Submit(Guid id, Worker w, Guid filedWith, DateOnly on, string? documentNumber, DateTime now) =>
        new()
        {
            Id = id, WorkerId = w.Id, WorkerName = w.Name, OrgId = w.OrgId, OrgPath = w.OrgPath, FiledWithOrgId = filedWith, FiledOn = on,
            DocumentNumber = documentNumber, Status = FilingStatus.Submitted, CreatedAt = now,
        };

    public void Decide(bool accepted, DateOnly on, string? note)
    {
        if (Status != FilingStatus.Submitted) throw new DomainException("status", "该备案已处理");
        if (!accepted && string.IsNullOrWhiteSpace(note)) throw new DomainException("note", "退回须写明原因");
        if (on < FiledOn) throw new DomainException("on", "处理日期不能早于报备日期");
        Status = accepted ? FilingStatus.Accepted : FilingStatus.Returned;
        DecidedOn = on;
        DecisionNote = note;
    }
}
