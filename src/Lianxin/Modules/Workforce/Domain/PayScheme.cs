namespace Lianxin.Modules.Workforce.Domain;

/// <summary>草稿 (being prepared, never in force), 待生效 (published, from a later date), 生效中, 历史版本 (replaced by a later one).</summary>
public enum SchemeState { Draft, Pending, InForce, Past }

/// <summary>
/// One version of a salary scheme (薪酬体系) of an organization (e.g. the county): a grid of posts (岗) × levels (级) ×
/// steps (档) with an amount per cell, and allowances — certificate allowance by certificate level, seniority allowance
/// per full year of service, others by rule. A version is prepared as a draft and published; once its effective date
/// has come it is frozen: an adjustment is a new version (a copy with a later effective date), so history is never
/// rewritten. The scheme in force for a worker on a day is the latest published version effective on that day of the
/// nearest organization above (or at) the worker's community that has one.
/// </summary>
public sealed class SalaryScheme : IAuditable, IOrgScoped
{
    public const int MaxSize = 60;
    public const char PostSeparator = '|';

    private SalaryScheme() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public DateOnly EffectiveFrom { get; private set; }
    /// <summary>The posts' names in order (一岗 …), separated by <see cref="PostSeparator"/>.</summary>
    public string PostNamesText { get; private set; } = "";
    public int Levels { get; private set; }
    public int Steps { get; private set; }
    public decimal AssistantAllowance { get; private set; }
    public decimal SocialAllowance { get; private set; }
    public decimal SeniorAllowance { get; private set; }
    public decimal SeniorityPerYear { get; private set; }
    public string? Note { get; private set; }
    public bool Published { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public bool IsDeleted { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }
    public List<SalaryCell> Cells { get; private set; } = [];
    public List<SalaryAllowance> Allowances { get; private set; } = [];

    public string AuditType => "薪酬体系";
    public string AuditLabel => $"{Name}（{EffectiveFrom:yyyy-MM-dd}起）";

    public IReadOnlyList<string> PostNames => PostNamesText.Split(PostSeparator);
    public int Posts => PostNames.Count;

    public static SalaryScheme Create(Guid id, string name, Guid orgId, string orgPath, DateOnly effectiveFrom, IReadOnlyList<string> postNames,
        int levels, int steps, DateTime now)
    {
        var s = new SalaryScheme { Id = id, OrgId = orgId, OrgPath = orgPath, CreatedAt = now, Version = id };
        s.Describe(name, effectiveFrom, null, now);
        s.Resize(postNames, levels, steps, now);
        return s;
    }

    /// <summary>Frozen: published and in force since a day on or before <paramref name="today"/>.</summary>
    public bool IsFrozen(DateOnly today) => Published && EffectiveFrom <= today;

    public void Describe(string name, DateOnly effectiveFrom, string? note, DateTime now)
    {
        Name = name;
        EffectiveFrom = effectiveFrom;
        Note = note;
        UpdatedAt = now;
    }

    public void SetAllowances(decimal assistant, decimal social, decimal senior, decimal seniorityPerYear, DateTime now)
    {
        AssistantAllowance = assistant;
        SocialAllowance = social;
        SeniorAllowance = senior;
        SeniorityPerYear = seniorityPerYear;
        UpdatedAt = now;
    }

    /// <summary>
    /// Sets the shape: cells outside it are dropped (returned, for the caller to delete), missing cells are added at 0
    /// (a version with empty cells cannot be published).
    /// </summary>
    public List<SalaryCell> Resize(IReadOnlyList<string> postNames, int levels, int steps, DateTime now)
    {
        if (postNames.Count is < 1 or > MaxSize || levels is < 1 or > MaxSize || steps is < 1 or > MaxSize)
            throw new DomainException("levels", $"岗、级、档的数目都应在1到{MaxSize}之间");
        PostNamesText = string.Join(PostSeparator, postNames);
        Levels = levels;
        Steps = steps;
        UpdatedAt = now;
        _index = null;
        var dropped = Cells.Where(c => c.PayPost > postNames.Count || c.Level > levels || c.Step > steps).ToList();
        foreach (var c in dropped) Cells.Remove(c);
        var have = Cells.Select(c => (c.PayPost, c.Level, c.Step)).ToHashSet();
        for (var p = 1; p <= postNames.Count; p++)
            for (var l = 1; l <= levels; l++)
                for (var st = 1; st <= steps; st++)
                    if (!have.Contains((p, l, st))) Cells.Add(SalaryCell.Create(Id, p, l, st, 0m));
        return dropped;
    }

    /// <summary>Sets every cell from a grid [post][level][step] of the scheme's shape; returns how many cells changed.</summary>
    public int SetAmounts(Func<int, int, int, decimal> amountOf, DateTime now)
    {
        _index = null;
        var changed = 0;
        foreach (var c in Cells)
        {
            var a = amountOf(c.PayPost, c.Level, c.Step);
            if (a == c.Amount) continue;
            c.Set(a);
            changed++;
        }
        if (changed > 0) UpdatedAt = now;
        return changed;
    }

    public void Publish(string by, DateTime now)
    {
        Published = true;
        PublishedAt = now;
        PublishedBy = by;
        UpdatedAt = now;
    }

    public void SoftDelete(DateTime now)
    {
        IsDeleted = true;
        UpdatedAt = now;
    }

    /// <summary>The amount of a cell (1-based), or null when the scheme has no such cell.</summary>
    public decimal? Amount(int payPost, int level, int step)
    {
        if (payPost < 1 || payPost > Posts || level < 1 || level > Levels || step < 1 || step > Steps) return null;
        _index ??= Cells.ToDictionary(c => (c.PayPost, c.Level, c.Step), c => c.Amount);
        return _index.TryGetValue((payPost, level, step), out var a) ? a : null;
    }

    private Dictionary<(int, int, int), decimal>? _index;

    public decimal CertificateAllowance(CertificateLevel? level) => level switch
    {
        CertificateLevel.Assistant => AssistantAllowance,
        CertificateLevel.Social => SocialAllowance,
        CertificateLevel.Senior => SeniorAllowance,
        _ => 0m,
    };

    public SchemeState StateOn(DateOnly today, DateOnly? nextEffectiveFrom) =>
        !Published ? SchemeState.Draft
        : EffectiveFrom > today ? SchemeState.Pending
        : nextEffectiveFrom is { } next && next <= today ? SchemeState.Past
        : SchemeState.InForce;
}

/// <summary>The amount of one cell (岗, 级, 档; 1-based) of a scheme version, in yuan per month.</summary>
public sealed class SalaryCell
{
    private SalaryCell() { }

