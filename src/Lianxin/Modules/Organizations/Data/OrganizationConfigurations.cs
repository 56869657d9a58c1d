using Lianxin.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Modules.Organizations.Data;

internal sealed class PartyOrgConfiguration : IEntityTypeConfiguration<PartyOrg>
{
    public void Configure(EntityTypeBuilder<PartyOrg> e)
    {
        e.ToTable("org_party_orgs");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Code).HasMaxLength(30);
        e.Property(x => x.SecretaryName).HasMaxLength(50);
        e.Property(x => x.Segment).HasMaxLength(10);
        e.Property(x => x.Path).HasMaxLength(400);
        e.Property(x => x.CloseReason).HasMaxLength(200);
        e.Property(x => x.MemberCount).ValueGeneratedOnAddOrUpdate().HasDefaultValue(0); // written by triggers only
        e.HasIndex(x => x.Path).IsUnique();
        e.HasIndex(x => x.Segment).IsUnique();
        e.HasIndex(x => x.ParentId);
        e.HasIndex(x => x.Name);
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> e)
    {
        e.ToTable("org_regions");
        e.Property(x => x.Code).HasMaxLength(12);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Path).HasMaxLength(200);
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.ParentId);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}
