using Lianxin.Modules.Members.Domain;

namespace Lianxin.Modules.Workforce.Domain;

/// <summary>The workforce settings (DOMAIN §9): every number here is a default an administrator can change.</summary>
public sealed class WorkforceSettings
{
    public const string Key = "workforce";

    /// <summary>配备标准: community workers per 10,000 urban residents, at least.</summary>
    public decimal StandardPer10k { get; set; } = 18m;
    /// <summary>Decimals of the ratio per 10,000 (六盘水 prints 18.36).</summary>
    public int RatioDecimals { get; set; } = 2;
    /// <summary>The age the structure report counts "under" (35岁以下).</summary>
    public int YoungAge { get; set; } = 35;
    /// <summary>Training: secretaries (书记/主任) every this many years.</summary>
    public int SecretaryTrainingYears { get; set; } = 1;
    /// <summary>Training: every other worker every this many years.</summary>
    public int OtherTrainingYears { get; set; } = 3;
    /// <summary>Assessment: weight of the organization's rating (the residents' evaluation takes the rest).</summary>
    public decimal OrgRatingWeight { get; set; } = 0.7m;
    /// <summary>Assessment: a combined score at or above this is 优秀.</summary>
    public decimal ExcellentFrom { get; set; } = 90m;
    /// <summary>… at or above this 合格/称职.</summary>
    public decimal CompetentFrom { get; set; } = 70m;
    /// <summary>… at or above this 基本合格; below it 不合格.</summary>
    public decimal BasicFrom { get; set; } = 60m;
    /// <summary>优秀 advances the next step this many months early.</summary>
    public int ExcellentAdvanceMonths { get; set; } = 6;
    /// <summary>Years between regular step advances (晋档).</summary>
    public int StepYears { get; set; } = 2;
    /// <summary>This many consecutive annual 不合格 open a dismissal case for review.</summary>
    public int FailuresForDismissalReview { get; set; } = 2;
}

/// <summary>The placement (post, grade, level, step) of a worker on one day, from the change records.</summary>
public readonly record struct Placement(WorkerPost Post, int PayPost, int Level, int Step, DateOnly Since);

public static class WorkforceRules
{
    /// <summary>Workers per 10,000 residents, rounded half away from zero; null without residents.</summary>
    public static decimal? PerTenThousand(int workers, long residents, int decimals) =>
        residents <= 0 ? null : Math.Round(workers * 10000m / residents, decimals, MidpointRounding.AwayFromZero);

    /// <summary>How many workers a community lacks against the standard (0 when it meets it).</summary>
    public static int Shortfall(int workers, long residents, decimal standardPer10k)
    {
        var needed = (int)Math.Ceiling(residents * standardPer10k / 10000m);
        return Math.Max(0, needed - workers);
    }

    /// <summary>Full years of age on a day (born on 29 February: a year is full on 1 March in other years).</summary>
    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        if ((day.Month, day.Day).CompareTo((birth.Month, birth.Day)) < 0) age--;
        return age;
    }

    /// <summary>Full years of service on a day (工龄 in the scheme's seniority allowance).</summary>
    public static int YearsOfService(DateOnly hired, DateOnly day) => day < hired ? 0 : AgeOn(hired, day);

    /// <summary>大专及以上.</summary>
    public static bool CollegeOrAbove(Education? e) => e is Education.Postgraduate or Education.Bachelor or Education.College;

    /// <summary>The placement in force on a day: the latest change effective on or before it (ties: the later record).</summary>
    public static Placement? PlacementOn(IEnumerable<WorkerPostChange> changes, DateOnly day) =>
        changes.Where(c => c.EffectiveOn <= day).OrderBy(c => c.EffectiveOn).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => (Placement?)new Placement(c.Post, c.PayPost, c.Level, c.Step, c.EffectiveOn)).LastOrDefault();
}
