using FrontlineCare.Core.Features.Couples;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class SpouseLinkRequestConfiguration : IEntityTypeConfiguration<SpouseLinkRequest>
{
    public void Configure(EntityTypeBuilder<SpouseLinkRequest> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.SpouseNationalId).HasMaxLength(18);
        b.Property(r => r.Note).HasMaxLength(SpouseLinkRequest.NoteMaxLength);
        b.Property(r => r.DecisionNote).HasMaxLength(SpouseLinkRequest.NoteMaxLength);
        b.Property(r => r.RequestedBy).HasMaxLength(256);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne(r => r.Worker).WithMany().HasForeignKey(r => r.WorkerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Features.Workers.FrontlineWorker>().WithMany().HasForeignKey(r => r.SpouseId).OnDelete(DeleteBehavior.SetNull);
        // One open request per person: a second one while the first waits would race it.
        b.HasIndex(r => r.WorkerId).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ix_spouse_link_requests_pending");
        b.HasIndex(r => r.SpouseNationalId);
        b.HasIndex(r => r.SpouseId);
    }
}
