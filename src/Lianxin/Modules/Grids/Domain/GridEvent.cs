namespace Lianxin.Modules.Grids.Domain;

/// <summary>多网合一: the network an event came from.</summary>
public enum EventNetwork { PartyBuilding, Comprehensive, CivilAffairs, UrbanManagement, Emergency }

/// <summary>Who reported it.</summary>
public enum ReporterKind { GridStaff, Resident, Shop, Open311 }

/// <summary>Where an event stands in the closed loop (上报 → 研判 → 派单 → 处置 → 反馈 → 核查 → 办结).</summary>
public enum EventStatus { Reported, Accepted, Dispatched, InProgress, Feedback, Closed, Rejected, Merged }

/// <summary>What a user (or the escalation job) does to an event; every one goes through <see cref="EventWorkflow"/>.</summary>
public enum EventAction { Accept, Merge, Reject, Dispatch, Return, Start, Progress, Feedback, Pass, Fail, Rate, Reopen, Escalate }

public enum HandlingUnitKind { Department, PairedUnit }

public static class EventLabels
{
    public static string Of(EventStatus s) => s switch
    {
        EventStatus.Reported => "待研判", EventStatus.Accepted => "待派单", EventStatus.Dispatched => "待处置", EventStatus.InProgress => "处置中",
        EventStatus.Feedback => "待核查", EventStatus.Closed => "已办结", EventStatus.Rejected => "不予受理", _ => "已合并",
    };

    public static string Of(EventAction a) => a switch
    {
        EventAction.Accept => "受理", EventAction.Merge => "合并重复事件", EventAction.Reject => "不予受理", EventAction.Dispatch => "派单",
        EventAction.Return => "退单", EventAction.Start => "接单处置", EventAction.Progress => "处置进展", EventAction.Feedback => "处置反馈",
        EventAction.Pass => "核查通过", EventAction.Fail => "核查不通过", EventAction.Rate => "评价", EventAction.Reopen => "回头看重新处置",
        _ => "超期上报",
    };

    public static string Of(EventNetwork n) => n switch
    {
        EventNetwork.PartyBuilding => "党建", EventNetwork.Comprehensive => "综治", EventNetwork.CivilAffairs => "民政",
        EventNetwork.UrbanManagement => "城管", _ => "应急",
    };

    public static string Of(ReporterKind k) => k switch
    {
        ReporterKind.GridStaff => "网格员", ReporterKind.Resident => "居民", ReporterKind.Shop => "商户", _ => "Open311 接口",
    };

    public static string Of(HandlingUnitKind k) => k == HandlingUnitKind.Department ? "职能部门" : "双报到单位";
}

/// <summary>
/// The one state machine of the closed loop. Every transition an event may take is a row here; anything else is refused
/// with the current state and the attempted action named. Escalation and progress notes keep the state.
/// </summary>
public static class EventWorkflow
{
    public static readonly IReadOnlyDictionary<EventAction, (EventStatus[] From, EventStatus? To)> Transitions =
        new Dictionary<EventAction, (EventStatus[] From, EventStatus? To)>
        {
            [EventAction.Accept] = ([EventStatus.Reported], EventStatus.Accepted),
            [EventAction.Merge] = ([EventStatus.Reported], EventStatus.Merged),
            [EventAction.Reject] = ([EventStatus.Reported], EventStatus.Rejected),
            [EventAction.Dispatch] = ([EventStatus.Accepted], EventStatus.Dispatched),
            [EventAction.Return] = ([EventStatus.Dispatched], EventStatus.Accepted),
            [EventAction.Start] = ([EventStatus.Dispatched], EventStatus.InProgress),
            [EventAction.Progress] = ([EventStatus.InProgress], null),
            [EventAction.Feedback] = ([EventStatus.InProgress], EventStatus.Feedback),
            [EventAction.Pass] = ([EventStatus.Feedback], EventStatus.Closed),
            [EventAction.Fail] = ([EventStatus.Feedback], EventStatus.InProgress),
            [EventAction.Rate] = ([EventStatus.Closed], null),
            [EventAction.Reopen] = ([EventStatus.Closed], EventStatus.InProgress),
            [EventAction.Escalate] = ([EventStatus.Dispatched, EventStatus.InProgress], null),
        };

