using System.Text.Json;
using System.Text.Json.Serialization;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Workforce.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Modules.Workforce.Data;

/// <summary>Short lists (checklists, opinions) stored as one JSON text column, enums by name (the same type on both databases).</summary>
internal static class RecruitJson
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<List<T>> AsJson<T>(this PropertyBuilder<List<T>> p, int maxLength) =>
        p.HasConversion(
                v => JsonSerializer.Serialize(v, Options),
                v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>(),
                new ValueComparer<List<T>>((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Options), Options)!))
            .HasMaxLength(maxLength);
}

internal sealed class RecruitAnnouncementConfiguration : IEntityTypeConfiguration<RecruitAnnouncement>
{
    public void Configure(EntityTypeBuilder<RecruitAnnouncement> e)
    {
        e.ToTable("wf_rec_announcements");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Conditions).AsJson(8000);
        e.Property(x => x.Disqualifications).AsJson(8000);
        e.Property(x => x.ReviewDepartments).AsJson(1000);
        e.Property(x => x.WrittenWeight).HasPrecision(4, 3);
        e.Property(x => x.InterviewWeight).HasPrecision(4, 3);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Positions).WithOne().HasForeignKey(p => p.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.OrgPath, x.ApplyFrom });
        e.Ignore(x => x.Editable);
        e.Ignore(x => x.TakesApplications);
        e.Ignore(x => x.InReview);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class RecruitPositionConfiguration : IEntityTypeConfiguration<RecruitPosition>
{
    public void Configure(EntityTypeBuilder<RecruitPosition> e)
    {
        e.ToTable("wf_rec_positions");
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.CommunityName).HasMaxLength(100);
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.AnnouncementId);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class RecruitApplicationConfiguration : IEntityTypeConfiguration<RecruitApplication>
{
    public void Configure(EntityTypeBuilder<RecruitApplication> e)
    {
        e.ToTable("wf_rec_applications");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.IdNumberCipher).HasMaxLength(200);
        e.Property(x => x.IdNumberHash).HasMaxLength(64);
        e.Property(x => x.IdNumberMasked).HasMaxLength(30);
        e.Property(x => x.PhoneCipher).HasMaxLength(200);
        e.Property(x => x.PhoneMasked).HasMaxLength(20);
        e.Property(x => x.ResidenceCode).HasMaxLength(12);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.Opinions).AsJson(4000);
        e.Property(x => x.ReviewReason).HasMaxLength(200);
        e.Property(x => x.ReviewedBy).HasMaxLength(100);
        e.Property(x => x.WrittenScore).HasPrecision(4, 1);
        e.Property(x => x.InterviewScore).HasPrecision(4, 1);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<RecruitAnnouncement>().WithMany().HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<RecruitPosition>().WithMany().HasForeignKey(x => x.PositionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.HiredWorkerId).OnDelete(DeleteBehavior.Restrict);
        // One application per person and announcement.
        e.HasIndex(x => new { x.AnnouncementId, x.IdNumberHash }).IsUnique();
        e.HasIndex(x => new { x.AnnouncementId, x.PositionId });
        e.HasIndex(x => x.OrgPath);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}
