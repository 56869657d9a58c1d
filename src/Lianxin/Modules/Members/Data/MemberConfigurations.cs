using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Modules.Members.Data;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.ToTable("mem_people");
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.NameKey).HasMaxLength(NameOrder.MaxKeyLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.IdNumberCipher).HasMaxLength(200);
        e.Property(x => x.IdNumberHash).HasMaxLength(32);
        e.Property(x => x.IdNumberMasked).HasMaxLength(18);
        e.Property(x => x.PhoneCipher).HasMaxLength(200);
        e.Property(x => x.PhoneHash).HasMaxLength(32);
        e.Property(x => x.PhoneMasked).HasMaxLength(11);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.Ethnicity).HasMaxLength(20);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.DeleteReason).HasMaxLength(200);
        // One living record per ID number; a soft-deleted record does not block re-registration.
        e.HasIndex(x => x.IdNumberHash).IsUnique().HasFilter("\"IsDeleted\" = FALSE");
        e.HasIndex(x => x.PhoneHash);
        // The roster order (organization, name in pinyin order, id) comes straight from this index, without a sort;
        // with IsDeleted in it, counting a subtree reads the index alone.
        e.HasIndex(x => new { x.OrgPath, x.NameKey, x.Id, x.IsDeleted });
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}

internal sealed class PersonTagConfiguration : IEntityTypeConfiguration<PersonTag>
{
    public void Configure(EntityTypeBuilder<PersonTag> e)
    {
        e.ToTable("mem_person_tags");
        e.HasKey(x => new { x.PersonId, x.Tag });
        e.Property(x => x.Tag).HasMaxLength(20);
        e.HasIndex(x => x.Tag);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> e)
    {
        e.ToTable("mem_members");
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.NameKey).HasMaxLength(NameOrder.MaxKeyLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.DeleteReason).HasMaxLength(200);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.PersonId).IsUnique().HasFilter("\"IsDeleted\" = FALSE");
        // The roster order (organization, name in pinyin order, id) comes straight from this index, without a sort;
        // with IsDeleted in it, counting a subtree reads the index alone.
        e.HasIndex(x => new { x.OrgPath, x.NameKey, x.Id, x.IsDeleted });
        e.HasIndex(x => x.JoinedOn);
        e.HasOne<PartyOrg>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.AuditType);
        e.Ignore(x => x.AuditLabel);
    }
}
