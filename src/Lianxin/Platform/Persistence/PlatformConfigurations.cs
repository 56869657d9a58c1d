using Lianxin.Modules.OrgLife.Data;
using Lianxin.Platform.Files;
using Lianxin.Platform.Jobs;
using Lianxin.Platform.Notifications;
using Lianxin.Platform.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Platform.Persistence;

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> e)
    {
        e.ToTable("sys_settings");
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(100);
        e.Property(x => x.Value).HasMaxLength(20000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> e) => e.ToTable("sys_files");
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.ToTable("sys_job_runs");
        e.HasKey(x => new { x.Job, x.RunKey });
        e.Property(x => x.Job).HasMaxLength(100);
        e.Property(x => x.RunKey).HasMaxLength(100);
        e.Property(x => x.Owner).HasMaxLength(100);
        e.Property(x => x.Outcome).HasMaxLength(500);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("sys_notifications");
        e.Property(x => x.Kind).HasMaxLength(50);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Lines).AsJson(20000);
        e.Property(x => x.Link).HasMaxLength(200);
        e.Property(x => x.DedupeKey).HasMaxLength(200);
        e.HasIndex(x => x.DedupeKey).IsUnique();
        e.HasIndex(x => new { x.OrgId, x.CreatedAt });
        e.HasIndex(x => x.DeliveredAt);
    }
}

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> e)
    {
        e.ToTable("sys_notification_reads");
        e.HasKey(x => new { x.NotificationId, x.UserId });
        e.HasOne<Notification>().WithMany().HasForeignKey(x => x.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
