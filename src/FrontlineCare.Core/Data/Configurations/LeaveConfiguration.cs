using FrontlineCare.Core.Features.Leave;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class HolidayCalendarDayConfiguration : IEntityTypeConfiguration<HolidayCalendarDay>
{
    public void Configure(EntityTypeBuilder<HolidayCalendarDay> b)
    {
        b.Property(d => d.Profile).HasConversion<string>().HasMaxLength(4);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(d => d.Name).HasMaxLength(50);
        b.Property(d => d.Source).HasMaxLength(300);
        // One entry per day for the national calendar and per profile (NULLS NOT DISTINCT: one national row per day).
        b.HasIndex(d => new { d.Profile, d.Day }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class LeaveAccountConfiguration : IEntityTypeConfiguration<LeaveAccount>
{
    public void Configure(EntityTypeBuilder<LeaveAccount> b)
    {
        b.HasKey(a => a.WorkerId);
        b.Property(a => a.BalanceDays).HasPrecision(7, 1);
        b.HasOne<Features.Workers.FrontlineWorker>().WithOne().HasForeignKey<LeaveAccount>(a => a.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_leave_accounts_never_negative", "balance_days >= 0"));
    }
}

internal sealed class LeaveEntryConfiguration : IEntityTypeConfiguration<LeaveEntry>
{
    public void Configure(EntityTypeBuilder<LeaveEntry> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Days).HasPrecision(7, 1);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.CreatedBy).HasMaxLength(256);
        b.HasOne(e => e.Worker).WithMany().HasForeignKey(e => e.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.WorkerId, e.Day });
        // An expiry is recorded once per person and cut-off day, even if two instances run the job.
        b.HasIndex(e => new { e.WorkerId, e.Day }, "ix_leave_entries_one_expiry").HasDatabaseName("ix_leave_entries_one_expiry")
            .IsUnique().HasFilter("kind = 'Expired'");
    }
}

internal sealed class LeaveRequestConfiguration : IEntityTypeConfiguration<LeaveRequest>
{
    public void Configure(EntityTypeBuilder<LeaveRequest> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Days).HasPrecision(5, 1);
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.DecisionComment).HasMaxLength(500);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne(r => r.Worker).WithMany().HasForeignKey(r => r.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.WorkerId, r.From });
        b.HasIndex(r => r.Status).HasFilter("status = 'Pending'");
    }
}
