using FrontlineCare.Core.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class RestWelfareReportConfiguration : IEntityTypeConfiguration<RestWelfareReport>
{
    public void Configure(EntityTypeBuilder<RestWelfareReport> b)
    {
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.ComplexProperty(r => r.Figures, f => f.Property(x => x.DutyHours).HasPrecision(12, 2));
        b.Property(r => r.WelfareNotes).HasMaxLength(2000);
        b.Property(r => r.ReviewComment).HasMaxLength(1000);
        b.Property(r => r.SubmittedBy).HasMaxLength(256);
        b.Property(r => r.ReviewedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        // One report per unit and period: two committee members submitting at once cannot make two.
        b.HasIndex(r => new { r.UnitId, r.PeriodFrom }).IsUnique();
        b.HasIndex(r => new { r.Status, r.PeriodFrom });
    }
}
