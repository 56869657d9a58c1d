using Lianxin.Modules.Workforce.Domain;

namespace Lianxin.UnitTests.Modules;

/// <summary>Monthly pay from the scheme in force: the month split and the arithmetic, without HTTP.</summary>
public sealed class WorkforcePayTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private const string County = "/county0000/";
    private const string Community = "/county0000/street0000/comm000000/";

    /// <summary>5岗20级40档 as the demo's: 一岗 5600 … 五岗 3000 at 1级1档, +120 a level, +40 a step; allowances 100/300/600, 30 a year.</summary>
    private static SalaryScheme Scheme(DateOnly from, decimal raise = 0, string path = County, int posts = 5, int levels = 20, int steps = 40)
    {
        decimal[] start = [5600m, 4950m, 4300m, 3650m, 3000m];
        var s = SalaryScheme.Create(Guid.NewGuid(), "测试薪酬体系", Guid.NewGuid(), path, from,
            [.. Enumerable.Range(1, posts).Select(p => $"{p}岗")], levels, steps, Now);
        s.SetAllowances(100m, 300m, 600m, 30m, Now);
        s.SetAmounts((p, l, st) => start[(p - 1) % 5] + (l - 1) * 120m + (st - 1) * 40m + raise, Now);
        s.Publish("测试", Now);
        return s;
    }

    private static PayWorker Worker(DateOnly hired, Func<DateOnly, Placement?>? placement = null, Func<DateOnly, CertificateLevel?>? cert = null,
        WorkerStatus status = WorkerStatus.Active, DateOnly? since = null) =>
        new(hired, status, since ?? hired, placement ?? (_ => new Placement(WorkerPost.GridWorker, 1, 1, 1, hired)), cert ?? (_ => null));

    private static PayMonth Pay(PayWorker w, IReadOnlyList<SalaryScheme> schemes, int year, int month) =>
        PayRules.Month(w, d => PayRules.SchemeOn(schemes, d), year, month);

    // Hired on 1 January 2026: no seniority during 2026 (a full year only from 1 January 2027).
    private static readonly DateOnly Hired = new(2026, 1, 1);

    [Fact]
    public void A_full_month_pays_the_cell_and_nothing_is_prorated()
    {
        var pay = Pay(Worker(Hired, _ => new Placement(WorkerPost.GridWorker, 3, 5, 7, Hired)), [Scheme(new(2025, 1, 1))], 2026, 11);
        Assert.Equal(30, pay.PaidDays);
        Assert.Equal(4300m + 4 * 120m + 6 * 40m, pay.Base);   // 5020
        Assert.Equal(pay.Base, pay.Total);
        var line = Assert.Single(pay.Lines);
        Assert.Equal(("3岗", 5, 7), (line.PayPostName, line.Level, line.Step));
    }

    [Fact]
    public void A_new_scheme_version_from_the_16th_splits_the_month_and_each_part_pays_its_own_amount()
    {
        var v1 = Scheme(new(2025, 1, 1));
        var v2 = Scheme(new(2026, 7, 16), raise: 450m);
        var pay = Pay(Worker(Hired), [v1, v2], 2026, 7);
        Assert.Equal(2, pay.Lines.Count);
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 15), v1.Id), (pay.Lines[0].From, pay.Lines[0].To, pay.Lines[0].SchemeId));
        Assert.Equal((new DateOnly(2026, 7, 16), new DateOnly(2026, 7, 31), v2.Id), (pay.Lines[1].From, pay.Lines[1].To, pay.Lines[1].SchemeId));
        // 5600 × 15/31 + 6050 × 16/31 = 180800 / 31 = 5832.258… → 5832.26
        Assert.Equal(5832.26m, pay.Base);
        // The month before and after: one version each, whole.
        Assert.Equal(5600m, Pay(Worker(Hired), [v1, v2], 2026, 6).Base);
        Assert.Equal(6050m, Pay(Worker(Hired), [v1, v2], 2026, 8).Base);
        // A draft is never in force.
        var draft = SalaryScheme.Create(Guid.NewGuid(), "草稿", Guid.NewGuid(), County, new(2026, 7, 1), ["一岗"], 1, 1, Now);
        Assert.Equal(5600m, Pay(Worker(Hired), [v1, draft], 2026, 7).Base);
    }

    [Fact]
    public void A_step_advance_on_the_16th_pays_the_old_step_for_15_days_and_the_new_for_the_rest()
    {
        var advanced = new DateOnly(2026, 11, 16);
        var w = Worker(Hired, d => new Placement(WorkerPost.GridWorker, 1, 1, d >= advanced ? 2 : 1, d >= advanced ? advanced : Hired));
        var pay = Pay(w, [Scheme(new(2025, 1, 1))], 2026, 11);
        Assert.Equal([1, 2], pay.Lines.Select(l => l.Step!.Value));
        Assert.Equal([15, 15], pay.Lines.Select(l => l.Days));
        Assert.Equal(5620m, pay.Base);   // 5600 × 15/30 + 5640 × 15/30
        // The day before: still the old step for the whole of October.
        Assert.Equal(5600m, Pay(w, [Scheme(new(2025, 1, 1))], 2026, 10).Base);
    }

    [Fact]
    public void A_certificate_obtained_on_the_11th_pays_its_allowance_from_that_day()
    {
        var on = new DateOnly(2026, 11, 11);
        var w = Worker(Hired, cert: d => d >= on ? CertificateLevel.Social : null);
        var pay = Pay(w, [Scheme(new(2025, 1, 1))], 2026, 11);
        Assert.Equal(200m, pay.Certificate);   // 300 × 20/30
        Assert.Equal(5800m, pay.Total);
        Assert.Equal([null, CertificateLevel.Social], pay.Lines.Select(l => l.Certificate));
        // The higher certificate counts: 600 for 高级 from the 21st (10 days), 300 before from the 11th (10 days).
        var w2 = Worker(Hired, cert: d => d >= new DateOnly(2026, 11, 21) ? CertificateLevel.Senior : d >= on ? CertificateLevel.Social : null);
        Assert.Equal(300m, Pay(w2, [Scheme(new(2025, 1, 1))], 2026, 11).Certificate);
    }

    [Fact]
    public void Hire_and_dismissal_mid_month_pay_only_the_days_in_post()
    {
        var scheme = Scheme(new(2025, 1, 1));
        var hired = Worker(new DateOnly(2026, 11, 20));
        var pay = Pay(hired, [scheme], 2026, 11);
        Assert.Equal(11, pay.PaidDays);
        Assert.Equal(2053.33m, pay.Base);   // 5600 × 11/30 = 2053.333…
        Assert.Equal(PayLineKind.NotPaid, pay.Lines[0].Kind);
        Assert.Equal(new DateOnly(2026, 11, 19), pay.Lines[0].To);
        Assert.Equal(0m, Pay(hired, [scheme], 2026, 10).Total);

        var dismissed = Worker(Hired, status: WorkerStatus.Dismissed, since: new DateOnly(2026, 11, 10));
        pay = Pay(dismissed, [scheme], 2026, 11);
        Assert.Equal(9, pay.PaidDays);      // the 1st to the 9th
        Assert.Equal(1680m, pay.Base);      // 5600 × 9/30
        Assert.Equal("解聘", pay.Lines[^1].Reason);
        Assert.Equal(0m, Pay(dismissed, [scheme], 2026, 12).Total);
        Assert.Equal(5600m, Pay(dismissed, [scheme], 2026, 10).Total);
        // 离岗 stops pay the same way.
        Assert.Equal(1680m, Pay(Worker(Hired, status: WorkerStatus.Away, since: new DateOnly(2026, 11, 10)), [scheme], 2026, 11).Base);
    }

    [Fact]
    public void Seniority_counts_full_years_and_rises_on_the_anniversary_within_the_month()
    {
        var w = Worker(new DateOnly(2020, 11, 16));
        var pay = Pay(w, [Scheme(new(2019, 1, 1))], 2026, 11);
        Assert.Equal([5, 6], pay.Lines.Select(l => l.YearsOfService));
        Assert.Equal(165m, pay.Seniority);   // 5 × 30 × 15/30 + 6 × 30 × 15/30
        Assert.Equal(180m, Pay(w, [Scheme(new(2019, 1, 1))], 2026, 12).Seniority);
        Assert.Equal(150m, Pay(w, [Scheme(new(2019, 1, 1))], 2026, 10).Seniority);
        // In the first year: nothing.
        Assert.Equal(0m, Pay(w, [Scheme(new(2019, 1, 1))], 2021, 10).Seniority);
    }

    [Fact]
    public void A_placement_the_scheme_does_not_have_is_an_error_line_not_a_crash()
    {
        var qingyang = Scheme(new(2025, 1, 1), posts: 3, levels: 18, steps: 10);   // 三岗十八级
        var pay = Pay(Worker(Hired, _ => new Placement(WorkerPost.GridWorker, 2, 21, 1, Hired)), [qingyang], 2026, 11);
        Assert.True(pay.HasErrors);
        Assert.Equal(0m, pay.Total);
        var line = Assert.Single(pay.Lines);
        Assert.Equal(PayLineKind.Error, line.Kind);
        Assert.Contains("2岗21级1档", line.Reason);
        Assert.Contains("3岗18级10档", line.Reason);
        // No scheme at all is an error too.
        Assert.True(Pay(Worker(Hired), [], 2026, 11).HasErrors);
        // 四岗二十四级 is expressible.
        var xixia = Scheme(new(2025, 1, 1), posts: 4, levels: 24, steps: 5);
        Assert.Equal(3650m + 23 * 120m + 4 * 40m, xixia.Amount(4, 24, 5));
        Assert.Null(xixia.Amount(5, 1, 1));
    }

    [Fact]
    public void The_nearest_organization_with_a_version_in_force_decides_and_a_superior_applies_before_it()
    {
        var county = Scheme(new(2025, 1, 1));
        var own = Scheme(new(2026, 11, 16), raise: 1000m, path: Community);
        var pay = Pay(Worker(Hired), [own, county], 2026, 11);
        Assert.Equal([county.Id, own.Id], pay.Lines.Select(l => l.SchemeId!.Value));
        Assert.Equal(6100m, pay.Base);   // 5600 × 15/30 + 6600 × 15/30
        // A later county version does not override the community's own.
        var countyLater = Scheme(new(2026, 12, 1), raise: 450m);
        Assert.Equal(own.Id, PayRules.SchemeOn([county, own, countyLater], new DateOnly(2026, 12, 5))!.Id);
        Assert.Equal(["/a/", "/a/b/", "/a/b/c/"], PayRules.PathAndAncestors("/a/b/c/"));
    }

    [Fact]
    public void Allowances_by_rule_apply_to_their_posts_and_components_are_rounded_to_fen_half_away_from_zero()
    {
        var s = Scheme(new(2025, 1, 1));
        s.Allowances.Add(SalaryAllowance.Create(s.Id, 1, "书记/主任岗位津贴", 300m, [WorkerPost.Secretary]));
        s.Allowances.Add(SalaryAllowance.Create(s.Id, 2, "交通补贴", 100m, null));
        var secretary = Pay(Worker(Hired, _ => new Placement(WorkerPost.Secretary, 1, 1, 1, Hired)), [s], 2026, 11);
        Assert.Equal(["书记/主任岗位津贴", "交通补贴"], secretary.Others.Select(o => o.Name));
        Assert.Equal(6000m, secretary.Total);
        var grid = Pay(Worker(Hired), [s], 2026, 11);
        Assert.Equal(["交通补贴"], grid.Others.Select(o => o.Name));
        Assert.Equal(5700m, grid.Total);

        Assert.Equal(0.13m, PayRules.Fen(0.125m));
        Assert.Equal(-0.13m, PayRules.Fen(-0.125m));
        // Hired on 31 October: one day of October, 5600 / 31 = 180.645… → 180.65
        var oneDay = Pay(Worker(new DateOnly(2026, 10, 31)), [Scheme(new(2025, 1, 1))], 2026, 10);
        Assert.Equal(180.65m, oneDay.Base);
        Assert.Equal(1, oneDay.PaidDays);
    }
}
