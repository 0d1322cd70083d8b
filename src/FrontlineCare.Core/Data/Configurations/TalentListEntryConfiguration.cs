using FrontlineCare.Core.Features.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class TalentListEntryConfiguration : IEntityTypeConfiguration<TalentListEntry>
{
    public void Configure(EntityTypeBuilder<TalentListEntry> b)
    {
        b.Property(e => e.List).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Evidence).HasMaxLength(TalentListEntry.TextMaxLength);
        b.Property(e => e.RemovedReason).HasMaxLength(TalentListEntry.TextMaxLength);
        b.Property(e => e.AddedBy).HasMaxLength(256);
        b.Property(e => e.RemovedBy).HasMaxLength(256);
        b.Property(e => e.Version).IsRowVersion();
        b.HasOne(e => e.Worker).WithMany().HasForeignKey(e => e.WorkerId).OnDelete(DeleteBehavior.Restrict);
        // A person is on a list once at a time (taken off, they may be put on again later).
        b.HasIndex(e => new { e.WorkerId, e.List }).IsUnique().HasFilter("removed_at IS NULL");
        b.HasIndex(e => new { e.List, e.AddedAt });
    }
}
