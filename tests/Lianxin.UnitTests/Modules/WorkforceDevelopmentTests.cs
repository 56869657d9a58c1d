using Lianxin.Modules.Workforce.Domain;

namespace Lianxin.UnitTests.Modules;

/// <summary>培训、考核与档案: grade thresholds, the next step date, the training cycle and attendance rules.</summary>
public sealed class WorkforceDevelopmentTests
{
    private static readonly WorkforceSettings Defaults = new();

    [Theory]
    [InlineData("100", AssessmentGrade.Excellent)]
    [InlineData("90", AssessmentGrade.Excellent)]
    [InlineData("89.99", AssessmentGrade.Competent)]
    [InlineData("70", AssessmentGrade.Competent)]
    [InlineData("69.99", AssessmentGrade.Basic)]
    [InlineData("60", AssessmentGrade.Basic)]
    [InlineData("59.99", AssessmentGrade.Fail)]
    [InlineData("0", AssessmentGrade.Fail)]
    public void Every_threshold_is_inclusive(string combined, AssessmentGrade grade) =>
        Assert.Equal(grade, DevelopmentRules.GradeOf(decimal.Parse(combined, System.Globalization.CultureInfo.InvariantCulture), Defaults));

    [Fact]
    public void Thresholds_come_from_the_settings()
    {
        var s = new WorkforceSettings { ExcellentFrom = 95, CompetentFrom = 80, BasicFrom = 65 };
        Assert.Equal(AssessmentGrade.Competent, DevelopmentRules.GradeOf(94.99m, s));
        Assert.Equal(AssessmentGrade.Excellent, DevelopmentRules.GradeOf(95m, s));
        Assert.Equal(AssessmentGrade.Fail, DevelopmentRules.GradeOf(64.99m, s));
    }

