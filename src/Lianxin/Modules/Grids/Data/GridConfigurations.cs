using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.OrgLife.Data;
using Lianxin.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Modules.Grids.Data;

internal sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> e)
    {
        e.ToTable("grid_grids");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.DeleteReason).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.Code).IsUnique().HasFilter("\"IsDeleted\" = FALSE");
        e.HasIndex(x => x.OrgPath);
        e.HasIndex(x => x.ParentId);
        e.HasIndex(x => x.UpdatedAt);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class GridStaffConfiguration : IEntityTypeConfiguration<GridStaff>
{
    public void Configure(EntityTypeBuilder<GridStaff> e)
    {
        e.ToTable("grid_staff");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Name).HasMaxLength(50);
        e.HasOne<Grid>().WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.GridId);
        e.HasIndex(x => x.PersonId);
        e.HasIndex(x => x.OrgPath);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class EventCategoryConfiguration : IEntityTypeConfiguration<EventCategory>
{
    public void Configure(EntityTypeBuilder<EventCategory> e)
    {
        e.ToTable("grid_event_categories");
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Description).HasMaxLength(200);
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.ParentId);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class HandlingUnitConfiguration : IEntityTypeConfiguration<HandlingUnit>
{
    public void Configure(EntityTypeBuilder<HandlingUnit> e)
    {
        e.ToTable("grid_handling_units");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Contact).HasMaxLength(100);
        e.HasIndex(x => x.OrgPath);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class GridEventConfiguration : IEntityTypeConfiguration<GridEvent>
{
    public void Configure(EntityTypeBuilder<GridEvent> e)
    {
        e.ToTable("grid_events");
        e.Property(x => x.Number).HasMaxLength(20);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.CategoryName).HasMaxLength(50);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.GridName).HasMaxLength(100);
        e.Property(x => x.ReporterName).HasMaxLength(50);
        e.Property(x => x.ReporterPhoneCipher).HasMaxLength(400);
        e.Property(x => x.ReporterPhoneHash).HasMaxLength(64);
        e.Property(x => x.ReporterPhoneMasked).HasMaxLength(20);
        e.Property(x => x.HandlingUnitName).HasMaxLength(100);
        e.Property(x => x.RatingComment).HasMaxLength(500);
        e.Property(x => x.StatusNote).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<EventCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.Number).IsUnique();
        // The queue of a subtree, newest first; the figures of a subtree and period.
        e.HasIndex(x => new { x.OrgPath, x.ReportedAt });
        e.HasIndex(x => new { x.ReportedAt, x.Id });
        e.HasIndex(x => new { x.Status, x.OrgPath, x.ReportedAt });
        e.HasIndex(x => new { x.Status, x.Deadline });
        e.HasIndex(x => x.ReporterUserId);
        e.HasIndex(x => x.ReporterPhoneHash);
        e.HasIndex(x => x.GridId);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class EventStepConfiguration : IEntityTypeConfiguration<EventStep>
{
    public void Configure(EntityTypeBuilder<EventStep> e)
    {
        e.ToTable("grid_event_steps");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Action).HasMaxLength(32);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.Property(x => x.Detail).HasMaxLength(300);
        e.HasOne<GridEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.EventId, x.At });
        e.HasIndex(x => x.OrgPath);
    }
}

internal sealed class GridPhotoConfiguration : IEntityTypeConfiguration<GridPhoto>
{
    public void Configure(EntityTypeBuilder<GridPhoto> e)
    {
        e.ToTable("grid_photos");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(50);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasIndex(x => x.OwnerId);
        e.HasIndex(x => x.OrgPath);
    }
}

internal sealed class MediationCaseConfiguration : IEntityTypeConfiguration<MediationCase>
{
    public void Configure(EntityTypeBuilder<MediationCase> e)
    {
        e.ToTable("grid_mediation_cases");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Parties).AsJson(1000);
        e.Property(x => x.Mediator).HasMaxLength(50);
        e.Property(x => x.MediatorTeam).HasMaxLength(100);
        e.Property(x => x.OutcomeNote).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Sessions).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrgPath, x.AcceptedOn });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class MediationSessionConfiguration : IEntityTypeConfiguration<MediationSession>
{
    public void Configure(EntityTypeBuilder<MediationSession> e)
    {
        e.ToTable("grid_mediation_sessions");
        e.Property(x => x.Place).HasMaxLength(100);
        e.Property(x => x.Notes).HasMaxLength(2000);
        e.HasIndex(x => x.CaseId);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> e)
    {
        e.ToTable("grid_inspections");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.GridName).HasMaxLength(100);
        e.Property(x => x.Inspectors).HasMaxLength(200);
        e.Property(x => x.Notes).HasMaxLength(1000);
        e.HasOne<Grid>().WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Findings).WithOne().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrgPath, x.ScheduledOn });
        e.HasIndex(x => x.GridId);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> e)
    {
        e.ToTable("grid_inspection_findings");
        e.Property(x => x.Description).HasMaxLength(1000);
        e.Property(x => x.RecheckNote).HasMaxLength(500);
        e.HasIndex(x => x.InspectionId);
    }
}

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> e)
    {
        e.ToTable("grid_open311_clients");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.KeyHash).HasMaxLength(64);
        e.Property(x => x.KeyPrefix).HasMaxLength(12);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.HasIndex(x => x.KeyHash).IsUnique();
        e.HasIndex(x => x.OrgPath);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class ResidentCodeConfiguration : IEntityTypeConfiguration<ResidentCode>
{
    public void Configure(EntityTypeBuilder<ResidentCode> e)
    {
        e.ToTable("grid_resident_codes");
        e.HasKey(x => x.PhoneHash);
        e.Property(x => x.PhoneHash).HasMaxLength(64);
        e.Property(x => x.CodeHash).HasMaxLength(64);
    }
}
