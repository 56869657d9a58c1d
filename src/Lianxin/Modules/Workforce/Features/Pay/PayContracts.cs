using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Http;

namespace Lianxin.Modules.Workforce.Features.Pay;

public sealed record SchemeQuery(Guid? OrgId, int? Page, int? PageSize);

/// <summary>A version in a list. Inherited: a superior organization's version (read-only here, it may apply to the caller's communities).</summary>
public sealed record SchemeRow(Guid Id, string Name, Guid OrgId, string OrgName, DateOnly EffectiveFrom, IReadOnlyList<string> PostNames,
    int Posts, int Levels, int Steps, SchemeState State, string StateLabel, bool Frozen, bool Inherited, DateTime UpdatedAt);

/// <summary>Another allowance by rule; Posts empty or null: every worker.</summary>
public sealed record AllowanceRuleInput(string? Name, decimal? Amount, IReadOnlyList<WorkerPost>? Posts);

public sealed record AllowanceRuleView(string Name, decimal Amount, IReadOnlyList<WorkerPost> Posts, IReadOnlyList<string> PostLabels);

/// <summary>A version with its whole grid: Amounts[post - 1][level - 1][step - 1].</summary>
public sealed record SchemeDetail(SchemeRow Scheme, string? Note, decimal AssistantAllowance, decimal SocialAllowance, decimal SeniorAllowance,
    decimal SeniorityPerYear, IReadOnlyList<AllowanceRuleView> Allowances, decimal[][][] Amounts, int EmptyCells, bool Published,
    DateTime? PublishedAt, string? PublishedBy, Guid Version);

/// <summary>
/// A version's header (name, organization — on creation only —, effective date, shape, allowances) and, optionally, the
/// whole grid Amounts[post - 1][level - 1][step - 1] (yuan, ≥ 0, at most 2 decimals).
/// </summary>
public sealed record SchemeInput(string? Name, Guid? OrgId, DateOnly? EffectiveFrom, IReadOnlyList<string>? PostNames, int? Levels, int? Steps,
    decimal? AssistantAllowance, decimal? SocialAllowance, decimal? SeniorAllowance, decimal? SeniorityPerYear,
    IReadOnlyList<AllowanceRuleInput>? Allowances, string? Note, decimal?[][][]? Amounts = null, Guid? Version = null);

/// <summary>The whole grid from the editor: Amounts[post - 1][level - 1][step - 1].</summary>
public sealed record CellsInput(decimal?[][][]? Amounts, Guid? Version);

/// <summary>A new draft version from an existing one: a new effective date, optionally for another organization (e.g. a street's own from the county's).</summary>
public sealed record CopyInput(DateOnly? EffectiveFrom, Guid? OrgId, string? Name);

public sealed record PayLineView(DateOnly From, DateOnly To, int Days, PayLineKind Kind, string KindLabel, string? Reason,
    Guid? SchemeId, string? SchemeName, DateOnly? SchemeEffectiveFrom, WorkerPost? Post, string? PostLabel, int? PayPost, string? PayPostName,
    int? Level, int? Step, decimal Base, CertificateLevel? Certificate, string? CertificateLabel, decimal CertificateAllowance,
    int YearsOfService, decimal Seniority, IReadOnlyList<PayAllowanceAmount> Others, decimal Monthly, decimal Amount);

/// <summary>One month of a worker's pay ("2026-11").</summary>
public sealed record PayMonthView(string Month, int DaysInMonth, int PaidDays, decimal Base, decimal Certificate, decimal Seniority,
    IReadOnlyList<PayAllowanceAmount> Others, decimal OthersTotal, decimal Total, bool HasErrors, IReadOnlyList<PayLineView> Lines);

public sealed record WorkerPayHistory(Guid WorkerId, string Name, IReadOnlyList<PayMonthView> Months, decimal Total);

public sealed record PayrollQuery(Guid? OrgId, string? Month, int? Page, int? PageSize);

/// <summary>One worker's line of a payroll sheet. Placement: e.g. “一岗8级3档” (on the last paid day).</summary>
public sealed record PayrollRow(Guid WorkerId, string Name, Guid OrgId, string OrgName, WorkerPost Post, string PostLabel, string? Placement,
    int PaidDays, decimal Base, decimal Certificate, decimal Seniority, IReadOnlyList<PayAllowanceAmount> Others, decimal OthersTotal,
    decimal Total, bool HasErrors, string? Problem);

public sealed record PayrollTotals(int Workers, decimal Base, decimal Certificate, decimal Seniority, IReadOnlyList<PayAllowanceAmount> Others,
    decimal OthersTotal, decimal Total, int WithErrors);

/// <summary>工资表 of a community (or a subtree) and month.</summary>
public sealed record Payroll(Guid OrgId, string OrgName, string Month, int DaysInMonth, IReadOnlyList<string> OtherNames, PayrollTotals Totals,
    PageOf<PayrollRow> Rows);
