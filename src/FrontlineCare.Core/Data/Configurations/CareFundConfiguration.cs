using FrontlineCare.Core.Features.Funds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class CareFundConfiguration : IEntityTypeConfiguration<CareFund>
{
    public void Configure(EntityTypeBuilder<CareFund> b)
    {
        b.Property(f => f.Name).HasMaxLength(CareFund.NameMaxLength);
        b.Property(f => f.Source).HasMaxLength(CareFund.SourceMaxLength);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Balance).HasPrecision(14, 2);
        b.Property(f => f.CreatedBy).HasMaxLength(256);
        b.Property(f => f.Version).IsRowVersion();
        b.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.UnitId, f.Name }).IsUnique();
        // The last line of defence: whatever path writes, a fund never goes below zero.
        b.ToTable(t => t.HasCheckConstraint("ck_care_funds_balance", "balance >= 0"));
    }
}

internal sealed class FundEntryConfiguration : IEntityTypeConfiguration<FundEntry>
{
    public void Configure(EntityTypeBuilder<FundEntry> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Purpose).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Amount).HasPrecision(14, 2);
        b.Property(e => e.BalanceAfter).HasPrecision(14, 2);
        b.Property(e => e.Note).HasMaxLength(FundEntry.NoteMaxLength);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.HasOne<CareFund>().WithMany().HasForeignKey(e => e.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Worker).WithMany().HasForeignKey(e => e.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CareFund>().WithMany().HasForeignKey(e => e.TargetFundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FundEntry>().WithMany().HasForeignKey(e => e.ReversesEntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FundEntry>().WithMany().HasForeignKey(e => e.TransferOfEntryId).OnDelete(DeleteBehavior.Restrict);
        // Numbered without gaps per fund; an entry is reversed at most once; a transfer has one receipt.
        b.HasIndex(e => new { e.FundId, e.Number }).IsUnique();
        b.HasIndex(e => e.ReversesEntryId).IsUnique().HasFilter("reverses_entry_id IS NOT NULL");
        b.HasIndex(e => e.TransferOfEntryId).IsUnique().HasFilter("transfer_of_entry_id IS NOT NULL");
        b.HasIndex(e => new { e.FundId, e.OccurredOn });
        b.HasIndex(e => new { e.WorkerId, e.OccurredOn }).HasFilter("worker_id IS NOT NULL");
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_fund_entries_amount", "amount <> 0 AND balance_after >= 0");
            t.HasCheckConstraint("ck_fund_entries_spending", "kind <> 'Spending' OR (purpose IS NOT NULL AND unit_id IS NOT NULL)");
        });
    }
}
