namespace Lianxin.Modules.Workforce.Domain;

/// <summary>培训类型: 初任培训, 履职培训, 学历提升, 实践实训.</summary>
public enum TrainingKind { Initial, OnDuty, Education, Practice }

/// <summary>
/// A training class (培训班) organized by an organization (OrgId/OrgPath: the organizer's party organization): its
/// sessions (课次), the workers enrolled and their attendance. A worker completes the class when attending at least
/// <see cref="CompletionPercent"/> percent of its sessions.
/// </summary>
public sealed class TrainingClass : IAuditable, IOrgScoped
{
    private TrainingClass() { }

    public Guid Id { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public string Name { get; private set; } = "";
    public TrainingKind Kind { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    /// <summary>学时 of the whole class as announced.</summary>
    public decimal Hours { get; private set; }
    /// <summary>主办单位 (free text: 区委组织部, 街道党工委 …).</summary>
    public string Organizer { get; private set; } = "";
    /// <summary>Share of the sessions (percent) a worker attends to complete the class.</summary>
    public int CompletionPercent { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "培训班";
    public string AuditLabel => Name;

    public static TrainingClass Create(Guid id, Guid orgId, string orgPath, string by, DateTime now) =>
        new() { Id = id, OrgId = orgId, OrgPath = orgPath, CreatedBy = by, CreatedAt = now, Version = id };

    public void Set(string name, TrainingKind kind, DateOnly start, DateOnly end, decimal hours, string organizer, int completionPercent, DateTime now)
    {
        if (end < start) throw new DomainException("endDate", "结束日期不能早于开始日期");
        if (completionPercent is < 1 or > 100) throw new DomainException("completionPercent", "结业出勤比例应在1到100之间");
        Name = name;
        Kind = kind;
        StartDate = start;
        EndDate = end;
        Hours = hours;
        Organizer = organizer;
        CompletionPercent = completionPercent;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}

/// <summary>One session (课次) of a training class.</summary>
public sealed class TrainingSession : IAuditable, IOrgScoped
{
    private TrainingSession() { }

    public Guid Id { get; private set; }
    public Guid ClassId { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string Topic { get; private set; } = "";
    public decimal Hours { get; private set; }

    public string AuditType => "培训课次";
    public string AuditLabel => $"{Date:yyyy-MM-dd} {Topic}";

    public static TrainingSession Create(Guid id, TrainingClass c, DateOnly date, string topic, decimal hours)
    {
        if (date < c.StartDate || date > c.EndDate) throw new DomainException("date", "课次日期应在培训班起止日期之内");
        return new() { Id = id, ClassId = c.Id, OrgId = c.OrgId, OrgPath = c.OrgPath, Date = date, Topic = topic, Hours = hours };
    }
}

/// <summary>A worker enrolled in a training class (参训人员), with whether the class counts as completed for them.</summary>
public sealed class TrainingEnrolment : IAuditable, IOrgScoped
{
    private TrainingEnrolment() { }

    public Guid Id { get; private set; }
    public Guid ClassId { get; private set; }
    public Guid WorkerId { get; private set; }
    public string WorkerName { get; private set; } = "";
    /// <summary>The class's organization (the record belongs to the class).</summary>
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public int Attended { get; private set; }
    public bool Completed { get; private set; }
    /// <summary>The class's end date when completed: the date the training counts from.</summary>
    public DateOnly? CompletedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public string AuditType => "培训参训人员";
    public string AuditLabel => WorkerName;

    public static TrainingEnrolment Create(Guid id, TrainingClass c, Worker w, DateTime now) =>
        new() { Id = id, ClassId = c.Id, WorkerId = w.Id, WorkerName = w.Name, OrgId = c.OrgId, OrgPath = c.OrgPath, CreatedAt = now };

    /// <summary>Recounts attendance against the class's sessions and its completion share.</summary>
    public void Recount(TrainingClass c, int sessions, int attended)
    {
        Attended = attended;
        Completed = DevelopmentRules.CompletesClass(sessions, attended, c.CompletionPercent);
        CompletedOn = Completed ? c.EndDate : null;
    }
}

/// <summary>A worker's presence at one session (a row exists only when present).</summary>
public sealed class TrainingAttendance : IAuditable, IOrgScoped
{
    private TrainingAttendance() { }

    public Guid Id { get; private set; }
    public Guid ClassId { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid WorkerId { get; private set; }
    public string WorkerName { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";

    public string AuditType => "培训出勤";
    public string AuditLabel => WorkerName;

    public static TrainingAttendance Create(Guid id, TrainingSession s, TrainingEnrolment e) =>
        new() { Id = id, ClassId = s.ClassId, SessionId = s.Id, WorkerId = e.WorkerId, WorkerName = e.WorkerName, OrgId = s.OrgId, OrgPath = s.OrgPath };
}
