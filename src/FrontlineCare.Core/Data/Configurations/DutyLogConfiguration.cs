using FrontlineCare.Core.Features.Duty;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class DutyLogConfiguration : IEntityTypeConfiguration<DutyLog>
{
    public void Configure(EntityTypeBuilder<DutyLog> b)
    {
        b.Property(l => l.Hours).HasPrecision(4, 2);
        b.Property(l => l.Version).IsRowVersion();
        // A deployment with logged duty cannot be deleted: its hours are history (B2, subsidies) and audited.
        b.HasOne(l => l.Deployment).WithMany().HasForeignKey(l => l.DeploymentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.DeploymentId, l.Day }).IsUnique();
        // B2 looks at a person's days across posts: one range per worker.
        // It covers the B2 sweep too (hours, high risk), which then reads every person's days in order from the
        // index alone: no sort, no hash, no join of the whole table.
        b.HasIndex(l => new { l.WorkerId, l.Day }).IncludeProperties(l => new { l.Hours, l.HighRisk });
        b.ToTable(t => t.HasCheckConstraint("ck_duty_logs_hours", "hours >= 0 AND hours <= 24"));
    }
}
