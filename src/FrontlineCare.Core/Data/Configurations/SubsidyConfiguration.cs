using FrontlineCare.Core.Features.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class SubsidySheetConfiguration : IEntityTypeConfiguration<SubsidySheet>
{
    public void Configure(EntityTypeBuilder<SubsidySheet> b)
    {
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Total).HasPrecision(14, 2);
        b.Property(s => s.GeneratedBy).HasMaxLength(256);
        b.Property(s => s.CheckedBy).HasMaxLength(256);
        b.Property(s => s.ApprovedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsRowVersion();
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        // One sheet per unit and month; a unit above or below cannot have one for the same month either (checked under a lock).
        b.HasIndex(s => new { s.UnitId, s.Month }).IsUnique();
        b.HasIndex(s => s.Month);
        b.ToTable(t => t.HasCheckConstraint("ck_subsidy_sheets_month", "extract(day FROM month) = 1"));
    }
}

internal sealed class SubsidySheetRowConfiguration : IEntityTypeConfiguration<SubsidySheetRow>
{
    public void Configure(EntityTypeBuilder<SubsidySheetRow> b)
    {
        b.Property(r => r.FullName).HasMaxLength(50);
        b.Property(r => r.NationalIdMasked).HasMaxLength(18);
        b.Property(r => r.UnitName).HasMaxLength(100);
        b.Property(r => r.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Total).HasPrecision(12, 2);
        // No foreign keys on rows and lines: they are written only by the generator, in the sheet's transaction, from the
        // sheet it holds locked and the workers it has just read (and neither sheets nor workers are ever deleted).
        // Per-row foreign-key triggers were the larger part of copying 200,000 rows for a province's month.
        b.HasIndex(r => new { r.SheetId, r.Number }).IsUnique();
        b.HasIndex(r => new { r.SheetId, r.WorkerId }).IsUnique();
    }
}

internal sealed class SubsidyLineConfiguration : IEntityTypeConfiguration<SubsidyLine>
{
    public void Configure(EntityTypeBuilder<SubsidyLine> b)
    {
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Days).HasPrecision(5, 1);
        b.Property(l => l.Rate).HasPrecision(10, 2);
        b.Property(l => l.Amount).HasPrecision(12, 2);
        b.Property(l => l.Recomputed).HasPrecision(12, 2);
        b.Property(l => l.Paid).HasPrecision(12, 2);
        b.Property(l => l.ParameterKey).HasMaxLength(60);
        // Written by the generator with its row, in the same COPY transaction (see SubsidySheetRowConfiguration).
        b.HasIndex(l => new { l.SheetId, l.RowId });
        // Adjustments already made for an approved month, when the next sheet works out what is still owed.
        b.HasIndex(l => l.AdjustsMonth).HasFilter("adjusts_month IS NOT NULL");
        b.ToTable(t => t.HasCheckConstraint("ck_subsidy_lines_money", "days >= 0 AND rate >= 0 AND (kind = 'Adjustment' OR amount >= 0)"));
    }
}
