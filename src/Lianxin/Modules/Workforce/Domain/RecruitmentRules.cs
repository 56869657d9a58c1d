using Lianxin.Modules.Members.Domain;

namespace Lianxin.Modules.Workforce.Domain;

/// <summary>Where a ranked applicant stands against the places of the position.</summary>
public enum RankStanding
{
    /// <summary>Within the places after the tie-breaks.</summary>
    Within,
    /// <summary>并列: tied on total, interview and written score with others across the cut-off; the clerk chooses.</summary>
    TiedAtCutoff,
    Outside,
}

public readonly record struct ScoreEntry(Guid Id, decimal Written, decimal Interview);

/// <summary>
/// One ranked applicant: Rank shares equal totals (1, 2, 2, 4); HiringOrder breaks ties by the interview score and then
/// the written score, and stays shared only when all three are equal.
/// </summary>
public readonly record struct Ranked(Guid Id, decimal Written, decimal Interview, decimal Total, int Rank, bool SharedRank, int HiringOrder,
    RankStanding Standing);

public readonly record struct ConditionCheck(string Text, ConditionRule Rule, CheckOutcome Outcome, string? Detail);

public static class RecruitmentRules
{
    /// <summary>Scores are 0–100 with at most one decimal.</summary>
    public static bool ValidScore(decimal s) => s is >= 0 and <= 100 && decimal.Round(s, 1) == s;

    /// <summary>Weights are each 0–1 with at most three decimals and add up to exactly 1.</summary>
    public static bool ValidWeights(decimal written, decimal interview) =>
        written is >= 0 and <= 1 && interview is >= 0 and <= 1 && decimal.Round(written, 3) == written && decimal.Round(interview, 3) == interview
        && written + interview == 1m;

    /// <summary>总成绩 = written × weight + interview × weight, 2 decimals (half away from zero).</summary>
    public static decimal Total(decimal written, decimal interview, decimal writtenWeight, decimal interviewWeight) =>
        Math.Round(written * writtenWeight + interview * interviewWeight, 2, MidpointRounding.AwayFromZero);

    /// <summary>Ranks the scored applicants of one position with <paramref name="places"/> places.</summary>
    public static IReadOnlyList<Ranked> Rank(IEnumerable<ScoreEntry> entries, decimal writtenWeight, decimal interviewWeight, int places)
    {
        var list = entries.Select(e => (e, Total: Total(e.Written, e.Interview, writtenWeight, interviewWeight)))
            .OrderByDescending(x => x.Total).ThenByDescending(x => x.e.Interview).ThenByDescending(x => x.e.Written).ThenBy(x => x.e.Id).ToList();
        var result = new List<Ranked>(list.Count);
        foreach (var (e, total) in list)
        {
            var rank = 1 + list.Count(x => x.Total > total);
            var sharedRank = list.Count(x => x.Total == total) > 1;
            var better = list.Count(x => x.Total > total || (x.Total == total && (x.e.Interview > e.Interview || (x.e.Interview == e.Interview && x.e.Written > e.Written))));
            var same = list.Count(x => x.Total == total && x.e.Interview == e.Interview && x.e.Written == e.Written);
            var order = better + 1;
            var standing = order + same - 1 <= places ? RankStanding.Within : order <= places ? RankStanding.TiedAtCutoff : RankStanding.Outside;
            result.Add(new Ranked(e.Id, e.Written, e.Interview, total, rank, sharedRank, order, standing));
        }
        return result;
    }

    /// <summary>
    /// Checks a proposed selection for one position against its ranking: nobody from outside the places, and no more
    /// than the places (which, when a tie straddles the cut-off, makes the clerk choose among the tied). Null when fine.
    /// </summary>
    public static string? CheckSelection(IReadOnlyList<Ranked> ranking, IReadOnlyCollection<Guid> selected, int places, Func<Guid, string> name)
    {
        var unknown = selected.Where(id => ranking.All(r => r.Id != id)).ToList();
        if (unknown.Count > 0) return $"{string.Join("、", unknown.Select(name))}尚无完整成绩或未通过联审，不能列为拟聘用人员";
        var outside = ranking.Where(r => selected.Contains(r.Id) && r.Standing == RankStanding.Outside).ToList();
        if (outside.Count > 0) return $"{string.Join("、", outside.Select(r => name(r.Id)))}排名在招聘名额之外";
        if (selected.Count > places)
        {
            var tied = ranking.Where(r => r.Standing == RankStanding.TiedAtCutoff).ToList();
            return tied.Count > 0 && tied.Count(r => selected.Contains(r.Id)) > 1
                ? $"{string.Join("、", tied.Select(r => name(r.Id)))}成绩并列（总成绩、面试、笔试均相同），名额只有{places}个，请从中选定"
                : $"拟聘用人数超过招聘名额（{places}人）";
        }
        return null;
    }

