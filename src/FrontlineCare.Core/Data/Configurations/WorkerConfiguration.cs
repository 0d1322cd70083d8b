using FrontlineCare.Core.Features.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<FrontlineWorker>
{
    public const int NameMaxLength = 50;

    public void Configure(EntityTypeBuilder<FrontlineWorker> b)
    {
        b.ToTable("workers");
        // Pinyin order (ICU "zh"), as Chinese users expect a name list to be sorted.
        b.Property(w => w.FullName).HasMaxLength(NameMaxLength).UseCollation("zh-x-icu");
        b.Property(w => w.NationalId).HasMaxLength(18).IsFixedLength(false);
        b.Property(w => w.Mobile).HasMaxLength(11);
        b.Property(w => w.Position).HasMaxLength(100);
        b.Property(w => w.ProfessionalTitle).HasMaxLength(100);
        b.Property(w => w.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(w => w.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.PoliticalStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.StaffCategory).HasConversion<string>().HasMaxLength(20).HasDefaultValue(StaffCategory.Other);
        b.Property(w => w.Version).IsRowVersion();

        b.HasOne(w => w.Unit).WithMany().HasForeignKey(w => w.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FrontlineWorker>().WithMany().HasForeignKey(w => w.SpouseId).OnDelete(DeleteBehavior.SetNull);

        b.HasIndex(w => w.NationalId, "ix_workers_national_id").HasDatabaseName("ix_workers_national_id").IsUnique();
        // Prefix search on the ID number (OrgDepartment types the first digits).
        b.HasIndex(w => w.NationalId, "ix_workers_national_id_prefix").HasDatabaseName("ix_workers_national_id_prefix").HasOperators("text_pattern_ops");
        // Keyset paging: every list is ordered by a whitelisted key plus the id; the jurisdiction-scoped
        // variant leads with unit_id so a small unit's list is an index range.
        b.HasIndex(w => new { w.FullName, w.Id });
        b.HasIndex(w => new { w.UnitId, w.FullName, w.Id });
        b.HasIndex(w => new { w.UpdatedAt, w.Id });
        b.HasIndex(w => w.FullName, "ix_workers_full_name_trgm").HasDatabaseName("ix_workers_full_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(w => w.SpouseId);
    }
}
