using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Mobile.Domain;
using Lianxin.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Modules.Mobile.Data;

internal static class MobileRecordMapping
{
    /// <summary>The columns every MobileRecord shares, and its home-side and flow-in-side indexes.</summary>
    public static void Common<T>(EntityTypeBuilder<T> e, string table) where T : MobileRecord
    {
        e.ToTable(table);
        e.Property(x => x.MemberName).HasMaxLength(50);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.CoOrgPath).HasMaxLength(400);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.OrgPath);
        e.HasIndex(x => x.CoOrgPath);
        e.HasIndex(x => x.MemberId);
        e.Ignore("AuditType");
        e.Ignore("AuditLabel");
    }
}

internal sealed class MobileEpisodeConfiguration : IEntityTypeConfiguration<MobileEpisode>
{
    public void Configure(EntityTypeBuilder<MobileEpisode> e)
    {
        e.ToTable("mob_episodes");
        e.Property(x => x.MemberName).HasMaxLength(50);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.CoOrgPath).HasMaxLength(400);
        e.Property(x => x.DestinationRegionCode).HasMaxLength(12);
        e.Property(x => x.DestinationRegionName).HasMaxLength(100);
        e.Property(x => x.DestinationAddress).HasMaxLength(200);
        e.Property(x => x.ReasonNote).HasMaxLength(200);
        e.Property(x => x.ContactPhoneCipher).HasMaxLength(400);
        e.Property(x => x.ContactPhoneMasked).HasMaxLength(20);
        e.Property(x => x.ContactWeChat).HasMaxLength(50);
        e.Property(x => x.DecidedBy).HasMaxLength(100);
        e.Property(x => x.RejectReason).HasMaxLength(200);
        e.Property(x => x.ReturnNote).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        // At most one open episode per member, enforced by the database too (two clerks registering at once).
        e.HasIndex(x => x.MemberId).IsUnique().HasFilter("\"Status\" IN ('Pending', 'Approved')").HasDatabaseName("IX_mob_episodes_MemberId_Open");
        e.HasIndex(x => new { x.OrgPath, x.Status });
        e.HasIndex(x => new { x.CoOrgPath, x.Status });
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
        e.Ignore(x => x.IsOpen);
        e.Ignore(x => x.ActiveFrom);
    }
}

internal sealed class MobileReportConfiguration : IEntityTypeConfiguration<MobileReport>
{
    public void Configure(EntityTypeBuilder<MobileReport> e)
    {
        MobileRecordMapping.Common(e, "mob_reports");
        e.Property(x => x.Period).HasMaxLength(7);
        e.Property(x => x.Content).HasMaxLength(2000);
        e.HasIndex(x => new { x.EpisodeId, x.Period }).IsUnique();
    }
}

internal sealed class MobileLiaisonConfiguration : IEntityTypeConfiguration<MobileLiaison>
{
    public void Configure(EntityTypeBuilder<MobileLiaison> e)
    {
        e.ToTable("mob_liaisons");
        e.Property(x => x.MemberName).HasMaxLength(50);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.LiaisonName).HasMaxLength(50);
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.MemberId);
        e.HasIndex(x => x.OrgPath);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class MobileContactConfiguration : IEntityTypeConfiguration<MobileContact>
{
    public void Configure(EntityTypeBuilder<MobileContact> e)
    {
        MobileRecordMapping.Common(e, "mob_contacts");
        e.Property(x => x.ContactedBy).HasMaxLength(50);
        e.Property(x => x.Content).HasMaxLength(1000);
    }
}

internal sealed class MobileActivityConfiguration : IEntityTypeConfiguration<MobileActivity>
{
    public void Configure(EntityTypeBuilder<MobileActivity> e)
    {
        MobileRecordMapping.Common(e, "mob_activities");
        e.Property(x => x.Content).HasMaxLength(1000);
        e.HasIndex(x => x.EpisodeId);
    }
}

internal sealed class MobileVisitConfiguration : IEntityTypeConfiguration<MobileVisit>
{
    public void Configure(EntityTypeBuilder<MobileVisit> e)
    {
        MobileRecordMapping.Common(e, "mob_visits");
        e.Property(x => x.Visitors).HasMaxLength(100);
        e.Property(x => x.Notes).HasMaxLength(1000);
        e.Property(x => x.Problems).HasMaxLength(1000);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class MobileSuggestionConfiguration : IEntityTypeConfiguration<MobileSuggestion>
{
    public void Configure(EntityTypeBuilder<MobileSuggestion> e)
    {
        MobileRecordMapping.Common(e, "mob_suggestions");
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Content).HasMaxLength(2000);
        e.Property(x => x.Response).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}