    /// <summary>The last day of a 公示 of <paramref name="days"/> days from <paramref name="from"/> (working days: Monday to Friday).</summary>
    public static DateOnly PublicityEnd(DateOnly from, int days, bool workingDays)
    {
        if (!workingDays) return from.AddDays(days - 1);
        var d = from;
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
        for (var counted = 1; counted < days;)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) counted++;
        }
        return d;
    }

    /// <summary>张*明: the first and last character kept, the rest masked (two characters: 张*).</summary>
    public static string MaskName(string name)
    {
        var chars = System.Globalization.StringInfo.GetTextElementEnumerator(name.Trim());
        var parts = new List<string>();
        while (chars.MoveNext()) parts.Add((string)chars.Current);
        return parts.Count switch
        {
            0 => "",
            1 => parts[0],
            2 => parts[0] + "*",
            _ => parts[0] + new string('*', parts.Count - 2) + parts[^1],
        };
    }

    /// <summary>Education order: a lower enum value is a higher degree.</summary>
    public static bool AtLeast(Education e, Education min) => (int)e <= (int)min;

    /// <summary>The automatic checks of one applicant against the conditions (age on the closing date).</summary>
    public static IReadOnlyList<ConditionCheck> Check(IEnumerable<RecruitCondition> conditions, DateOnly birth, Education? education, PoliticalStatus politics,
        string? residenceCode, DateOnly closingDate)
    {
        var result = new List<ConditionCheck>();
        foreach (var c in conditions)
        {
            ConditionCheck Out(CheckOutcome o, string? d) => new(c.Text, c.Rule, o, d);
            result.Add(c.Rule switch
            {
                ConditionRule.MaxAge when c.MaxAge is { } max => WorkforceRules.AgeOn(birth, closingDate) is var age && age <= max
                    ? Out(CheckOutcome.Pass, $"截止报名时{age}周岁") : Out(CheckOutcome.Fail, $"截止报名时{WorkforceRules.AgeOn(birth, closingDate)}周岁，超过{max}周岁"),
                ConditionRule.MinEducation when c.MinEducation is { } min => education is not { } e ? Out(CheckOutcome.Manual, "未填写学历")
                    : AtLeast(e, min) ? Out(CheckOutcome.Pass, Labels.Of(e)) : Out(CheckOutcome.Fail, $"{Labels.Of(e)}，低于{Labels.Of(min)}"),
                ConditionRule.Residence when Prefixes(c.RegionPrefixes) is { Count: > 0 } prefixes => string.IsNullOrWhiteSpace(residenceCode)
                    ? Out(CheckOutcome.Manual, "未填写户籍/居住地区代码")
                    : prefixes.Any(p => residenceCode.StartsWith(p, StringComparison.Ordinal)) ? Out(CheckOutcome.Pass, residenceCode)
                    : Out(CheckOutcome.Fail, $"地区代码{residenceCode}不在要求的地区内"),
                ConditionRule.Politics when c.Politics is { Count: > 0 } allowed => allowed.Contains(politics)
                    ? Out(CheckOutcome.Pass, WorkforceLabels.Of(politics)) : Out(CheckOutcome.Fail, $"{WorkforceLabels.Of(politics)}，不符合要求"),
                _ => Out(CheckOutcome.Manual, null),
            });
        }
        return result;
    }

    public static List<string> Prefixes(string? text) =>
        [.. (text ?? "").Split([',', '，', '、', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>The checklists a new announcement starts with (the clerk edits them): 六盘水's 8 资格条件, 11 不得报考情形 and 联审 departments.</summary>
public static class RecruitmentDefaults
{
    public static List<RecruitCondition> Conditions() =>
    [
        new("拥护中国共产党的领导，拥护党的路线方针政策，遵守宪法和法律法规"),
        new("具有良好的政治素质、品行和职业道德，热爱社区工作"),
        new("年龄在18周岁以上、35周岁以下（以报名截止日计算）", ConditionRule.MaxAge, MaxAge: 35),
        new("具有国家承认的大专及以上学历", ConditionRule.MinEducation, MinEducation: Education.College),
        new("具有本地户籍或在本地居住（地区代码由公告填写）", ConditionRule.Residence),
        new("身体健康，具有正常履行职责的身体条件"),
        new("具有较强的组织协调、群众工作和文字表达能力"),
        new("熟悉社区情况，能熟练使用计算机办公"),
    ];

    public static List<string> Disqualifications() =>
    [
        "曾因犯罪受过刑事处罚的",
        "曾被开除中国共产党党籍的",
        "曾被开除公职的",
        "被依法列为失信联合惩戒对象的",
        "参与黑恶势力或涉黑涉恶受到处理的",
        "受到党纪政务处分期限未满或正在接受纪律审查、监察调查的",
        "涉嫌违法犯罪正在接受调查尚未作出结论的",
        "参加邪教组织或非法组织的",
        "在各类招录招聘中被认定有舞弊等严重违纪违规行为且在禁考期内的",
        "曾被辞退或解聘的社区工作者未满5年的",
        "法律法规规定不得聘用的其他情形",
    ];

    public static List<string> ReviewDepartments() => ["组织部门", "政法部门", "民政部门", "公安部门"];
}
