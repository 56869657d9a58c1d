using System.Text.RegularExpressions;

namespace Lianxin.Modules.Workforce.Domain;

public static class DevelopmentLabels
{
    public static string Of(TrainingKind k) => k switch
    {
        TrainingKind.Initial => "初任培训",
        TrainingKind.OnDuty => "履职培训",
        TrainingKind.Education => "学历提升",
        _ => "实践实训",
    };

    public static string Of(AssessmentKind k) => k == AssessmentKind.Annual ? "年度考核" : "日常考核";

    public static string Of(AssessmentGrade g) => g switch
    {
        AssessmentGrade.Excellent => "优秀",
        AssessmentGrade.Competent => "合格",
        AssessmentGrade.Basic => "基本合格",
        _ => "不合格",
    };

    public static string Of(EffectKind k) => k == EffectKind.EarlyStepAdvance ? "提前半年晋档" : "解聘审查";

    public static string Of(EffectStatus s) => s switch
    {
        EffectStatus.Pending => "待审核",
        EffectStatus.Approved => "已通过",
        EffectStatus.Rejected => "已驳回",
        _ => "已执行",
    };
}

/// <summary>The rules of training, assessment and archives (DOMAIN §9); every number comes from the settings.</summary>
public static partial class DevelopmentRules
{
    /// <summary>组织评价 × weight + 群众评议 × (1 − weight), 2 decimals (half away from zero).</summary>
    public static decimal Combine(decimal orgRating, decimal residentRating, decimal orgWeight) =>
        Math.Round(orgRating * orgWeight + residentRating * (1 - orgWeight), 2, MidpointRounding.AwayFromZero);

    /// <summary>The grade of a combined score; every threshold is inclusive (exactly ExcellentFrom is 优秀).</summary>
    public static AssessmentGrade GradeOf(decimal combined, WorkforceSettings s) =>
        combined >= s.ExcellentFrom ? AssessmentGrade.Excellent
        : combined >= s.CompetentFrom ? AssessmentGrade.Competent
        : combined >= s.BasicFrom ? AssessmentGrade.Basic
        : AssessmentGrade.Fail;

    /// <summary>A class is completed when the worker attended at least the share of its sessions (a class without sessions never is).</summary>
    public static bool CompletesClass(int sessions, int attended, int completionPercent) =>
        sessions > 0 && attended * 100 >= completionPercent * sessions;

    /// <summary>The date the current step counts from: the latest 聘用 or 晋档 record on or before the day (null: none).</summary>
    public static DateOnly? StepSince(IEnumerable<WorkerPostChange> changes, DateOnly day) =>
        changes.Where(c => c.Kind is PostChangeKind.Hire or PostChangeKind.StepAdvance && c.EffectiveOn <= day)
            .Select(c => (DateOnly?)c.EffectiveOn).Max();

    /// <summary>The next regular 晋档: StepYears after the current step began.</summary>
    public static DateOnly NextRegularStep(DateOnly stepSince, int stepYears) => stepSince.AddYears(stepYears);

    /// <summary>优秀 brings the next step forward by ExcellentAdvanceMonths.</summary>
    public static DateOnly EarlyStep(DateOnly regular, int advanceMonths) => regular.AddMonths(-advanceMonths);

    /// <summary>The training cycle of a post: secretaries (书记/主任) every SecretaryTrainingYears, everyone else every OtherTrainingYears.</summary>
    public static int TrainingCycleYears(WorkerPost post, WorkforceSettings s) =>
        post == WorkerPost.Secretary ? s.SecretaryTrainingYears : s.OtherTrainingYears;

    /// <summary>
    /// The date the next training is due: a cycle after the last completed training, or after hiring when never trained.
    /// </summary>
    public static DateOnly TrainingDueOn(DateOnly hired, DateOnly? lastCompleted, int cycleYears) =>
        (lastCompleted ?? hired).AddYears(cycleYears);

    /// <summary>应训未训: the due date has passed (on the due date itself the worker is not yet overdue).</summary>
    public static bool TrainingOverdue(DateOnly hired, DateOnly? lastCompleted, int cycleYears, DateOnly today) =>
        today > TrainingDueOn(hired, lastCompleted, cycleYears);

    /// <summary>How many annual assessments up to a year are 不合格 in a row (consecutive years, none missing).</summary>
    public static int ConsecutiveFailures(IEnumerable<(int Year, AssessmentGrade Grade)> annual, int upToYear)
    {
        var byYear = annual.GroupBy(a => a.Year).ToDictionary(g => g.Key, g => g.First().Grade);
        var n = 0;
        for (var y = upToYear; byYear.TryGetValue(y, out var g) && g == AssessmentGrade.Fail; y--) n++;
        return n;
    }

    /// <summary>Percent with 2 decimals; null when there is nothing to count.</summary>
    public static decimal? Percent(int part, int total) =>
        total <= 0 ? null : Math.Round(part * 100m / total, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The period of an assessment in its canonical form and its year: annual "2025"; routine "2026Q3" (quarter),
    /// "2026-10" (month) or "2026H1" (half year). Null when the text is not such a period.
    /// </summary>
    public static (string Period, int Year)? ParsePeriod(AssessmentKind kind, string? text)
    {
        var t = (text ?? "").Trim().ToUpperInvariant();
        if (kind == AssessmentKind.Annual)
            return AnnualPattern().IsMatch(t) && int.Parse(t[..4]) is >= 2000 and <= 2100 and var y ? (t, y) : null;
        var m = RoutinePattern().Match(t);
        if (!m.Success || int.Parse(t[..4]) is not (>= 2000 and <= 2100)) return null;
        return (t, int.Parse(t[..4]));
    }

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex AnnualPattern();

    [GeneratedRegex(@"^\d{4}(Q[1-4]|H[12]|-(0[1-9]|1[0-2]))$")]
    private static partial Regex RoutinePattern();
}