    /// <summary>The state after the action, or a DomainException naming why it is not allowed now.</summary>
    public static EventStatus Next(EventStatus current, EventAction action)
    {
        var (from, to) = Transitions[action];
        if (!from.Contains(current))
            throw new DomainException("action", $"事件当前为「{EventLabels.Of(current)}」，不能{EventLabels.Of(action)}");
        return to ?? current;
    }

    public static bool Allowed(EventStatus current, EventAction action) => Transitions[action].From.Contains(current);

    /// <summary>States in which the handling unit's clock runs (an event past its deadline here is overdue).</summary>
    public static readonly EventStatus[] Handling = [EventStatus.Dispatched, EventStatus.InProgress];

    /// <summary>
    /// Past its deadline: handled (反馈) after it, or still being handled now after it. A check that sends an event back
    /// clears the handled time, so the clock runs again.
    /// </summary>
    public static bool Overdue(EventStatus status, DateTime? deadline, DateTime? handledAt, DateTime now) =>
        deadline is { } d && (handledAt ?? (Handling.Contains(status) ? now : null)) > d;

    /// <summary>States still moving through the loop.</summary>
    public static readonly EventStatus[] Open = [EventStatus.Reported, EventStatus.Accepted, EventStatus.Dispatched, EventStatus.InProgress, EventStatus.Feedback];
}

/// <summary>事件分类: a configurable tree; the time limit (办理时限) sets the deadline on dispatch. The code is the Open311 service_code.</summary>
public sealed class EventCategory : IAuditable
{
    private EventCategory() { }

    public Guid Id { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public int TimeLimitHours { get; private set; }
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public string AuditType => "事件分类";
    public string AuditLabel => Name;

    public static EventCategory Create(Guid? parentId, string code, string name, string? description, int timeLimitHours, int sortOrder, DateTime now, Guid? id = null) =>
        new()
        {
            Id = id ?? Guid.CreateVersion7(), ParentId = parentId, Code = code, Name = name, Description = description,
            TimeLimitHours = timeLimitHours, SortOrder = sortOrder, IsActive = true, UpdatedAt = now,
        };

    public void Update(string name, string? description, int timeLimitHours, int sortOrder, bool isActive, DateTime now)
    {
        Name = name;
        Description = description;
        TimeLimitHours = timeLimitHours;
        SortOrder = sortOrder;
        IsActive = isActive;
        UpdatedAt = now;
    }
}

/// <summary>承办单位: a department or a 双报到 unit that events are dispatched to (街道吹哨、部门报到). Owned by a street or county.</summary>
public sealed class HandlingUnit : IAuditable, IOrgScoped
{
    private HandlingUnit() { }

