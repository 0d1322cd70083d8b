using FrontlineCare.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Entity).HasMaxLength(64);
        b.Property(a => a.EntityKey).HasMaxLength(100);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.Changes)
            .HasColumnType("jsonb")
            .HasConversion(
                v => AuditTrail.Serialize(v),
                v => AuditTrail.Deserialize(v),
                new ValueComparer<Dictionary<string, AuditChange>>(
                    (x, y) => AuditTrail.Serialize(x!) == AuditTrail.Serialize(y!),
                    v => AuditTrail.Serialize(v).GetHashCode(),
                    v => new Dictionary<string, AuditChange>(v)));
        b.HasIndex(a => new { a.Entity, a.EntityKey, a.At });
        b.HasIndex(a => new { a.WorkerId, a.At }).HasFilter("worker_id IS NOT NULL");
    }
}
