using FrontlineCare.Core.Features.Insurance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class InsurancePolicyConfiguration : IEntityTypeConfiguration<InsurancePolicy>
{
    public void Configure(EntityTypeBuilder<InsurancePolicy> b)
    {
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Insurer).HasMaxLength(InsurancePolicy.TextMaxLength);
        b.Property(p => p.PolicyNumber).HasMaxLength(50);
        b.Property(p => p.SumInsured).HasPrecision(14, 2);
        b.Property(p => p.Note).HasMaxLength(200);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.Version).IsRowVersion();
        b.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.Insurer, p.PolicyNumber }).IsUnique();
        b.HasIndex(p => new { p.UnitId, p.EndsOn });
        b.ToTable(t => t.HasCheckConstraint("ck_insurance_policies_period", "ends_on >= starts_on AND sum_insured > 0"));
    }
}

internal sealed class InsuranceCoverageConfiguration : IEntityTypeConfiguration<InsuranceCoverage>
{
    public void Configure(EntityTypeBuilder<InsuranceCoverage> b)
    {
        b.Property(c => c.AddedBy).HasMaxLength(256);
        b.HasOne<InsurancePolicy>().WithMany().HasForeignKey(c => c.PolicyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Worker).WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PolicyId, c.WorkerId }).IsUnique();
        b.HasIndex(c => c.WorkerId);
    }
}

internal sealed class PerformancePayIncreaseConfiguration : IEntityTypeConfiguration<PerformancePayIncrease>
{
    public void Configure(EntityTypeBuilder<PerformancePayIncrease> b)
    {
        b.Property(p => p.Amount).HasPrecision(14, 2);
        b.Property(p => p.ApprovedBy).HasMaxLength(PerformancePayIncrease.TextMaxLength);
        b.Property(p => p.ApprovalNumber).HasMaxLength(PerformancePayIncrease.TextMaxLength);
        b.Property(p => p.Note).HasMaxLength(200);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.Version).IsRowVersion();
        b.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        // The same approval is recorded once per institution and year.
        b.HasIndex(p => new { p.UnitId, p.Year, p.ApprovalNumber }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("ck_performance_pay_increases_amount", "amount > 0"));
    }
}
