using FrontlineCare.Core.Features.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class CareVisitConfiguration : IEntityTypeConfiguration<CareVisit>
{
    public void Configure(EntityTypeBuilder<CareVisit> b)
    {
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Leader).HasMaxLength(CareVisit.TextMaxLength);
        b.Property(v => v.Gifts).HasMaxLength(CareVisit.TextMaxLength);
        b.Property(v => v.Note).HasMaxLength(CareVisit.NoteMaxLength);
        b.Property(v => v.Amount).HasPrecision(12, 2);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.Property(v => v.Version).IsRowVersion();
        b.HasOne(v => v.Worker).WithMany().HasForeignKey(v => v.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(v => v.Unit).WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(v => v.FundEntry).WithMany().HasForeignKey(v => v.FundEntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => v.FundEntryId).IsUnique().HasFilter("fund_entry_id IS NOT NULL");
        // The priority list: each person's last done visit.
        b.HasIndex(v => new { v.WorkerId, v.VisitedOn }).HasFilter("status = 'Done' AND worker_id IS NOT NULL");
        b.HasIndex(v => new { v.UnitId, v.PlannedOn });
        b.ToTable(t => t.HasCheckConstraint("ck_care_visits_money", "(amount IS NULL OR (amount > 0 AND fund_entry_id IS NOT NULL)) AND (status <> 'Done' OR visited_on IS NOT NULL)"));
    }
}
