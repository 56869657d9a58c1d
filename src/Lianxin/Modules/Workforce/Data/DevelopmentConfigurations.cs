using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Workforce.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Modules.Workforce.Data;

internal sealed class TrainingClassConfiguration : IEntityTypeConfiguration<TrainingClass>
{
    public void Configure(EntityTypeBuilder<TrainingClass> e)
    {
        e.ToTable("wf_training_classes");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Organizer).HasMaxLength(100);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrgPath, x.StartDate });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> e)
    {
        e.ToTable("wf_training_sessions");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Topic).HasMaxLength(200);
        e.HasOne<TrainingClass>().WithMany().HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ClassId, x.Date });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class TrainingEnrolmentConfiguration : IEntityTypeConfiguration<TrainingEnrolment>
{
    public void Configure(EntityTypeBuilder<TrainingEnrolment> e)
    {
        e.ToTable("wf_training_enrolments");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.WorkerName).HasMaxLength(50);
        e.HasOne<TrainingClass>().WithMany().HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ClassId, x.WorkerId }).IsUnique();
        e.HasIndex(x => new { x.WorkerId, x.CompletedOn });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> e)
    {
        e.ToTable("wf_training_attendance");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.WorkerName).HasMaxLength(50);
        e.HasOne<TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SessionId, x.WorkerId }).IsUnique();
        e.HasIndex(x => new { x.ClassId, x.WorkerId });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> e)
    {
        e.ToTable("wf_assessments");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.WorkerName).HasMaxLength(50);
        e.Property(x => x.Period).HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(500);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.WorkerId, x.Period }).IsUnique();
        e.HasIndex(x => new { x.OrgPath, x.Period });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class WorkforceEffectConfiguration : IEntityTypeConfiguration<WorkforceEffect>
{
    public void Configure(EntityTypeBuilder<WorkforceEffect> e)
    {
        e.ToTable("wf_effects");
        e.Property(x => x.Key).HasMaxLength(100);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.WorkerName).HasMaxLength(50);
        e.Property(x => x.Period).HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.ReviewedBy).HasMaxLength(100);
        e.Property(x => x.ReviewNote).HasMaxLength(500);
        e.Property(x => x.AppliedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.Key).IsUnique();
        e.HasIndex(x => new { x.OrgPath, x.Status });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class ArchiveFileConfiguration : IEntityTypeConfiguration<ArchiveFile>
{
    public void Configure(EntityTypeBuilder<ArchiveFile> e)
    {
        e.ToTable("wf_archive_files");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.WorkerName).HasMaxLength(50);
        e.Property(x => x.Category).HasMaxLength(20);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.DeleteReason).HasMaxLength(200);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.WorkerId, x.Category });
        e.HasIndex(x => x.OrgPath);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}
