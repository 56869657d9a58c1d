using System.Text.Json;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.OrgLife.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Modules.OrgLife.Data;

/// <summary>Short lists of strings stored as one JSON text column (the same type on both databases).</summary>
internal static class JsonList
{
    public static PropertyBuilder<List<string>> AsJson(this PropertyBuilder<List<string>> p, int maxLength) =>
        p.HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<List<string>>(v, (JsonSerializerOptions?)null) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList()))
            .HasMaxLength(maxLength);
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.ToTable("ol_meetings");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Place).HasMaxLength(100);
        e.Property(x => x.Host).HasMaxLength(50);
        e.Property(x => x.Topic).HasMaxLength(200);
        e.Property(x => x.Minutes).HasMaxLength(20000);
        e.Property(x => x.SubmittedBy).HasMaxLength(100);
        e.Property(x => x.ReturnedBy).HasMaxLength(100);
        e.Property(x => x.ReturnComment).HasMaxLength(500);
        e.Property(x => x.DeleteReason).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        // Compliance: a subtree's meetings by month, read in path order.
        e.HasIndex(x => new { x.OrgPath, x.HeldMonth });
        e.HasIndex(x => new { x.OrgId, x.HeldOn });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
        e.Ignore(x => x.IsEditable);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> e)
    {
        e.ToTable("ol_meeting_attendance");
        e.HasKey(x => new { x.MeetingId, x.MemberId });
        e.Property(x => x.MemberName).HasMaxLength(50);
        e.Property(x => x.AbsenceReason).HasMaxLength(100);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> e)
    {
        e.ToTable("ol_attachments");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.HasIndex(x => x.OwnerId);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class ThemedDayPlanConfiguration : IEntityTypeConfiguration<ThemedDayPlan>
{
    public void Configure(EntityTypeBuilder<ThemedDayPlan> e)
    {
        e.ToTable("ol_themed_day_plans");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.RequiredParts).AsJson(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Themes).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.OrgPath, x.Year });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class ThemedDayThemeConfiguration : IEntityTypeConfiguration<ThemedDayTheme>
{
    public void Configure(EntityTypeBuilder<ThemedDayTheme> e)
    {
        e.ToTable("ol_themed_day_themes");
        e.HasKey(x => new { x.PlanId, x.Month });
        e.Property(x => x.Theme).HasMaxLength(100);
        e.Property(x => x.Guidance).HasMaxLength(2000);
    }
}

internal sealed class ThemedDayRecordConfiguration : IEntityTypeConfiguration<ThemedDayRecord>
{
    public void Configure(EntityTypeBuilder<ThemedDayRecord> e)
    {
        e.ToTable("ol_themed_day_records");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Place).HasMaxLength(100);
        e.Property(x => x.Summary).HasMaxLength(5000);
        e.Property(x => x.PartsDone).AsJson(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ThemedDayPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlanId, x.Month, x.OrgId }).IsUnique().HasFilter("\"IsDeleted\" = FALSE");
        e.HasIndex(x => x.OrgPath);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class MedalAwardConfiguration : IEntityTypeConfiguration<MedalAward>
{
    public void Configure(EntityTypeBuilder<MedalAward> e)
    {
        e.ToTable("ol_medal_awards");
        e.Property(x => x.MemberName).HasMaxLength(50);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Note).HasMaxLength(200);
        e.HasOne<Members.Domain.Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        // The medal is given once in a lifetime.
        e.HasIndex(x => x.MemberId).IsUnique().HasFilter("\"IsDeleted\" = FALSE");
        e.HasIndex(x => new { x.OrgPath, x.Year });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}
