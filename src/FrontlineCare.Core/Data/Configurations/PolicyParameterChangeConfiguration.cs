using FrontlineCare.Core.Features.PolicyProfiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class PolicyParameterChangeConfiguration : IEntityTypeConfiguration<PolicyParameterChange>
{
    public void Configure(EntityTypeBuilder<PolicyParameterChange> b)
    {
        b.Property(c => c.Profile).HasConversion<string>().HasMaxLength(4);
        b.Property(c => c.Key).HasMaxLength(64);
        b.Property(c => c.Value).HasMaxLength(400);
        b.Property(c => c.Source).HasMaxLength(1000);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        // One value per parameter per day: a second change on the same day is a mistake to correct, not a race to win.
        b.HasIndex(c => new { c.Profile, c.Key, c.EffectiveFrom }).IsUnique();
    }
}