    public Guid Id { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public string Name { get; private set; } = "";
    public HandlingUnitKind Kind { get; private set; }
    public string? Contact { get; private set; }
    public bool IsActive { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public string AuditType => "承办单位";
    public string AuditLabel => Name;

    public static HandlingUnit Create(Guid orgId, string orgPath, string name, HandlingUnitKind kind, string? contact, DateTime now, Guid? id = null) =>
        new() { Id = id ?? Guid.CreateVersion7(), OrgId = orgId, OrgPath = orgPath, Name = name, Kind = kind, Contact = contact, IsActive = true, CreatedAt = now };

    public void Update(string name, HandlingUnitKind kind, string? contact, bool isActive)
    {
        Name = name;
        Kind = kind;
        Contact = contact;
        IsActive = isActive;
    }
}

/// <summary>
/// 事件: one report moving through the closed loop. It is owned by the community its point fell in (or the community
/// queue, flagged, when it fell in no grid); escalation names the organization one level up.
/// </summary>
public sealed class GridEvent : IAuditable, IOrgScoped
{
    private GridEvent() { }

    public Guid Id { get; private set; }
    /// <summary>事件编号, e.g. 20261201-7KQ2M9: what people read out on the phone and what Open311 calls service_request_id.</summary>
    public string Number { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public Guid CategoryId { get; private set; }
    public Guid CategoryRootId { get; private set; }
    public string CategoryName { get; private set; } = "";
    public EventNetwork Network { get; private set; }
    public string Description { get; private set; } = "";
    public double? Lon { get; private set; }
    public double? Lat { get; private set; }
    public string? Address { get; private set; }
    public Guid? GridId { get; private set; }
    public string? GridName { get; private set; }
    /// <summary>The point fell in no grid: the event waits in the community queue for someone to place it.</summary>
    public bool OutsideGrid { get; private set; }
    public ReporterKind ReporterKind { get; private set; }
    public string ReporterName { get; private set; } = "";
    [NotAudited] public string? ReporterPhoneCipher { get; private set; }
    [NotAudited] public string? ReporterPhoneHash { get; private set; }
    public string? ReporterPhoneMasked { get; private set; }
    public Guid? ReporterUserId { get; private set; }
    public EventStatus Status { get; private set; }
    public DateTime ReportedAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public DateTime? DispatchedAt { get; private set; }
    public Guid? HandlingUnitId { get; private set; }
    public string? HandlingUnitName { get; private set; }
    public DateTime? Deadline { get; private set; }
    /// <summary>When the handler last reported it done (反馈); cleared when the check sends it back.</summary>
    public DateTime? HandledAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public Guid? DuplicateOfId { get; private set; }
    public string? StatusNote { get; private set; }
    public Guid? EscalatedOrgId { get; private set; }
    public DateTime? EscalatedAt { get; private set; }
    public int ReopenCount { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "事件";
    public string AuditLabel => $"{Number} {CategoryName}";

    public bool IsOverdue(DateTime now) => EventWorkflow.Overdue(Status, Deadline, HandledAt, now);

    public static GridEvent Report(string number, EventCategory category, Guid categoryRootId, EventNetwork network, string description,
        double? lon, double? lat, string? address, (Guid OrgId, string OrgPath, Guid? GridId, string? GridName, bool Outside) place,
        ReporterKind reporterKind, string reporterName, (string Cipher, string Hash, string Masked)? phone, Guid? reporterUserId, DateTime now, Guid? id = null) =>
        new()
        {
            Id = id ?? Guid.CreateVersion7(), Number = number, OrgId = place.OrgId, OrgPath = place.OrgPath, CategoryId = category.Id,
            CategoryRootId = categoryRootId, CategoryName = category.Name, Network = network, Description = description, Lon = lon, Lat = lat,
            Address = address, GridId = place.GridId, GridName = place.GridName, OutsideGrid = place.Outside, ReporterKind = reporterKind,
            ReporterName = reporterName, ReporterPhoneCipher = phone?.Cipher, ReporterPhoneHash = phone?.Hash, ReporterPhoneMasked = phone?.Masked,
            ReporterUserId = reporterUserId, Status = EventStatus.Reported, ReportedAt = now, UpdatedAt = now, Version = Guid.NewGuid(),
        };

    /// <summary>Applies a transition (checked by the workflow) and returns the state it left.</summary>
    public EventStatus Apply(EventAction action, DateTime now, string? note = null)
    {
        var from = Status;
        Status = EventWorkflow.Next(Status, action);
        if (note is not null) StatusNote = note;
        UpdatedAt = now;
        Version = Guid.NewGuid();
        switch (action)
        {
            case EventAction.Accept: AcceptedAt = now; break;
            case EventAction.Return: HandlingUnitId = null; HandlingUnitName = null; Deadline = null; DispatchedAt = null; break;
            case EventAction.Feedback: HandledAt = now; break;
            case EventAction.Fail: HandledAt = null; break;
            case EventAction.Pass: ClosedAt = now; break;
            case EventAction.Reopen: ClosedAt = null; HandledAt = null; ReopenCount++; Rating = null; RatingComment = null; break;
        }
        return from;
    }

    public EventStatus Dispatch(Guid? unitId, string unitName, DateTime deadline, DateTime now)
    {
        var from = Apply(EventAction.Dispatch, now);
        HandlingUnitId = unitId;
        HandlingUnitName = unitName;
        DispatchedAt = now;
        Deadline = deadline;
        return from;
    }

    public EventStatus MergeInto(GridEvent original, DateTime now)
    {
        if (original.Id == Id) throw new DomainException("duplicateOfId", "不能与自身合并");
        if (original.Status is EventStatus.Merged or EventStatus.Rejected) throw new DomainException("duplicateOfId", "原事件已合并或不予受理，请选择其他事件");
        var from = Apply(EventAction.Merge, now, $"与事件 {original.Number} 重复");
        DuplicateOfId = original.Id;
        return from;
    }

    public void Rate(int rating, string? comment, DateTime now)
    {
        EventWorkflow.Next(Status, EventAction.Rate);
        if (Rating is not null) throw new DomainException("rating", "该事件已评价过");
        if (rating is < 1 or > 5) throw new DomainException("rating", "评价应为1至5星");
        Rating = rating;
        RatingComment = comment;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    public void Escalate(Guid toOrgId, DateTime now)
    {
        EventWorkflow.Next(Status, EventAction.Escalate);
        EscalatedOrgId = toOrgId;
        EscalatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>A clerk places an event from the community queue into a grid (or another community).</summary>
    public void Place(Guid orgId, string orgPath, Guid? gridId, string? gridName, DateTime now)
    {
        OrgId = orgId;
        OrgPath = orgPath;
        GridId = gridId;
        GridName = gridName;
        OutsideGrid = gridId is null;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}

/// <summary>One entry of an event's timeline: who did what, when, with what note. Never changed or deleted.</summary>
public sealed class EventStep : IOrgScoped
{
    private EventStep() { }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public string Action { get; private set; } = "";
    public EventStatus? FromStatus { get; private set; }
    public EventStatus ToStatus { get; private set; }
    public string ActorName { get; private set; } = "";
    public Guid? ActorUserId { get; private set; }
    public DateTime At { get; private set; }
    public string? Note { get; private set; }
    /// <summary>What the action named: the unit and deadline of a dispatch, the original of a merge, the stars of a rating.</summary>
    public string? Detail { get; private set; }

    public static EventStep Of(GridEvent e, string action, EventStatus? from, string actorName, Guid? actorUserId, DateTime at, string? note, string? detail) =>
        new()
        {
            Id = Guid.CreateVersion7(), EventId = e.Id, OrgId = e.OrgId, OrgPath = e.OrgPath, Action = action, FromStatus = from, ToStatus = e.Status,
            ActorName = actorName, ActorUserId = actorUserId, At = at, Note = note, Detail = detail,
        };
}

/// <summary>
/// A photo in grid work: of an event (at report, during handling, at feedback; StepId names the step) or of an inspection
/// finding (before and after). Its type is checked from its bytes; the bytes live in the file store.
/// </summary>
public sealed class GridPhoto : IOrgScoped
{
    private GridPhoto() { }

    public Guid Id { get; private set; }
    /// <summary>The event or the inspection it belongs to.</summary>
    public Guid OwnerId { get; private set; }
    public Guid? StepId { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public static GridPhoto Create(Guid ownerId, Guid orgId, string orgPath, string fileName, string contentType, long size, string sha256, DateTime now) =>
        new()
        {
            Id = Guid.CreateVersion7(), OwnerId = ownerId, OrgId = orgId, OrgPath = orgPath, FileName = fileName,
            ContentType = contentType, Size = size, Sha256 = sha256, CreatedAt = now,
        };

    public void AttachTo(Guid stepId) => StepId ??= stepId;
}
