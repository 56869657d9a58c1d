namespace Lianxin.Modules.Grids.Domain;

public enum RateRounding { Round, Truncate }

/// <summary>Grid-governance settings (key "grid"); every number here is a default an administrator may change.</summary>
public sealed class GridSettings
{
    public const string Key = "grid";

    /// <summary>Decimals of published rates (办结率, 调解成功率, 满意率).</summary>
    public int RateDecimals { get; set; } = 2;
    /// <summary>Round half away from zero, or cut off (四会 prints 743/739 as 99.4%).</summary>
    public RateRounding RateRounding { get; set; } = RateRounding.Round;
    /// <summary>A point outside every grid goes to the queue of the community of the nearest grid within this distance.</summary>
    public int NearestGridMetres { get; set; } = 3000;
    /// <summary>Largest photo accepted.</summary>
    public int MaxPhotoMegabytes { get; set; } = 10;
    /// <summary>Photos per event, over all its steps.</summary>
    public int MaxPhotosPerEvent { get; set; } = 30;
    /// <summary>Ratings at or above this count as satisfied (满意率).</summary>
    public int SatisfiedFromStars { get; set; } = 4;
}

/// <summary>Rates as organization departments publish them.</summary>
public static class Rates
{
    /// <summary>numerator ÷ denominator as a percentage with the given decimals, rounded or truncated; null when nothing to divide by.</summary>
    public static decimal? Percent(long numerator, long denominator, int decimals, RateRounding rounding)
    {
        if (denominator <= 0) return null;
        var exact = numerator * 100m / denominator;
        if (rounding == RateRounding.Round) return Math.Round(exact, decimals, MidpointRounding.AwayFromZero);
        var factor = (decimal)Math.Pow(10, decimals);
        return Math.Truncate(exact * factor) / factor;
    }

    /// <summary>The p-th percentile (nearest-rank) of the values, or null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}

/// <summary>Event numbers: the China date and six Crockford base-32 characters (no I, L, O, U), unique by index.</summary>
public static class EventNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateOnly chinaDate)
    {
        Span<char> tail = stackalloc char[6];
        for (var i = 0; i < tail.Length; i++) tail[i] = Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{chinaDate:yyyyMMdd}-{tail}";
    }
}

/// <summary>矛盾纠纷调解 outcome.</summary>
public enum MediationOutcome { Pending, Success, Failure, Transferred }

/// <summary>A 矛盾纠纷 case: parties, mediator, sessions, outcome. Success rate = 调解成功 ÷ concluded cases.</summary>
public sealed class MediationCase : IAuditable, IOrgScoped
{
    private MediationCase() { }

    public Guid Id { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public Guid? EventId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>当事人, one per line ("张某（邻居）").</summary>
    public List<string> Parties { get; private set; } = [];
    public string Mediator { get; private set; } = "";
    /// <summary>调解组织, e.g. a retired-cadre 和事佬 team.</summary>
    public string? MediatorTeam { get; private set; }
    public DateOnly AcceptedOn { get; private set; }
    public MediationOutcome Outcome { get; private set; }
    public DateOnly? ConcludedOn { get; private set; }
    public string? OutcomeNote { get; private set; }
    public DateTime CreatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }
    public List<MediationSession> Sessions { get; private set; } = [];

    public string AuditType => "矛盾纠纷调解";
    public string AuditLabel => Title;

    public static MediationCase Create(Guid orgId, string orgPath, Guid? eventId, string title, IEnumerable<string> parties, string mediator,
        string? team, DateOnly acceptedOn, DateTime now) =>
        new()
        {
            Id = Guid.CreateVersion7(), OrgId = orgId, OrgPath = orgPath, EventId = eventId, Title = title, Parties = [.. parties], Mediator = mediator,
            MediatorTeam = team, AcceptedOn = acceptedOn, Outcome = MediationOutcome.Pending, CreatedAt = now, Version = Guid.NewGuid(),
        };

    public MediationSession AddSession(DateOnly on, string? place, string notes)
    {
        if (Outcome != MediationOutcome.Pending) throw new DomainException("outcome", "案件已办结，不能再添加调解记录");
        if (on < AcceptedOn) throw new DomainException("heldOn", "调解日期不能早于受理日期");
        var s = new MediationSession(Guid.CreateVersion7(), Id, on, place, notes);
        Sessions.Add(s);
        Version = Guid.NewGuid();
        return s;
    }

    public void Conclude(MediationOutcome outcome, DateOnly on, string? note)
    {
        if (outcome == MediationOutcome.Pending) throw new DomainException("outcome", "请选择调解结果");
        if (Outcome != MediationOutcome.Pending) throw new DomainException("outcome", "案件已办结");
        if (on < AcceptedOn) throw new DomainException("concludedOn", "办结日期不能早于受理日期");
        Outcome = outcome;
        ConcludedOn = on;
        OutcomeNote = note;
        Version = Guid.NewGuid();
    }

    public static string Label(MediationOutcome o) => o switch
    {
        MediationOutcome.Pending => "调解中", MediationOutcome.Success => "调解成功", MediationOutcome.Failure => "调解失败", _ => "转办",
    };
}

