namespace Lianxin.Modules.OrgLife.Domain;

public enum MeetingStatus { Draft, Submitted, Returned }

/// <summary>
/// A 三会一课 record of one branch: when and where, who hosted, the topic, who attended and who was absent (and
/// why), the minutes, attachments. Drafted and submitted by the branch; a higher organization may return it for
/// correction with a comment. Only submitted records count towards compliance.
/// </summary>
public sealed class Meeting : IAuditable, IOrgScoped
{
    private Meeting() { }

    public Guid Id { get; private set; }
    /// <summary>The branch that held the meeting.</summary>
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    /// <summary>For a 党小组会: the group that met (a 党小组 of the branch).</summary>
    public Guid? GroupId { get; private set; }
    public MeetingKind Kind { get; private set; }
    public DateOnly HeldOn { get; private set; }
    /// <summary>yyyymm of HeldOn, for grouping by month in SQL on both databases.</summary>
    public int HeldMonth { get; private set; }
    public TimeOnly StartTime { get; private set; }
    public TimeOnly? EndTime { get; private set; }
    public string Place { get; private set; } = "";
    public string Host { get; private set; } = "";
    public string Topic { get; private set; } = "";
    public string? Minutes { get; private set; }
    public MeetingStatus Status { get; private set; }
    public int ExpectedCount { get; private set; }
    public int PresentCount { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTime? ReturnedAt { get; private set; }
    public string? ReturnedBy { get; private set; }
    public string? ReturnComment { get; private set; }
    public bool IsDeleted { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public string? DeleteReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }
    public List<MeetingAttendance> Attendance { get; private set; } = [];

    public string AuditType => "三会一课";
    public string AuditLabel => $"{MeetingKinds.Label(Kind)} {HeldOn:yyyy-MM-dd} {Topic}";

    public (string Action, string Verb)? NameChange(IReadOnlyCollection<string> changed) =>
        changed.Contains(nameof(SubmittedAt)) && Status == MeetingStatus.Submitted ? ("submit", "提交")
        : changed.Contains(nameof(ReturnedAt)) && Status == MeetingStatus.Returned ? ("return", "退回")
        : null;

    public bool IsEditable => Status != MeetingStatus.Submitted;

    public static Meeting Create(Guid id, Guid orgId, string orgPath, MeetingKind kind, DateTime now) =>
        new() { Id = id, OrgId = orgId, OrgPath = orgPath, Kind = kind, Status = MeetingStatus.Draft, CreatedAt = now, UpdatedAt = now, Version = id };

    public void Describe(Guid? groupId, DateOnly heldOn, TimeOnly start, TimeOnly? end, string place, string host, string topic, string? minutes, DateTime now)
    {
        EnsureEditable();
        GroupId = groupId;
        HeldOn = heldOn;
        HeldMonth = YearMonth.Of(heldOn).Key;
        StartTime = start;
        EndTime = end;
        Place = place;
        Host = host;
        Topic = topic;
        Minutes = minutes;
        UpdatedAt = now;
    }

    public void SetAttendance(IEnumerable<MeetingAttendance> rows, DateTime now)
    {
        EnsureEditable();
        var wanted = rows.ToDictionary(r => r.MemberId);
        Attendance.RemoveAll(a => !wanted.ContainsKey(a.MemberId));
        foreach (var (memberId, row) in wanted)
        {
            var existing = Attendance.FirstOrDefault(a => a.MemberId == memberId);
            if (existing is null) Attendance.Add(row);
            else existing.Set(row.MemberName, row.Present, row.AbsenceReason);
        }
        ExpectedCount = Attendance.Count;
        PresentCount = Attendance.Count(a => a.Present);
        UpdatedAt = now;
    }

    public void Submit(string actor, DateTime now)
    {
        EnsureEditable();
        Status = MeetingStatus.Submitted;
        SubmittedAt = now;
        SubmittedBy = actor;
        UpdatedAt = now;
    }

    public void Return(string actor, string comment, DateTime now)
    {
        if (Status != MeetingStatus.Submitted) throw new DomainException("status", "只有已提交的记录可以退回");
        Status = MeetingStatus.Returned;
        ReturnedAt = now;
        ReturnedBy = actor;
        ReturnComment = comment;
        UpdatedAt = now;
    }

    public void SoftDelete(string? reason, DateTime now)
    {
        if (Status == MeetingStatus.Submitted) throw new DomainException("status", "已提交的记录不能删除；如需更正，请由上级组织退回");
        IsDeleted = true;
        DeletedAt = now;
        DeleteReason = reason;
        UpdatedAt = now;
    }

    private void EnsureEditable()
    {
        if (!IsEditable) throw new DomainException("status", "记录已提交，不能修改；如需更正，请由上级组织退回");
    }
}

/// <summary>One member on a meeting's list: present, or absent with a reason. The name is kept as it was then.</summary>
public sealed class MeetingAttendance
{
    private MeetingAttendance() { }

    public MeetingAttendance(Guid meetingId, Guid memberId, string memberName, bool present, string? absenceReason)
    {
        MeetingId = meetingId;
        MemberId = memberId;
        Set(memberName, present, absenceReason);
    }

    public Guid MeetingId { get; private set; }
    public Guid MemberId { get; private set; }
    public string MemberName { get; private set; } = "";
    public bool Present { get; private set; }
    public string? AbsenceReason { get; private set; }

    public void Set(string memberName, bool present, string? absenceReason)
    {
        MemberName = memberName;
        Present = present;
        AbsenceReason = present ? null : absenceReason;
    }
}

/// <summary>A file attached to an organizational-life record (a meeting or a themed-day record).</summary>
public sealed class Attachment : IAuditable, IOrgScoped
{
    private Attachment() { }

    public Guid Id { get; private set; }
    /// <summary>The meeting or themed-day record it belongs to.</summary>
    public Guid OwnerId { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public bool IsDeleted { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }

    public string AuditType => "附件";
    public string AuditLabel => FileName;

    public static Attachment Create(Guid id, Guid ownerId, Guid orgId, string orgPath, string fileName, string contentType, long size,
        string sha256, string? createdBy, DateTime now) =>
        new()
        {
            Id = id, OwnerId = ownerId, OrgId = orgId, OrgPath = orgPath, FileName = fileName, ContentType = contentType,
            Size = size, Sha256 = sha256, CreatedAt = now, CreatedBy = createdBy,
        };

    public void SoftDelete() => IsDeleted = true;
}
