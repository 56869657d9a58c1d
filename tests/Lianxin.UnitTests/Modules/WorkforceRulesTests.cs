using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Workforce.Domain;

namespace Lianxin.UnitTests.Modules;

public sealed class WorkforceRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    private static Worker NewWorker(DateOnly hired)
    {
        var p = Person.Create(Guid.NewGuid(), "李社工", Now);
        p.SetIdentity("李社工", Gender.Female, new DateOnly(1993, 6, 15), null, Education.College, null, Now);
        return Worker.Hire(Guid.NewGuid(), p, Guid.NewGuid(), "/a/b/", PoliticalStatus.Masses, WorkerPost.GridWorker, 5, 1, 1, hired, Now);
    }

    [Theory]
    [InlineData(2334, 1_271_242, 18.36)]   // 六盘水
    [InlineData(18, 10_000, 18.00)]
    [InlineData(1, 3, 3333.33)]
    public void Workers_per_ten_thousand_are_rounded_to_the_setting(int workers, int residents, double expected) =>
        Assert.Equal((decimal)expected, WorkforceRules.PerTenThousand(workers, residents, 2));

    [Fact]
    public void No_residents_means_no_ratio_rather_than_a_division_by_zero() => Assert.Null(WorkforceRules.PerTenThousand(5, 0, 2));

    [Theory]
    [InlineData(18, 10_000, 0)]    // exactly the standard
    [InlineData(17, 10_000, 1)]
    [InlineData(18, 10_001, 1)]    // 18.0018 needed: one more
    [InlineData(0, 5_000, 9)]
    public void The_shortfall_is_the_workers_missing_to_reach_the_standard(int workers, int residents, int expected) =>
        Assert.Equal(expected, WorkforceRules.Shortfall(workers, residents, 18m));

    [Theory]
    [InlineData("1991-12-01", "2026-12-01", 35)]   // the birthday itself
    [InlineData("1991-12-02", "2026-12-01", 34)]   // the day before it
    [InlineData("2000-02-29", "2026-02-28", 25)]   // born on a leap day
    [InlineData("2000-02-29", "2026-03-01", 26)]
    public void Age_counts_full_years(string birth, string day, int expected) =>
        Assert.Equal(expected, WorkforceRules.AgeOn(DateOnly.Parse(birth), DateOnly.Parse(day)));

    [Fact]
    public void Service_before_the_hire_date_is_zero() =>
        Assert.Equal(0, WorkforceRules.YearsOfService(new DateOnly(2026, 1, 1), new DateOnly(2025, 6, 1)));

    [Fact]
    public void The_placement_on_a_day_is_the_latest_change_in_force_then()
    {
        var w = NewWorker(new DateOnly(2022, 3, 1));
        var hire = WorkerPostChange.Create(Guid.NewGuid(), w, w.HireDate, PostChangeKind.Hire, WorkerPost.GridWorker, 5, 1, 1, null, "t", Now);
        var advance = WorkerPostChange.Create(Guid.NewGuid(), w, new DateOnly(2024, 3, 1), PostChangeKind.StepAdvance, WorkerPost.GridWorker, 5, 1, 2, null, "t", Now);
        var promotion = WorkerPostChange.Create(Guid.NewGuid(), w, new DateOnly(2026, 7, 16), PostChangeKind.Promotion, WorkerPost.CommitteeMember, 3, 4, 1, null, "t", Now);
        WorkerPostChange[] all = [promotion, hire, advance];
        Assert.Null(WorkforceRules.PlacementOn(all, new DateOnly(2022, 2, 28)));
        Assert.Equal(1, WorkforceRules.PlacementOn(all, new DateOnly(2024, 2, 29))!.Value.Step);
        Assert.Equal(2, WorkforceRules.PlacementOn(all, new DateOnly(2024, 3, 1))!.Value.Step);
        Assert.Equal(WorkerPost.GridWorker, WorkforceRules.PlacementOn(all, new DateOnly(2026, 7, 15))!.Value.Post);
        var p = WorkforceRules.PlacementOn(all, new DateOnly(2026, 7, 16))!.Value;
        Assert.Equal((WorkerPost.CommitteeMember, 3, 4, 1), (p.Post, p.PayPost, p.Level, p.Step));
    }

    [Fact]
    public void A_change_before_the_hire_date_or_with_a_zero_grade_is_refused()
    {
        var w = NewWorker(new DateOnly(2022, 3, 1));
        Assert.Equal("effectiveOn", Assert.Throws<DomainException>(() =>
            WorkerPostChange.Create(Guid.NewGuid(), w, new DateOnly(2022, 2, 28), PostChangeKind.Adjustment, WorkerPost.GridWorker, 5, 1, 1, null, "t", Now)).Field);
        Assert.Equal("step", Assert.Throws<DomainException>(() =>
            WorkerPostChange.Create(Guid.NewGuid(), w, new DateOnly(2023, 1, 1), PostChangeKind.Adjustment, WorkerPost.GridWorker, 5, 0, 1, null, "t", Now)).Field);
    }

    [Fact]
    public void The_certificate_held_on_a_day_is_the_highest_obtained_by_then()
    {
        var w = NewWorker(new DateOnly(2022, 3, 1));
        w.Certificates.Add(WorkerCertificate.Create(Guid.NewGuid(), w, CertificateLevel.Assistant, new DateOnly(2023, 10, 20), null));
        w.Certificates.Add(WorkerCertificate.Create(Guid.NewGuid(), w, CertificateLevel.Social, new DateOnly(2025, 10, 19), null));
        Assert.Null(w.CertificateOn(new DateOnly(2023, 10, 19)));
        Assert.Equal(CertificateLevel.Assistant, w.CertificateOn(new DateOnly(2025, 10, 18)));
        Assert.Equal(CertificateLevel.Social, w.CertificateOn(new DateOnly(2025, 10, 19)));
    }
}
