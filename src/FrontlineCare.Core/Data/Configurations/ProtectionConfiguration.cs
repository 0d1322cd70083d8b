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

internal sealed class FrontlineIncidentConfiguration : IEntityTypeConfiguration<Features.Incidents.FrontlineIncident>
{
    public void Configure(EntityTypeBuilder<Features.Incidents.FrontlineIncident> b)
    {
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Victim).HasConversion<string>().HasMaxLength(10);
        b.Property(i => i.Referral).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.FamilyMember).HasMaxLength(Features.Incidents.FrontlineIncident.ShortMaxLength);
        b.Property(i => i.Place).HasMaxLength(Features.Incidents.FrontlineIncident.ShortMaxLength);
        b.Property(i => i.ReferredTo).HasMaxLength(Features.Incidents.FrontlineIncident.ShortMaxLength);
        b.Property(i => i.Description).HasMaxLength(Features.Incidents.FrontlineIncident.TextMaxLength);
        b.Property(i => i.Outcome).HasMaxLength(Features.Incidents.FrontlineIncident.TextMaxLength);
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.Property(i => i.Version).IsRowVersion();
        b.HasOne(i => i.Worker).WithMany().HasForeignKey(i => i.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.WorkerId, i.OccurredOn });
        b.HasIndex(i => i.OccurredOn).HasFilter("closed_on IS NULL").HasDatabaseName("ix_frontline_incidents_open");
    }
}

internal sealed class SupervisionFindingConfiguration : IEntityTypeConfiguration<Features.Supervision.SupervisionFinding>
{
    public void Configure(EntityTypeBuilder<Features.Supervision.SupervisionFinding> b)
    {
        b.Property(f => f.Inspector).HasMaxLength(Features.Supervision.SupervisionFinding.ShortMaxLength);
        b.Property(f => f.Owner).HasMaxLength(Features.Supervision.SupervisionFinding.ShortMaxLength);
        b.Property(f => f.Problem).HasMaxLength(Features.Supervision.SupervisionFinding.TextMaxLength);
        b.Property(f => f.ClosedBy).HasMaxLength(256);
        b.Property(f => f.CreatedBy).HasMaxLength(256);
        b.Property(f => f.Version).IsRowVersion();
        b.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.UnitId, f.Deadline });
        b.HasIndex(f => f.Deadline).HasFilter("closed_on IS NULL").HasDatabaseName("ix_supervision_findings_open");
        b.ToTable(t => t.HasCheckConstraint("ck_supervision_findings_deadline", "deadline >= found_on"));
    }
}

internal sealed class FindingRectificationConfiguration : IEntityTypeConfiguration<Features.Supervision.FindingRectification>
{
    public void Configure(EntityTypeBuilder<Features.Supervision.FindingRectification> b)
    {
        b.Property(r => r.Description).HasMaxLength(Features.Supervision.SupervisionFinding.TextMaxLength);
        b.Property(r => r.RecordedBy).HasMaxLength(256);
        b.HasOne<Features.Supervision.SupervisionFinding>().WithMany().HasForeignKey(r => r.FindingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.FindingId, r.On });
    }
}

internal sealed class MeasureStatementConfiguration : IEntityTypeConfiguration<Features.Checklist.MeasureStatement>
{
    public void Configure(EntityTypeBuilder<Features.Checklist.MeasureStatement> b)
    {
        b.Property(s => s.Profile).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Statement).HasMaxLength(Features.Checklist.MeasureStatement.TextMaxLength);
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsRowVersion();
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        // One current statement per unit and item: two first saves at once cannot both succeed.
        b.HasIndex(s => new { s.UnitId, s.Profile, s.ItemNumber }).IsUnique();
        b.HasMany(s => s.Attachments).WithOne().HasForeignKey(a => a.StatementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeasureStatementAttachmentConfiguration : IEntityTypeConfiguration<Features.Checklist.MeasureStatementAttachment>
{
    public void Configure(EntityTypeBuilder<Features.Checklist.MeasureStatementAttachment> b)
    {
        b.HasKey(a => new { a.StatementId, a.FileId });
        b.HasOne(a => a.File).WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ToleranceCaseFileConfiguration : IEntityTypeConfiguration<ToleranceCaseFile>
{
    public void Configure(EntityTypeBuilder<ToleranceCaseFile> b)
    {
        b.HasKey(a => new { a.CaseId, a.FileId });
        b.HasOne<ToleranceCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.File).WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
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
