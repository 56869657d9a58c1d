namespace Lianxin.Modules.OrgLife.Domain;

public enum PlanStatus { Draft, Published }

/// <summary>
/// 主题党日 annual plan of a higher organization: one theme a month (一月一主题) and the parts every branch must
/// include. Once published, every branch in the publisher's subtree sees the month's theme and records its day.
/// </summary>
public sealed class ThemedDayPlan : IAuditable, IOrgScoped
{
    private ThemedDayPlan() { }

    public Guid Id { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public List<string> RequiredParts { get; private set; } = [];
    public PlanStatus Status { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public bool IsDeleted { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }
    public List<ThemedDayTheme> Themes { get; private set; } = [];

    public string AuditType => "主题党日计划";
    public string AuditLabel => $"{Year}年 {Title}";

    public (string Action, string Verb)? NameChange(IReadOnlyCollection<string> changed) =>
        changed.Contains(nameof(PublishedAt)) ? ("publish", "发布") : null;

    public static ThemedDayPlan Create(Guid id, Guid orgId, string orgPath, int year, DateTime now) =>
        new() { Id = id, OrgId = orgId, OrgPath = orgPath, Year = year, Status = PlanStatus.Draft, CreatedAt = now, UpdatedAt = now, Version = id };

    public void Describe(string title, IEnumerable<string> requiredParts, IEnumerable<(int Month, string Theme, string? Guidance)> themes, DateTime now)
    {
        Title = title;
        RequiredParts = [.. requiredParts];
        var wanted = themes.ToDictionary(t => t.Month);
        Themes.RemoveAll(t => !wanted.ContainsKey(t.Month));
        foreach (var (month, t) in wanted)
        {
            var existing = Themes.FirstOrDefault(x => x.Month == month);
            if (existing is null) Themes.Add(new ThemedDayTheme(Id, month, t.Theme, t.Guidance));
            else existing.Set(t.Theme, t.Guidance);
        }
        UpdatedAt = now;
    }

    public void Publish(DateTime now)
    {
        if (Status == PlanStatus.Published) throw new DomainException("status", "计划已发布");
        if (Themes.Count == 0) throw new DomainException("themes", "请至少填写一个月的主题后再发布");
        Status = PlanStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    public void SoftDelete(DateTime now)
    {
        if (Status == PlanStatus.Published) throw new DomainException("status", "已发布的计划不能删除");
        IsDeleted = true;
        UpdatedAt = now;
    }
}

public sealed class ThemedDayTheme
{
    private ThemedDayTheme() { }

    public ThemedDayTheme(Guid planId, int month, string theme, string? guidance)
    {
        PlanId = planId;
        Month = month;
        Set(theme, guidance);
    }

    public Guid PlanId { get; private set; }
    public int Month { get; private set; }
    public string Theme { get; private set; } = "";
    public string? Guidance { get; private set; }

    public void Set(string theme, string? guidance)
    {
        Theme = theme;
        Guidance = guidance;
    }
}

/// <summary>What one branch did on one month's themed day of a plan, with the required parts it ticked.</summary>
public sealed class ThemedDayRecord : IAuditable, IOrgScoped
{
    private ThemedDayRecord() { }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Month { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public string Place { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public int AttendeeCount { get; private set; }
    public List<string> PartsDone { get; private set; } = [];
    public bool IsDeleted { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "主题党日";
    public string AuditLabel => $"{HeldOn:yyyy-MM-dd} 主题党日";

    public static ThemedDayRecord Create(Guid id, Guid planId, int month, Guid orgId, string orgPath, DateTime now) =>
        new() { Id = id, PlanId = planId, Month = month, OrgId = orgId, OrgPath = orgPath, CreatedAt = now, UpdatedAt = now, Version = id };

    public void Describe(DateOnly heldOn, string place, string summary, int attendeeCount, IEnumerable<string> partsDone, DateTime now)
    {
        HeldOn = heldOn;
        Place = place;
        Summary = summary;
        AttendeeCount = attendeeCount;
        PartsDone = [.. partsDone];
        UpdatedAt = now;
    }
}

/// <summary>光荣在党50年 纪念章, recorded as awarded to one member (once in a lifetime).</summary>
public sealed class MedalAward : IAuditable, IOrgScoped
{
    private MedalAward() { }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public string MemberName { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    /// <summary>The year whose list the member was on.</summary>
    public int Year { get; private set; }
    public DateOnly AwardedOn { get; private set; }
    public string? Note { get; private set; }
    public bool IsDeleted { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public string AuditType => "光荣在党50年纪念章";
    public string AuditLabel => $"{MemberName}（{Year}年）";

    public static MedalAward Create(Guid id, Guid memberId, string memberName, Guid orgId, string orgPath, int year, DateOnly awardedOn, string? note, DateTime now) =>
        new() { Id = id, MemberId = memberId, MemberName = memberName, OrgId = orgId, OrgPath = orgPath, Year = year, AwardedOn = awardedOn, Note = note, CreatedAt = now };

    public void Withdraw() => IsDeleted = true;
}

/// <summary>The dates behind political birthdays and the 50-year medal.</summary>
public static class PartyDates
{
    /// <summary>光荣在党50年: party age of at least 50 years on 1 July of the year.</summary>
    public const int MedalYears = 50;

    /// <summary>
    /// Latest date of becoming a full member (党龄 counts from 转正, 党章 art. 7) that still reaches 50 years by
    /// 1 July of <paramref name="year"/>.
    /// </summary>
    public static DateOnly MedalCutoff(int year) => new(year - MedalYears, 7, 1);

    /// <summary>The day in <paramref name="year"/> on which a joining anniversary falls (29 Feb → 1 Mar in common years).</summary>
    public static DateOnly BirthdayIn(DateOnly joinedOn, int year) =>
        Members.Domain.MembershipRules.Anniversary(joinedOn, year - joinedOn.Year);

    /// <summary>Political birthdays in a month of a year: the join months to look for (March also takes 29 Feb in common years).</summary>
    public static int[] JoinMonthsFor(int year, int month) =>
        month == 3 && !DateTime.IsLeapYear(year) ? [2, 3] : [month];
}