public sealed class MediationSession(Guid id, Guid caseId, DateOnly heldOn, string? place, string notes)
{
    public Guid Id { get; private set; } = id;
    public Guid CaseId { get; private set; } = caseId;
    public DateOnly HeldOn { get; private set; } = heldOn;
    public string? Place { get; private set; } = place;
    public string Notes { get; private set; } = notes;
}

public enum InspectionKind { Routine, JointWeekly, LookBack }
public enum FindingStatus { Open, Rectified, Reopened }

/// <summary>排查 / 每周联合检查 / 回头看 of one grid on a date, with its findings.</summary>
public sealed class Inspection : IAuditable, IOrgScoped
{
    private Inspection() { }

    public Guid Id { get; private set; }
    public Guid GridId { get; private set; }
    public string GridName { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public InspectionKind Kind { get; private set; }
    public DateOnly ScheduledOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public string Inspectors { get; private set; } = "";
    public string? Notes { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public List<InspectionFinding> Findings { get; private set; } = [];

    public string AuditType => "网格排查";
    public string AuditLabel => $"{GridName} {ScheduledOn:yyyy-MM-dd}";

    public static string Label(InspectionKind k) => k switch
    {
        InspectionKind.Routine => "日常排查", InspectionKind.JointWeekly => "每周联合检查", _ => "回头看",
    };

    public static string Label(FindingStatus s) => s switch
    {
        FindingStatus.Open => "待整改", FindingStatus.Rectified => "已整改", _ => "复查未通过",
    };

    public static Inspection Schedule(Grid grid, InspectionKind kind, DateOnly on, string inspectors, string? notes, DateTime now) =>
        new()
        {
            Id = Guid.CreateVersion7(), GridId = grid.Id, GridName = grid.Name, OrgId = grid.OrgId, OrgPath = grid.OrgPath, Kind = kind,
            ScheduledOn = on, Inspectors = inspectors, Notes = notes, CreatedAt = now,
        };

    /// <summary>Records the inspection as carried out (also when it found nothing).</summary>
    public void MarkDone(DateOnly today)
    {
        if (ScheduledOn > today) throw new DomainException("doneOn", "排查日期还没到，不能登记为已完成");
        DoneOn ??= today;
    }

    public InspectionFinding AddFinding(string description, Guid? photoId, DateOnly deadline, DateOnly today)
    {
        if (deadline < today) throw new DomainException("deadline", "整改期限不能早于今天");
        DoneOn ??= today;
        var f = new InspectionFinding(Guid.CreateVersion7(), Id, description, photoId, deadline);
        Findings.Add(f);
        return f;
    }
}

/// <summary>A problem found on an inspection: before photo, deadline, and the re-check with the after photo.</summary>
public sealed class InspectionFinding(Guid id, Guid inspectionId, string description, Guid? photoId, DateOnly deadline)
{
    public Guid Id { get; private set; } = id;
    public Guid InspectionId { get; private set; } = inspectionId;
    public string Description { get; private set; } = description;
    public Guid? PhotoId { get; private set; } = photoId;
    public DateOnly Deadline { get; private set; } = deadline;
    public FindingStatus Status { get; private set; } = FindingStatus.Open;
    public Guid? RecheckPhotoId { get; private set; }
    public string? RecheckNote { get; private set; }
    public DateOnly? RecheckedOn { get; private set; }
    public int RecheckCount { get; private set; }

    public bool IsOverdue(DateOnly today) => Status != FindingStatus.Rectified && today > Deadline;

    /// <summary>二次复查: passed closes the finding; failed re-opens it with a new deadline.</summary>
    public void Recheck(bool passed, Guid? photoId, string? note, DateOnly on, DateOnly? newDeadline)
    {
        if (Status == FindingStatus.Rectified) throw new DomainException("passed", "该问题已整改销号");
        if (passed && photoId is null) throw new DomainException("photoId", "复查通过需上传整改后照片，以便前后比对");
        if (!passed)
        {
            if (newDeadline is not { } d) throw new DomainException("newDeadline", "复查未通过，请设定新的整改期限");
            if (d < on) throw new DomainException("newDeadline", "新的整改期限不能早于复查日期");
            Deadline = d;
        }
        Status = passed ? FindingStatus.Rectified : FindingStatus.Reopened;
        RecheckPhotoId = photoId ?? RecheckPhotoId;
        RecheckNote = note;
        RecheckedOn = on;
        RecheckCount++;
    }
}

/// <summary>
/// An Open311 client (a city app, a hotline system): its api_key (kept only as a keyed hash) lets it post requests into
/// the subtree of one organization (its jurisdiction) and read the requests there.
/// </summary>
public sealed class Open311Client : IAuditable, IOrgScoped
{
    private Open311Client() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    [NotAudited] public string KeyHash { get; private set; } = "";
    /// <summary>The first characters of the key, to tell keys apart in lists.</summary>
    public string KeyPrefix { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public bool IsActive { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public string AuditType => "Open311 接入方";
    public string AuditLabel => Name;

    public static Open311Client Create(string name, string keyHash, string keyPrefix, Guid orgId, string orgPath, DateTime now) =>
        new() { Id = Guid.CreateVersion7(), Name = name, KeyHash = keyHash, KeyPrefix = keyPrefix, OrgId = orgId, OrgPath = orgPath, IsActive = true, CreatedAt = now };

    public void Revoke(DateTime now)
    {
        IsActive = false;
        RevokedAt = now;
    }
}
