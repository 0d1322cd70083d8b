using FrontlineCare.Core.Features.Rotation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class RotationPlanConfiguration : IEntityTypeConfiguration<RotationPlan>
{
    public void Configure(EntityTypeBuilder<RotationPlan> b)
    {
        b.Property(p => p.Place).HasMaxLength(100);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.PublishedBy).HasMaxLength(256);
        b.Property(p => p.UnderstaffedConfirmedBy).HasMaxLength(256);
        b.Property(p => p.Version).IsRowVersion();
        b.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Assignments).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.UnitId, p.From });
        b.ToTable(t => t.HasCheckConstraint("ck_rotation_plans_length", "\"to\" >= \"from\" AND \"to\" - \"from\" <= 27"));
    }
}

internal sealed class RotationAssignmentConfiguration : IEntityTypeConfiguration<RotationAssignment>
{
    public void Configure(EntityTypeBuilder<RotationAssignment> b)
    {
        b.HasKey(a => new { a.PlanId, a.DeploymentId, a.Day });
        b.HasOne<Features.Deployments.Deployment>().WithMany().HasForeignKey(a => a.DeploymentId).OnDelete(DeleteBehavior.Restrict);
    }
}