    [Theory]
    [InlineData("90", "90", "0.7", "90.00")]
    [InlineData("95", "80", "0.7", "90.50")]
    [InlineData("80", "100", "0.7", "86.00")]
    [InlineData("88.88", "91.11", "0.7", "89.55")]    // 62.216 + 27.333 = 89.549 → 89.55
    [InlineData("100", "0", "1", "100.00")]
    [InlineData("100", "0", "0", "0.00")]
    public void The_combined_score_weights_the_organization_and_the_residents(string org, string residents, string weight, string expected)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(D(expected), DevelopmentRules.Combine(D(org), D(residents), D(weight)));
    }

    [Fact]
    public void An_excellent_year_brings_the_next_step_half_a_year_forward_from_the_last_step_or_hire()
    {
        var since = new DateOnly(2024, 3, 1);
        var regular = DevelopmentRules.NextRegularStep(since, Defaults.StepYears);
        Assert.Equal(new DateOnly(2026, 3, 1), regular);
        Assert.Equal(new DateOnly(2025, 9, 1), DevelopmentRules.EarlyStep(regular, Defaults.ExcellentAdvanceMonths));
        // Month ends: 2024-08-31 + 2 years = 2026-08-31; six months earlier is 2026-02-28.
        Assert.Equal(new DateOnly(2026, 2, 28), DevelopmentRules.EarlyStep(DevelopmentRules.NextRegularStep(new DateOnly(2024, 8, 31), 2), 6));
    }

    [Theory]
    [InlineData(WorkerPost.Secretary, 1)]
    [InlineData(WorkerPost.DeputySecretary, 3)]
    [InlineData(WorkerPost.GridWorker, 3)]
    [InlineData(WorkerPost.Other, 3)]
    public void Secretaries_train_every_year_everyone_else_every_three(WorkerPost post, int years) =>
        Assert.Equal(years, DevelopmentRules.TrainingCycleYears(post, Defaults));

    [Fact]
    public void Training_is_overdue_only_after_the_due_date()
    {
        var today = new DateOnly(2026, 12, 2);
        // Trained: due a cycle after the last completed class.
        Assert.False(DevelopmentRules.TrainingOverdue(new DateOnly(2015, 1, 1), new DateOnly(2023, 12, 2), 3, today));   // due today
        Assert.True(DevelopmentRules.TrainingOverdue(new DateOnly(2015, 1, 1), new DateOnly(2023, 12, 1), 3, today));
        Assert.False(DevelopmentRules.TrainingOverdue(new DateOnly(2015, 1, 1), new DateOnly(2025, 12, 2), 1, today));
        Assert.True(DevelopmentRules.TrainingOverdue(new DateOnly(2015, 1, 1), new DateOnly(2025, 12, 1), 1, today));
        // Never trained: hired longer ago than the cycle is overdue; hired within it is not.
        Assert.True(DevelopmentRules.TrainingOverdue(new DateOnly(2023, 12, 1), null, 3, today));
        Assert.False(DevelopmentRules.TrainingOverdue(new DateOnly(2023, 12, 2), null, 3, today));
        Assert.False(DevelopmentRules.TrainingOverdue(new DateOnly(2026, 6, 1), null, 1, today));
        Assert.Equal(new DateOnly(2026, 12, 1), DevelopmentRules.TrainingDueOn(new DateOnly(2023, 12, 1), null, 3));
    }

    [Theory]
    [InlineData(5, 4, 80, true)]
    [InlineData(5, 3, 80, false)]
    [InlineData(10, 8, 80, true)]
    [InlineData(10, 7, 80, false)]
    [InlineData(3, 3, 100, true)]
    [InlineData(0, 0, 80, false)]
    public void A_class_is_completed_by_attending_the_share_of_its_sessions(int sessions, int attended, int percent, bool completed) =>
        Assert.Equal(completed, DevelopmentRules.CompletesClass(sessions, attended, percent));

    [Fact]
    public void Failures_count_only_in_consecutive_years()
    {
        var f = AssessmentGrade.Fail;
        Assert.Equal(2, DevelopmentRules.ConsecutiveFailures([(2024, f), (2025, f)], 2025));
        Assert.Equal(1, DevelopmentRules.ConsecutiveFailures([(2023, f), (2025, f)], 2025));   // 2024 missing
        Assert.Equal(1, DevelopmentRules.ConsecutiveFailures([(2024, AssessmentGrade.Basic), (2025, f)], 2025));
        Assert.Equal(0, DevelopmentRules.ConsecutiveFailures([(2024, f), (2025, AssessmentGrade.Competent)], 2025));
        Assert.Equal(3, DevelopmentRules.ConsecutiveFailures([(2023, f), (2024, f), (2025, f)], 2025));
    }

    [Theory]
    [InlineData(AssessmentKind.Annual, "2025", "2025")]
    [InlineData(AssessmentKind.Annual, " 2025 ", "2025")]
    [InlineData(AssessmentKind.Annual, "2025Q1", null)]
    [InlineData(AssessmentKind.Routine, "2026q3", "2026Q3")]
    [InlineData(AssessmentKind.Routine, "2026-10", "2026-10")]
    [InlineData(AssessmentKind.Routine, "2026H1", "2026H1")]
    [InlineData(AssessmentKind.Routine, "2026Q5", null)]
    [InlineData(AssessmentKind.Routine, "2026-13", null)]
    [InlineData(AssessmentKind.Routine, "2026", null)]
    public void Periods_are_years_for_annual_and_quarters_halves_or_months_for_routine(AssessmentKind kind, string text, string? period) =>
        Assert.Equal(period, DevelopmentRules.ParsePeriod(kind, text)?.Period);

    [Fact]
    public void Completeness_is_a_share_with_two_decimals()
    {
        Assert.Equal(37.50m, DevelopmentRules.Percent(3, 8));
        Assert.Equal(33.33m, DevelopmentRules.Percent(1, 3));
        Assert.Null(DevelopmentRules.Percent(0, 0));
    }
}
