using FrontlineCare.Core.Features.Casualties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class CasualtyCaseConfiguration : IEntityTypeConfiguration<CasualtyCase>
{
    public void Configure(EntityTypeBuilder<CasualtyCase> b)
    {
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Track).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Description).HasMaxLength(CasualtyCase.TextMaxLength);
        b.Property(c => c.Liaison).HasMaxLength(50);
        b.Property(c => c.LiaisonPhone).HasMaxLength(20);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsRowVersion();
        b.HasOne(c => c.Worker).WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.WorkerId, c.OccurredOn });
        b.HasIndex(c => c.OccurredOn).HasFilter("closed_on IS NULL").HasDatabaseName("ix_casualty_cases_open");
        b.ToTable(t => t.HasCheckConstraint("ck_casualty_cases_track", "track = 'WorkInjury' OR kind = 'Death'"));
    }
}

internal sealed class CasualtyCaseStepConfiguration : IEntityTypeConfiguration<CasualtyCaseStep>
{
    public void Configure(EntityTypeBuilder<CasualtyCaseStep> b)
    {
        b.Property(s => s.Step).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.Note).HasMaxLength(200);
        b.Property(s => s.RecordedBy).HasMaxLength(256);
        b.HasOne<CasualtyCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        // Each step once: two people marking the same step at once cannot both succeed.
        b.HasIndex(s => new { s.CaseId, s.Step }).IsUnique();
    }
}

internal sealed class CasualtyFollowUpConfiguration : IEntityTypeConfiguration<CasualtyFollowUp>
{
    public void Configure(EntityTypeBuilder<CasualtyFollowUp> b)
    {
        b.Property(f => f.By).HasMaxLength(50);
        b.Property(f => f.Note).HasMaxLength(CasualtyService.FollowUpNoteMaxLength);
        b.Property(f => f.RecordedBy).HasMaxLength(256);
        b.HasOne<CasualtyCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.CaseId, f.On });
    }
}
