using FrontlineCare.Core.Features.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class DailyHealthReportConfiguration : IEntityTypeConfiguration<DailyHealthReport>
{
    public void Configure(EntityTypeBuilder<DailyHealthReport> b)
    {
        b.Property(r => r.MorningTemperature).HasPrecision(3, 1);
        b.Property(r => r.EveningTemperature).HasPrecision(3, 1);
        b.Property(r => r.TestResult).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Note).HasMaxLength(DailyHealthReport.NoteMaxLength);
        b.Property(r => r.ReportedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne(r => r.Worker).WithMany().HasForeignKey(r => r.WorkerId).OnDelete(DeleteBehavior.Restrict);
        // One report per person and day: two people filing at once cannot both insert one.
        b.HasIndex(r => new { r.WorkerId, r.Day }).IsUnique();
        // The day's abnormal reports, for the sheet and the home page.
        b.HasIndex(r => r.Day).HasFilter("findings <> 0").HasDatabaseName("ix_daily_health_reports_abnormal");
        b.ToTable(t => t.HasCheckConstraint("ck_daily_health_reports_temperature",
            "(morning_temperature IS NULL OR morning_temperature BETWEEN 34 AND 43) AND (evening_temperature IS NULL OR evening_temperature BETWEEN 34 AND 43)"));
    }
}
