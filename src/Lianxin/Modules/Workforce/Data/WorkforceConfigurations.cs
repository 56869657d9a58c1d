using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Workforce.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Modules.Workforce.Data;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> e)
    {
        e.ToTable("wf_workers");
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.StatusNote).HasMaxLength(200);
        e.Property(x => x.DeleteReason).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Certificates).WithOne().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        // One roster entry per person (a dismissed worker re-hired is the same entry, re-activated).
        e.HasIndex(x => x.PersonId).IsUnique().HasFilter("\"IsDeleted\" = FALSE");
        e.HasIndex(x => new { x.OrgPath, x.Status });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class WorkerCertificateConfiguration : IEntityTypeConfiguration<WorkerCertificate>
{
    public void Configure(EntityTypeBuilder<WorkerCertificate> e)
    {
        e.ToTable("wf_certificates");
        e.Property(x => x.WorkerName).HasMaxLength(50);
        e.Property(x => x.Number).HasMaxLength(50);
        e.HasIndex(x => x.WorkerId);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class WorkerPostChangeConfiguration : IEntityTypeConfiguration<WorkerPostChange>
{
    public void Configure(EntityTypeBuilder<WorkerPostChange> e)
    {
        e.ToTable("wf_post_changes");
        e.Property(x => x.WorkerName).HasMaxLength(50);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Note).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.WorkerId, x.EffectiveOn });
        e.HasIndex(x => x.OrgPath);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class CommunityPopulationConfiguration : IEntityTypeConfiguration<CommunityPopulation>
{
    public void Configure(EntityTypeBuilder<CommunityPopulation> e)
    {
        e.ToTable("wf_populations");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.OrgName).HasMaxLength(100);
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrgId, x.Year }).IsUnique();
        e.HasIndex(x => new { x.OrgPath, x.Year });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class ReserveEntryConfiguration : IEntityTypeConfiguration<ReserveEntry>
{
    public void Configure(EntityTypeBuilder<ReserveEntry> e)
    {
        e.ToTable("wf_reserve");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Note).HasMaxLength(200);
        e.Property(x => x.LeftReason).HasMaxLength(200);
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrgPath, x.Status });
        e.HasIndex(x => x.WorkerId);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class CompetitionConfiguration : IEntityTypeConfiguration<Competition>
{
    public void Configure(EntityTypeBuilder<Competition> e)
    {
        e.ToTable("wf_competitions");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Candidates).HasMaxLength(1000);
        e.Property(x => x.AppointedName).HasMaxLength(50);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.AppointedWorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrgPath, x.HeldOn });
        e.HasIndex(x => x.AppointedWorkerId);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class SecretaryFilingConfiguration : IEntityTypeConfiguration<SecretaryFiling>
{
    public void Configure(EntityTypeBuilder<SecretaryFiling> e)
    {
        e.ToTable("wf_secretary_filings");
        e.Property(x => x.WorkerName).HasMaxLength(50);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.DocumentNumber).HasMaxLength(50);
        e.Property(x => x.DecisionNote).HasMaxLength(200);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.WorkerId);
        e.HasIndex(x => new { x.OrgPath, x.Status });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}
