using Lianxin.Modules.Workforce.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Persistence;

/// <summary>社区工作者 — 薪酬体系: scheme versions, their cells and allowances (scoped by the module's convention).</summary>
public sealed partial class AppDbContext
{
    public DbSet<SalaryScheme> SalarySchemes => Set<SalaryScheme>();
    public DbSet<SalaryCell> SalaryCells => Set<SalaryCell>();
    public DbSet<SalaryAllowance> SalaryAllowances => Set<SalaryAllowance>();
}
