using FrontlineCare.Core.Features.Deployments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class DeploymentConfiguration : IEntityTypeConfiguration<Deployment>
{
    public void Configure(EntityTypeBuilder<Deployment> b)
    {
        b.Property(d => d.PostKind).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.RiskClass).HasConversion<string>().HasMaxLength(4);
        b.Property(d => d.Place).HasMaxLength(200);
        b.Property(d => d.Note).HasMaxLength(1000);
        b.Property(d => d.Version).IsRowVersion();
        b.HasOne(d => d.Worker).WithMany().HasForeignKey(d => d.WorkerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.WorkerId, d.StartDate });
        b.HasIndex(d => d.EndDate);
        // The duty grid, its Excel sheet and rotation plans read a post's deployments by place.
        b.HasIndex(d => new { d.Place, d.StartDate });
        // The no-overlap rule (A1) is also an exclusion constraint, added in the migration, so that two
        // concurrent saves cannot both slip past the service's check.
    }
}
