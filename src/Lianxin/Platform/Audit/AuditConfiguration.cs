using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Platform.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("sys_audit_entries");
        e.HasKey(x => x.Seq);
        e.Property(x => x.Seq).ValueGeneratedNever();
        e.Property(x => x.UserName).HasMaxLength(64);
        e.Property(x => x.Ip).HasMaxLength(64);
        e.Property(x => x.Action).HasMaxLength(32);
        e.Property(x => x.EntityType).HasMaxLength(32);
        e.Property(x => x.EntityId).HasMaxLength(64);
        e.Property(x => x.Summary).HasMaxLength(500);
        e.Property(x => x.PrevHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.EntityType, x.EntityId });
        e.HasIndex(x => x.UserName);
    }
}
