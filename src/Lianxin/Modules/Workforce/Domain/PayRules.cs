namespace Lianxin.Modules.Workforce.Domain;

/// <summary>What the pay of a worker depends on, day by day: hire date, status, placement and certificate.</summary>
public sealed record PayWorker(DateOnly HireDate, WorkerStatus Status, DateOnly StatusSince,
    Func<DateOnly, Placement?> PlacementOn, Func<DateOnly, CertificateLevel?> CertificateOn)
{
    public static PayWorker Of(Worker w, IEnumerable<WorkerPostChange> changes)
    {
        var list = changes.ToList();
        return new(w.HireDate, w.Status, w.StatusSince, d => WorkforceRules.PlacementOn(list, d), w.CertificateOn);
    }
}

public sealed record PayAllowanceAmount(string Name, decimal Amount);

public enum PayLineKind { Paid, NotPaid, Error }

/// <summary>
/// A run of days of a month in which everything the pay depends on is the same: the monthly figures of the scheme for
/// the placement, and their share for the days (Amount = Monthly × Days / days in the month, shown rounded to fen).
/// </summary>
public sealed record PayLine(DateOnly From, DateOnly To, int Days, PayLineKind Kind, string? Reason,
    Guid? SchemeId, string? SchemeName, DateOnly? SchemeEffectiveFrom,
    WorkerPost? Post, int? PayPost, string? PayPostName, int? Level, int? Step,
    decimal Base, CertificateLevel? Certificate, decimal CertificateAllowance, int YearsOfService, decimal Seniority,
    IReadOnlyList<PayAllowanceAmount> Others, decimal Monthly, decimal Amount);

/// <summary>The pay of a month: each component summed over the lines exactly and rounded to fen once; the total is their sum.</summary>
public sealed record PayMonth(int Year, int Month, int DaysInMonth, int PaidDays, IReadOnlyList<PayLine> Lines,
    decimal Base, decimal Certificate, decimal Seniority, IReadOnlyList<PayAllowanceAmount> Others, decimal Total, bool HasErrors)
{
    public decimal OthersTotal => Others.Sum(o => o.Amount);
}

/// <summary>The pay rules (DOMAIN §9: pay is computed from the scheme, never typed in).</summary>
public static class PayRules
{
    /// <summary>Fen, half away from zero.</summary>
    public static decimal Fen(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero);

    /// <summary>The path itself and every ancestor's path ("/a/", "/a/b/", …).</summary>
    public static List<string> PathAndAncestors(string path)
    {
        var list = new List<string>();
        for (var i = path.IndexOf('/', 1); i >= 0; i = path.IndexOf('/', i + 1)) list.Add(path[..(i + 1)]);
        return list;
    }

    /// <summary>
    /// The scheme version in force on a day among versions of the worker's organization and its ancestors: the nearest
    /// organization (the longest path) with a published version effective on the day, and of its versions the latest.
    /// </summary>
    public static SalaryScheme? SchemeOn(IEnumerable<SalaryScheme> candidates, DateOnly day) =>
        candidates.Where(s => s.Published && !s.IsDeleted && s.EffectiveFrom <= day)
            .OrderByDescending(s => s.OrgPath.Length).ThenByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .FirstOrDefault();

    private readonly record struct DayKey(PayLineKind Kind, string? Reason, SalaryScheme? Scheme, Placement? Placement, CertificateLevel? Certificate, int Years);

