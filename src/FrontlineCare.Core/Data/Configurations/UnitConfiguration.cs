using FrontlineCare.Core.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.ProfileOverride).HasConversion<string>().HasMaxLength(4);
        b.Property(u => u.Version).IsRowVersion();
        b.HasIndex(u => u.Path, "ix_units_path_gist").HasDatabaseName("ix_units_path_gist").HasMethod("gist");
        b.HasIndex(u => u.Path, "ix_units_path_unique").HasDatabaseName("ix_units_path_unique").IsUnique();
        b.HasIndex(u => u.ParentId);
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
