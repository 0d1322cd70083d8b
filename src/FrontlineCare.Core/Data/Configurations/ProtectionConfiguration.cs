using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Features.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class ToleranceCaseConfiguration : IEntityTypeConfiguration<ToleranceCase>
{
    public void Configure(EntityTypeBuilder<ToleranceCase> b)
    {
        b.Property(c => c.Start).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        foreach (var text in new[] { nameof(ToleranceCase.Facts), nameof(ToleranceCase.Action), nameof(ToleranceCase.Mistake), nameof(ToleranceCase.Impact),
                     nameof(ToleranceCase.VerificationNote), nameof(ToleranceCase.DecisionReason), nameof(ToleranceCase.RectificationPlan) })
            b.Property(text).HasMaxLength(ToleranceCase.TextMaxLength);
        b.Property(c => c.DecidedBy).HasMaxLength(ToleranceCase.ShortMaxLength);
        b.Property(c => c.FiledWith).HasMaxLength(ToleranceCase.ShortMaxLength);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsRowVersion();
        b.Ignore(c => c.Closed);
        b.Ignore(c => c.LastStepOn);
        b.HasOne(c => c.Worker).WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Criteria).WithOne().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.WorkerId, c.OpenedOn });
        // The steps' dates follow the stage: a decision has its outcome, and each later step its day.
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_tolerance_cases_decided", "(stage IN ('Opened', 'Verified')) = (outcome IS NULL AND decided_on IS NULL)");
            t.HasCheckConstraint("ck_tolerance_cases_filed", "(stage = 'Filed') = (filed_on IS NOT NULL)");
        });
    }
}

internal sealed class ToleranceCriterionConfiguration : IEntityTypeConfiguration<ToleranceCriterion>
{
    public void Configure(EntityTypeBuilder<ToleranceCriterion> b)
    {
        b.Property(c => c.Condition).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Exclusion).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Finding).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Note).HasMaxLength(ToleranceCriterion.NoteMaxLength);
        b.Property(c => c.Evidence).HasMaxLength(ToleranceCriterion.NoteMaxLength);
        b.HasIndex(c => new { c.CaseId, c.Order }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("ck_tolerance_criteria_kind", "(condition IS NULL) <> (exclusion IS NULL)"));
    }
}

internal sealed class ClarificationCaseConfiguration : IEntityTypeConfiguration<ClarificationCase>
{
    public void Configure(EntityTypeBuilder<ClarificationCase> b)
    {
        b.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Conclusion).HasConversion<string>().HasMaxLength(20);
        b.PrimitiveCollection(c => c.Methods).ElementType(e => e.HasConversion<string>());
        b.Property(c => c.Source).HasMaxLength(ClarificationCase.ShortMaxLength);
        b.Property(c => c.Allegation).HasMaxLength(ClarificationCase.TextMaxLength);
        b.Property(c => c.ConclusionNote).HasMaxLength(ClarificationCase.TextMaxLength);
        b.Property(c => c.Audience).HasMaxLength(ClarificationCase.ShortMaxLength);
        b.Property(c => c.ApprovedBy).HasMaxLength(ClarificationCase.ShortMaxLength);
        b.Property(c => c.Referral).HasMaxLength(ClarificationCase.ShortMaxLength);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsRowVersion();
        b.Ignore(c => c.LastStepOn);
        b.HasOne(c => c.Worker).WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ClarificationCase>().WithMany().HasForeignKey(c => c.SameMatterAsId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.WorkerId, c.ReceivedOn });
        // Only a clearable conclusion is ever approved or cleared.
        b.ToTable(t => t.HasCheckConstraint("ck_clarification_cases_clearable",
            "stage IN ('Received', 'Concluded') OR conclusion IN ('SeriouslyUntrue', 'Untrue', 'Fabricated')"));
    }
}

internal sealed class CaseHandlerConfiguration : IEntityTypeConfiguration<CaseHandler>
{
    public void Configure(EntityTypeBuilder<CaseHandler> b)
    {
        // A handler of an error-tolerance or a clarification case: no foreign key to either (the service checks the case).
        b.HasKey(h => new { h.CaseId, h.UserId });
        b.Property(h => h.AddedBy).HasMaxLength(256);
        b.HasOne<AppUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(h => h.UserId);
    }
}