    /// <summary>
    /// The pay of a worker for a month: the month is split into runs of days where status, placement, scheme version,
    /// certificate and years of service are constant; each paid run earns (cell + certificate + seniority + other
    /// allowances) × days / days in the month. Days before the hire date or from a 离岗/解聘 date are not paid; a day
    /// without a placement or scheme, or with a placement the scheme does not have, is an error line (not paid).
    /// </summary>
    public static PayMonth Month(PayWorker w, Func<DateOnly, SalaryScheme?> schemeOn, int year, int month)
    {
        var dim = DateTime.DaysInMonth(year, month);
        var first = new DateOnly(year, month, 1);
        var runs = new List<(DateOnly From, DateOnly To, DayKey Key)>();
        for (var d = first; d.Month == month && d.Year == year; d = d.AddDays(1))
        {
            var key = KeyOn(w, schemeOn, d);
            if (runs.Count > 0 && runs[^1].Key == key && runs[^1].To.AddDays(1) == d) runs[^1] = (runs[^1].From, d, key);
            else runs.Add((d, d, key));
        }

        var lines = new List<PayLine>();
        decimal baseSum = 0, certSum = 0, senioritySum = 0;
        var others = new Dictionary<string, decimal>();
        var order = new List<string>();
        var paidDays = 0;
        foreach (var (from, to, k) in runs)
        {
            var days = to.DayNumber - from.DayNumber + 1;
            var p = k.Placement;
            var s = k.Scheme;
            if (k.Kind != PayLineKind.Paid)
            {
                lines.Add(new PayLine(from, to, days, k.Kind, k.Reason, s?.Id, s?.Name, s?.EffectiveFrom, p?.Post, p?.PayPost,
                    s is not null && p is { } pp && pp.PayPost <= s.Posts ? s.PostNames[pp.PayPost - 1] : null, p?.Level, p?.Step,
                    0, k.Certificate, 0, k.Years, 0, [], 0, 0));
                continue;
            }
            var baseAmount = s!.Amount(p!.Value.PayPost, p.Value.Level, p.Value.Step)!.Value;
            var cert = s.CertificateAllowance(k.Certificate);
            var seniority = s.SeniorityPerYear * k.Years;
            var extra = s.Allowances.OrderBy(a => a.Order).Where(a => a.AppliesTo(p.Value.Post)).Select(a => new PayAllowanceAmount(a.Name, a.Amount)).ToList();
            var monthly = baseAmount + cert + seniority + extra.Sum(a => a.Amount);
            decimal Share(decimal m) => m * days / dim;
            baseSum += Share(baseAmount);
            certSum += Share(cert);
            senioritySum += Share(seniority);
            foreach (var a in extra)
            {
                if (!others.ContainsKey(a.Name)) order.Add(a.Name);
                others[a.Name] = others.GetValueOrDefault(a.Name) + Share(a.Amount);
            }
            paidDays += days;
            lines.Add(new PayLine(from, to, days, PayLineKind.Paid, null, s.Id, s.Name, s.EffectiveFrom, p.Value.Post, p.Value.PayPost,
                s.PostNames[p.Value.PayPost - 1], p.Value.Level, p.Value.Step, baseAmount, k.Certificate, cert, k.Years, seniority, extra, monthly,
                Fen(Share(monthly))));
        }
        var otherAmounts = order.Select(n => new PayAllowanceAmount(n, Fen(others[n]))).ToList();
        var b = Fen(baseSum);
        var c = Fen(certSum);
        var sen = Fen(senioritySum);
        return new PayMonth(year, month, dim, paidDays, lines, b, c, sen, otherAmounts, b + c + sen + otherAmounts.Sum(o => o.Amount),
            lines.Any(l => l.Kind == PayLineKind.Error));
    }

    private static DayKey KeyOn(PayWorker w, Func<DateOnly, SalaryScheme?> schemeOn, DateOnly d)
    {
        if (d < w.HireDate) return new(PayLineKind.NotPaid, "未到聘用日期", null, null, null, 0);
        if (w.Status != WorkerStatus.Active && d >= w.StatusSince) return new(PayLineKind.NotPaid, WorkforceLabels.Of(w.Status), null, null, null, 0);
        var placement = w.PlacementOn(d) is { } p0 ? p0 with { Since = default } : (Placement?)null;
        var cert = w.CertificateOn(d);
        var years = WorkforceRules.YearsOfService(w.HireDate, d);
        if (placement is not { } p) return new(PayLineKind.Error, "没有岗位薪级记录", null, null, cert, years);
        var s = schemeOn(d);
        if (s is null) return new(PayLineKind.Error, "没有适用的薪酬体系（所在社区及上级组织均未发布在此日期生效的版本）", null, p, cert, years);
        if (s.Amount(p.PayPost, p.Level, p.Step) is null)
            return new(PayLineKind.Error, $"薪酬体系“{s.Name}”（{s.Posts}岗{s.Levels}级{s.Steps}档）中没有{p.PayPost}岗{p.Level}级{p.Step}档", s, p, cert, years);
        return new(PayLineKind.Paid, null, s, p, cert, years);
    }
}
