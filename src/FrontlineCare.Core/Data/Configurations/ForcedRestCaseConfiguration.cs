using FrontlineCare.Core.Features.ForcedRest;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class ForcedRestCaseConfiguration : IEntityTypeConfiguration<ForcedRestCase>
{
    public void Configure(EntityTypeBuilder<ForcedRestCase> b)
    {
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Value).HasPrecision(7, 2);
        b.Property(c => c.WaiverReason).HasMaxLength(1000);
        b.Property(c => c.Version).IsRowVersion();
        b.HasOne(c => c.Worker).WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        // One case per overload run, even when a save and a sweep find it at the same moment.
        b.HasIndex(c => new { c.WorkerId, c.Kind, c.PeriodFrom }).IsUnique();
        // At most one case in progress per person: the duty grid and the sweep (on any instance) cannot both open one.
        b.HasIndex(c => c.WorkerId, "ix_forced_rest_cases_one_open_per_worker").HasDatabaseName("ix_forced_rest_cases_one_open_per_worker")
            .IsUnique().HasFilter("status IN ('Open', 'RestScheduled')");
        b.HasIndex(c => c.Status).HasFilter("status IN ('Open', 'RestScheduled')");
    }
}