    public Guid Id { get; private set; }
    public Guid SchemeId { get; private set; }
    public int PayPost { get; private set; }
    public int Level { get; private set; }
    public int Step { get; private set; }
    public decimal Amount { get; private set; }

    public static SalaryCell Create(Guid schemeId, int payPost, int level, int step, decimal amount) =>
        new() { Id = Guid.CreateVersion7(), SchemeId = schemeId, PayPost = payPost, Level = level, Step = step, Amount = amount };

    public void Set(decimal amount) => Amount = amount;
}

/// <summary>Another allowance of a scheme version by rule: a monthly amount, for every worker or only for some posts (岗位).</summary>
public sealed class SalaryAllowance
{
    public const char PostSeparator = ',';

    private SalaryAllowance() { }

    public Guid Id { get; private set; }
    public Guid SchemeId { get; private set; }
    public int Order { get; private set; }
    public string Name { get; private set; } = "";
    public decimal Amount { get; private set; }
    /// <summary>The posts (<see cref="WorkerPost"/> names, comma-separated) it applies to; null: every worker.</summary>
    public string? PostsText { get; private set; }

    public IReadOnlyList<WorkerPost> Posts =>
        PostsText is null ? [] : [.. PostsText.Split(PostSeparator).Select(Enum.Parse<WorkerPost>)];

    public bool AppliesTo(WorkerPost post) => PostsText is null || Posts.Contains(post);

    public static SalaryAllowance Create(Guid schemeId, int order, string name, decimal amount, IReadOnlyCollection<WorkerPost>? posts) => new()
    {
        Id = Guid.CreateVersion7(), SchemeId = schemeId, Order = order, Name = name, Amount = amount,
        PostsText = posts is null || posts.Count == 0 ? null : string.Join(PostSeparator, posts.Distinct().Order()),
    };
}
