using FrontlineCare.Core.Features.Difficulties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class FamilyDifficultyConfiguration : IEntityTypeConfiguration<FamilyDifficulty>
{
    public void Configure(EntityTypeBuilder<FamilyDifficulty> b)
    {
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.PersonName).HasMaxLength(FamilyDifficulty.NameMaxLength);
        b.Property(d => d.Description).HasMaxLength(FamilyDifficulty.TextMaxLength);
        b.Property(d => d.Resolution).HasMaxLength(FamilyDifficulty.TextMaxLength);
        b.Property(d => d.Liaison).HasMaxLength(FamilyDifficulty.NameMaxLength);
        b.Property(d => d.LiaisonPhone).HasMaxLength(20);
        b.Property(d => d.CreatedBy).HasMaxLength(256);
        b.Property(d => d.Version).IsRowVersion();
        b.HasOne(d => d.Worker).WithMany().HasForeignKey(d => d.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.UnitId, d.OpenedOn });
        b.HasIndex(d => d.WorkerId).HasFilter("worker_id IS NOT NULL");
        b.ToTable(t => t.HasCheckConstraint("ck_family_difficulties_who", "worker_id IS NOT NULL OR person_name IS NOT NULL"));
    }
}

internal sealed class FamilyDifficultyActionConfiguration : IEntityTypeConfiguration<FamilyDifficultyAction>
{
    public void Configure(EntityTypeBuilder<FamilyDifficultyAction> b)
    {
        b.Property(a => a.By).HasMaxLength(FamilyDifficulty.NameMaxLength);
        b.Property(a => a.Note).HasMaxLength(FamilyDifficulty.TextMaxLength);
        b.Property(a => a.RecordedBy).HasMaxLength(256);
        b.HasOne<FamilyDifficulty>().WithMany().HasForeignKey(a => a.DifficultyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.DifficultyId, a.On });
    }
}
