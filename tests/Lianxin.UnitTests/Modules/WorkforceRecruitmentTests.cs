using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Workforce.Domain;

namespace Lianxin.UnitTests.Modules;

/// <summary>选聘 rules: ranking with ties at the places' cut-off, weights, scores, 公示 end, masking and the automatic checks.</summary>
public sealed class WorkforceRecruitmentTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = Guid.Parse("00000000-0000-0000-0000-00000000000d");

    private static Dictionary<Guid, Ranked> Rank(int places, params ScoreEntry[] e) =>
        RecruitmentRules.Rank(e, 0.4m, 0.6m, places).ToDictionary(r => r.Id);

    [Fact]
    public void Equal_totals_share_a_rank_and_the_next_rank_skips()
    {
        // Totals 90, 86, 86, 80 → ranks 1, 2, 2, 4.
        var r = Rank(4, new(A, 90, 90), new(B, 80, 90), new(C, 86, 86), new(D, 80, 80));
        Assert.Equal([1, 2, 2, 4], new[] { A, B, C, D }.Select(x => r[x].Rank));
        Assert.True(r[B].SharedRank);
        Assert.False(r[A].SharedRank);
        // For hiring, the interview score breaks the tie (B 90 > C 86).
        Assert.Equal(2, r[B].HiringOrder);
        Assert.Equal(3, r[C].HiringOrder);
    }

    [Fact]
    public void Equal_totals_are_broken_by_the_interview_score_then_the_written_score()
    {
        // Weights 0.5/0.5: 85/85, 80/90 and 90/80 all total 85 and share rank 1; the highest interview takes the one place.
        var tied = RecruitmentRules.Rank([new(A, 85, 85), new(B, 80, 90), new(C, 90, 80)], 0.5m, 0.5m, 1).ToDictionary(x => x.Id);
        Assert.All(tied.Values, x => Assert.Equal(1, x.Rank));
        Assert.Equal([2, 1, 3], new[] { A, B, C }.Select(x => tied[x].HiringOrder));
        Assert.Equal(RankStanding.Within, tied[B].Standing);
        Assert.Equal(RankStanding.Outside, tied[A].Standing);
        // Weights 0.001/0.999: 80/90 and 81/90 both round to 89.99 with the same interview; the written score decides.
        var byWritten = RecruitmentRules.Rank([new(A, 80, 90), new(B, 81, 90)], 0.001m, 0.999m, 1).ToDictionary(x => x.Id);
        Assert.Equal(89.99m, byWritten[A].Total);
        Assert.Equal(89.99m, byWritten[B].Total);
        Assert.Equal(1, byWritten[B].HiringOrder);
        Assert.Equal(RankStanding.Within, byWritten[B].Standing);
        Assert.Equal(RankStanding.Outside, byWritten[A].Standing);
    }

    [Theory]
    [InlineData(1, RankStanding.TiedAtCutoff, RankStanding.TiedAtCutoff)]   // two tied for one place: the clerk chooses
    [InlineData(2, RankStanding.Within, RankStanding.Within)]               // both fit
    public void A_complete_tie_at_the_cut_off_is_marked_not_silently_picked(int places, RankStanding a, RankStanding b)
    {
        var r = Rank(places, new(A, 80, 90), new(B, 80, 90), new(C, 70, 70));
        Assert.Equal(a, r[A].Standing);
        Assert.Equal(b, r[B].Standing);
        Assert.Equal(r[A].HiringOrder, r[B].HiringOrder);
        Assert.Equal(places >= 3 ? RankStanding.Within : RankStanding.Outside, r[C].Standing);
    }

    [Fact]
    public void A_tie_below_the_cut_off_does_not_concern_the_places()
    {
        var r = Rank(1, new(A, 95, 95), new(B, 80, 90), new(C, 80, 90));
        Assert.Equal(RankStanding.Within, r[A].Standing);
        Assert.Equal(RankStanding.Outside, r[B].Standing);
        Assert.Equal(RankStanding.Outside, r[C].Standing);
        Assert.Equal(2, r[B].Rank);
    }

    [Fact]
    public void A_selection_must_stay_within_the_places_and_choose_among_the_tied()
    {
        var ranking = RecruitmentRules.Rank([new(A, 80, 90), new(B, 80, 90), new(C, 70, 70)], 0.4m, 0.6m, 1);
        string Name(Guid id) => id == A ? "甲" : id == B ? "乙" : "丙";
        Assert.Contains("并列", RecruitmentRules.CheckSelection(ranking, [A, B], 1, Name));
        Assert.Null(RecruitmentRules.CheckSelection(ranking, [B], 1, Name));
        Assert.Contains("名额之外", RecruitmentRules.CheckSelection(ranking, [C], 1, Name));
        Assert.Contains("尚无完整成绩", RecruitmentRules.CheckSelection(ranking, [D], 1, _ => "丁"));
    }

    [Theory]
    [InlineData("85.5", "90", "88.20")]
    [InlineData("83.3", "77.7", "79.94")]   // 33.32 + 46.62
    [InlineData("0", "0", "0")]
    [InlineData("100", "100", "100")]
    public void The_total_is_the_weighted_sum_to_two_decimals(string w, string i, string total) =>
        Assert.Equal(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture),
            RecruitmentRules.Total(decimal.Parse(w, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(i, System.Globalization.CultureInfo.InvariantCulture), 0.4m, 0.6m));

    [Fact]
    public void The_total_rounds_half_away_from_zero() =>
        Assert.Equal(80.03m, RecruitmentRules.Total(80.1m, 80m, 0.25m, 0.75m));   // 20.025 + 60 = 80.025

    [Theory]
    [InlineData("0", true)]
    [InlineData("100", true)]
    [InlineData("99.9", true)]
    [InlineData("100.1", false)]
    [InlineData("-0.1", false)]
    [InlineData("85.55", false)]
    public void Scores_are_zero_to_a_hundred_with_one_decimal(string s, bool ok) =>
        Assert.Equal(ok, RecruitmentRules.ValidScore(decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0.4", "0.6", true)]
    [InlineData("1", "0", true)]
    [InlineData("0.5", "0.6", false)]
    [InlineData("0.3333", "0.6667", false)]
    public void Weights_add_up_to_one(string w, string i, bool ok) =>
        Assert.Equal(ok, RecruitmentRules.ValidWeights(decimal.Parse(w, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(i, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_publicity_of_working_days_skips_weekends()
    {
        // Monday 2026-11-30 + 5 working days → Friday 2026-12-04; from Thursday 2026-12-03 → Wednesday 2026-12-09.
        Assert.Equal(new DateOnly(2026, 12, 4), RecruitmentRules.PublicityEnd(new DateOnly(2026, 11, 30), 5, true));
        Assert.Equal(new DateOnly(2026, 12, 9), RecruitmentRules.PublicityEnd(new DateOnly(2026, 12, 3), 5, true));
        // Starting on a Saturday counts from Monday.
        Assert.Equal(new DateOnly(2026, 12, 11), RecruitmentRules.PublicityEnd(new DateOnly(2026, 12, 5), 5, true));
        Assert.Equal(new DateOnly(2026, 12, 7), RecruitmentRules.PublicityEnd(new DateOnly(2026, 12, 3), 5, false));
        Assert.Equal(new DateOnly(2026, 12, 3), RecruitmentRules.PublicityEnd(new DateOnly(2026, 12, 3), 1, false));
    }

    [Theory]
    [InlineData("张三明", "张*明")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("李", "李")]
    public void Names_on_the_public_list_are_masked(string name, string masked) => Assert.Equal(masked, RecruitmentRules.MaskName(name));

    [Fact]
    public void Age_is_checked_on_the_closing_date_at_its_boundary()
    {
        var closing = new DateOnly(2026, 6, 30);
        RecruitCondition[] max35 = [new("35周岁以下", ConditionRule.MaxAge, MaxAge: 35)];
        // 35 on the closing date passes; turning 36 on it fails.
        Assert.Equal(CheckOutcome.Pass, RecruitmentRules.Check(max35, new DateOnly(1990, 7, 1), null, PoliticalStatus.Masses, null, closing)[0].Outcome);
        Assert.Equal(CheckOutcome.Fail, RecruitmentRules.Check(max35, new DateOnly(1990, 6, 30), null, PoliticalStatus.Masses, null, closing)[0].Outcome);
    }

    [Fact]
    public void Education_residence_and_politics_are_checked_where_the_data_allows()
    {
        var day = new DateOnly(2026, 6, 30);
        var birth = new DateOnly(2000, 1, 1);
        RecruitCondition[] conditions =
        [
            new("大专及以上", ConditionRule.MinEducation, MinEducation: Education.College),
            new("本地户籍", ConditionRule.Residence, RegionPrefixes: "5202, 5204"),
            new("党员或团员", ConditionRule.Politics, Politics: [PoliticalStatus.PartyMember, PoliticalStatus.LeagueMember]),
            new("品行端正"),
        ];
        var ok = RecruitmentRules.Check(conditions, birth, Education.College, PoliticalStatus.LeagueMember, "520402", day);
        Assert.Equal([CheckOutcome.Pass, CheckOutcome.Pass, CheckOutcome.Pass, CheckOutcome.Manual], ok.Select(c => c.Outcome));
        var no = RecruitmentRules.Check(conditions, birth, Education.Vocational, PoliticalStatus.Masses, "110101", day);
        Assert.Equal([CheckOutcome.Fail, CheckOutcome.Fail, CheckOutcome.Fail, CheckOutcome.Manual], no.Select(c => c.Outcome));
        var unknown = RecruitmentRules.Check(conditions, birth, null, PoliticalStatus.Masses, null, day);
        Assert.Equal(CheckOutcome.Manual, unknown[0].Outcome);
        Assert.Equal(CheckOutcome.Manual, unknown[1].Outcome);
        Assert.True(RecruitmentRules.AtLeast(Education.Postgraduate, Education.College));
        Assert.False(RecruitmentRules.AtLeast(Education.Vocational, Education.College));
    }
}
