using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Workforce.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Modules.Workforce.Data;

internal sealed class SalarySchemeConfiguration : IEntityTypeConfiguration<SalaryScheme>
{
    public void Configure(EntityTypeBuilder<SalaryScheme> e)
    {
        e.ToTable("wf_salary_schemes");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.PostNamesText).HasMaxLength(1000);
        e.Property(x => x.Note).HasMaxLength(500);
        e.Property(x => x.PublishedBy).HasMaxLength(100);
        foreach (var p in new[] { nameof(SalaryScheme.AssistantAllowance), nameof(SalaryScheme.SocialAllowance), nameof(SalaryScheme.SeniorAllowance), nameof(SalaryScheme.SeniorityPerYear) })
            e.Property(p).HasPrecision(18, 2);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Cells).WithOne().HasForeignKey(c => c.SchemeId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Allowances).WithOne().HasForeignKey(c => c.SchemeId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrgPath, x.EffectiveFrom });
        e.HasIndex(x => x.OrgId);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
        e.Ignore(x => x.PostNames);
        e.Ignore(x => x.Posts);
    }
}

internal sealed class SalaryCellConfiguration : IEntityTypeConfiguration<SalaryCell>
{
    public void Configure(EntityTypeBuilder<SalaryCell> e)
    {
        e.ToTable("wf_salary_cells");
        e.Property(x => x.Id).ValueGeneratedNever();   // cells added to a tracked version's collection are new rows
        e.Property(x => x.Amount).HasPrecision(18, 2);
        e.HasIndex(x => new { x.SchemeId, x.PayPost, x.Level, x.Step }).IsUnique();
    }
}

internal sealed class SalaryAllowanceConfiguration : IEntityTypeConfiguration<SalaryAllowance>
{
    public void Configure(EntityTypeBuilder<SalaryAllowance> e)
    {
        e.ToTable("wf_salary_allowances");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Amount).HasPrecision(18, 2);
        e.Property(x => x.PostsText).HasMaxLength(200);
        e.HasIndex(x => x.SchemeId);
        e.Ignore(x => x.Posts);
    }
}
