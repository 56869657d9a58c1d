using System.Globalization;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Excel;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features.Pay;

/// <summary>
/// Pay computed from the scheme in force (never typed in): the 工资表 of a community or subtree for a month, its Excel
/// export, and a worker's pay history for the profile, each month with the lines that explain it.
/// </summary>
public static class PayrollFeatures
{
    public const int MaxHistoryMonths = 36;

    internal static string MonthKey(int year, int month) => $"{year:D4}-{month:D2}";

    internal static bool TryMonth(string? text, DateOnly today, out (int Year, int Month) m)
    {
        m = (today.Year, today.Month);
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || d.Year < 2000 || d > today.AddYears(2))
            return false;
        m = (d.Year, d.Month);
        return true;
    }

    /// <summary>Published versions of the organizations at or above any of the paths (whatever the caller's scope: a county's scheme applies to its communities).</summary>
    internal static async Task<List<SalaryScheme>> SchemesFor(AppDbContext db, IEnumerable<string> orgPaths, CancellationToken ct)
    {
        var paths = orgPaths.SelectMany(PayRules.PathAndAncestors).Distinct().ToList();
        return await db.SalarySchemes.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().AsSplitQuery()
            .Include(s => s.Cells).Include(s => s.Allowances)
            .Where(s => s.Published && paths.Contains(s.OrgPath)).ToListAsync(ct);
    }

    internal static PayMonth Compute(Worker w, IEnumerable<WorkerPostChange> changes, IReadOnlyList<SalaryScheme> schemes, int year, int month)
    {
        var mine = schemes.Where(s => w.OrgPath.StartsWith(s.OrgPath, StringComparison.Ordinal)).ToList();
        return PayRules.Month(PayWorker.Of(w, changes), d => PayRules.SchemeOn(mine, d), year, month);
    }

    public static string KindLabel(PayLineKind k) => k switch { PayLineKind.Paid => "计薪", PayLineKind.NotPaid => "不计薪", _ => "无法计算" };

    internal static PayMonthView View(PayMonth m) => new(MonthKey(m.Year, m.Month), m.DaysInMonth, m.PaidDays, m.Base, m.Certificate, m.Seniority,
        m.Others, m.OthersTotal, m.Total, m.HasErrors,
        [.. m.Lines.Select(l => new PayLineView(l.From, l.To, l.Days, l.Kind, KindLabel(l.Kind), l.Reason, l.SchemeId, l.SchemeName, l.SchemeEffectiveFrom,
            l.Post, l.Post is { } p ? WorkforceLabels.Of(p) : null, l.PayPost, l.PayPostName, l.Level, l.Step, l.Base, l.Certificate,
            l.Certificate is { } c ? WorkforceLabels.Of(c) : null, l.CertificateAllowance, l.YearsOfService, l.Seniority, l.Others, l.Monthly, l.Amount))]);

    public static async Task<Results<Ok<WorkerPayHistory>, NotFound>> WorkerPay(Guid id, int? months, AppDbContext db, CancellationToken ct)
    {
        var w = await db.Workers.AsNoTracking().Include(x => x.Certificates).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return TypedResults.NotFound();
        var changes = await db.WorkerPostChanges.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(c => c.WorkerId == id).ToListAsync(ct);
        var schemes = await SchemesFor(db, [w.OrgPath], ct);
        var n = Math.Clamp(months ?? 12, 1, MaxHistoryMonths);
        var today = db.Today;
        var list = new List<PayMonthView>();
        for (var i = 0; i < n; i++)
        {
            var d = new DateOnly(today.Year, today.Month, 1).AddMonths(-i);
            if (d.AddMonths(1) <= w.HireDate) break;   // nothing before the month of hire
            list.Add(View(Compute(w, changes, schemes, d.Year, d.Month)));
        }
        return TypedResults.Ok(new WorkerPayHistory(w.Id, w.Name, list, list.Sum(m => m.Total)));
    }

    private sealed record Sheet(Guid OrgId, string OrgName, int Year, int Month, int DaysInMonth, List<PayrollRow> Rows, List<string> OtherNames, PayrollTotals Totals);

    private static async Task<(Sheet? Sheet, ValidationProblem? Problem)> Build(Guid? orgId, string? monthText, AppDbContext db, CancellationToken ct)
    {
        if (!TryMonth(monthText, db.Today, out var m)) return (null, Problems.Validation("month", "月份格式应为 2026-11"));
        var path = await OrgReads.SubtreePath(db, orgId, ct);
        if (path is null) return (null, null);
        var (year, month) = m;
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var workers = await db.Workers.AsNoTracking().Include(w => w.Certificates).WithinSubtree(db.Scope, path)
            .Where(w => w.HireDate <= last && (w.Status == WorkerStatus.Active || w.StatusSince > first))
            .OrderBy(w => w.OrgPath).ThenBy(w => w.Post).ThenBy(w => w.Name).ThenBy(w => w.Id).ToListAsync(ct);
        var ids = workers.Select(w => w.Id).ToList();
        var changes = (await db.WorkerPostChanges.AsNoTracking().WithinSubtree(db.Scope, path).Where(c => c.EffectiveOn <= last).ToListAsync(ct))
            .Where(c => ids.Contains(c.WorkerId)).ToLookup(c => c.WorkerId);
        var schemes = await SchemesFor(db, workers.Select(w => w.OrgPath).Distinct(), ct);
        var orgNames = await MemberReads.OrgNames(db, workers.Select(w => w.OrgId).Append(orgId ?? db.Scope.RootOrgId ?? Guid.Empty), ct);
        var rows = new List<PayrollRow>(workers.Count);
        foreach (var w in workers)
        {
            var pay = Compute(w, changes[w.Id], schemes, year, month);
            var lastPaid = pay.Lines.LastOrDefault(l => l.Kind == PayLineKind.Paid);
            var problem = pay.Lines.FirstOrDefault(l => l.Kind == PayLineKind.Error)?.Reason;
            rows.Add(new PayrollRow(w.Id, w.Name, w.OrgId, orgNames.GetValueOrDefault(w.OrgId, ""), w.Post, WorkforceLabels.Of(w.Post),
                lastPaid is null ? null : $"{lastPaid.PayPostName}{lastPaid.Level}级{lastPaid.Step}档", pay.PaidDays, pay.Base, pay.Certificate, pay.Seniority,
                pay.Others, pay.OthersTotal, pay.Total, pay.HasErrors, problem));
        }
        var otherNames = rows.SelectMany(r => r.Others.Select(o => o.Name)).Distinct().ToList();
        var totals = new PayrollTotals(rows.Count, rows.Sum(r => r.Base), rows.Sum(r => r.Certificate), rows.Sum(r => r.Seniority),
            [.. otherNames.Select(n => new PayAllowanceAmount(n, rows.Sum(r => r.Others.Where(o => o.Name == n).Sum(o => o.Amount))))],
            rows.Sum(r => r.OthersTotal), rows.Sum(r => r.Total), rows.Count(r => r.HasErrors));
        var rootId = orgId ?? db.Scope.RootOrgId ?? Guid.Empty;
        return (new Sheet(rootId, orgNames.GetValueOrDefault(rootId, "全部"), year, month, DateTime.DaysInMonth(year, month), rows, otherNames, totals), null);
    }

    public static async Task<Results<Ok<Payroll>, NotFound, ValidationProblem>> Get([AsParameters] PayrollQuery q, AppDbContext db, CancellationToken ct)
    {
        var (sheet, problem) = await Build(q.OrgId, q.Month, db, ct);
        if (problem is not null) return problem;
        if (sheet is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        return TypedResults.Ok(new Payroll(sheet.OrgId, sheet.OrgName, MonthKey(sheet.Year, sheet.Month), sheet.DaysInMonth, sheet.OtherNames, sheet.Totals,
            new PageOf<PayrollRow>([.. sheet.Rows.Skip((page - 1) * size).Take(size)], sheet.Rows.Count, page, size)));
    }

    public sealed record ExportQuery(Guid? OrgId, string? Month);

    public static async Task<IResult> Export([AsParameters] ExportQuery q, AppDbContext db, CancellationToken ct)
    {
        var (sheet, problem) = await Build(q.OrgId, q.Month, db, ct);
        if (problem is not null) return problem;
        if (sheet is null) return TypedResults.NotFound();
        var columns = new List<XlsxColumn>
        {
            new("序号", 6), new("姓名", 10), new("所在社区", 26), new("岗位", 14), new("岗级档", 14), new("计薪天数", 10), new("岗级工资", 12),
            new("职业资格津贴", 14), new("工龄津贴", 12),
        };
        columns.AddRange(sheet.OtherNames.Select(n => new XlsxColumn(n, 12)));
        columns.Add(new("应发合计", 14));
        columns.Add(new("备注", 40));
        var lines = sheet.Rows.Select((r, i) => new object?[] { i + 1, r.Name, r.OrgName, r.PostLabel, r.Placement, r.PaidDays, r.Base, r.Certificate, r.Seniority }
            .Concat(sheet.OtherNames.Select(n => (object?)r.Others.Where(o => o.Name == n).Sum(o => o.Amount)))
            .Concat([r.Total, r.Problem]).ToArray()).ToList();
        var t = sheet.Totals;
        lines.Add(new object?[] { "合计", $"{t.Workers}人", null, null, null, null, t.Base, t.Certificate, t.Seniority }
            .Concat(t.Others.Select(o => (object?)o.Amount)).Concat([t.Total, t.WithErrors > 0 ? $"{t.WithErrors}人无法完整计算，见各行备注" : null]).ToArray());
        var title = $"{sheet.OrgName}_{sheet.Year}年{sheet.Month}月工资表";
        db.Audit(AuditActions.Export, "工资表", null, $"导出{sheet.OrgName}{sheet.Year}年{sheet.Month}月工资表 {t.Workers} 人", after: new { q.OrgId, Month = MonthKey(sheet.Year, sheet.Month) });
        await db.SaveChangesAsync(ct);
        return await Xlsx.File($"{title}.xlsx", [new XlsxSheet($"{sheet.Year}年{sheet.Month}月", columns, Xlsx.Rows(lines))], ct);
    }
}
