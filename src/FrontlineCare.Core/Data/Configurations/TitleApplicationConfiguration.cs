using FrontlineCare.Core.Features.Titles;
using FrontlineCare.Core.Policy.Measures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class TitleApplicationConfiguration : IEntityTypeConfiguration<TitleApplication>
{
    public void Configure(EntityTypeBuilder<TitleApplication> b)
    {
        b.Property(a => a.TargetTitle).HasMaxLength(TitleApplication.TextMaxLength);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(a => a.RecordedBy).HasMaxLength(256);
        // The privileges claimed, by name, comma-separated (read and audited as text).
        b.Property(a => a.Privileges).HasMaxLength(400).HasConversion(
            v => string.Join(',', v),
            v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TitlePrivilege>).ToList(),
            new ValueComparer<List<TitlePrivilege>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p)), v => v.ToList()));
        b.Property(a => a.Version).IsRowVersion();
        b.HasOne(a => a.Worker).WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.WorkerId, a.Year });
    }
}
