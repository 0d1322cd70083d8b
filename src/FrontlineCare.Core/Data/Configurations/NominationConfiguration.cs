using FrontlineCare.Core.Features.Files;
using FrontlineCare.Core.Features.Nominations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> b)
    {
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.NomineeKind).HasConversion<string>().HasMaxLength(12);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(n => n.CollectiveName).HasMaxLength(NominationService.CollectiveNameMaxLength);
        b.Property(n => n.Deeds).HasMaxLength(Nomination.DeedsMaxLength);
        b.Property(n => n.SubmittedBy).HasMaxLength(256);
        b.Property(n => n.Story).HasMaxLength(Nomination.StoryMaxLength);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(n => n.PhotoFileId).OnDelete(DeleteBehavior.Restrict);
        // The gallery of advanced models: published stories, newest first.
        b.HasIndex(n => n.PublishedAt).HasFilter("published_at IS NOT NULL");
        b.ComplexProperty(n => n.Facts, f =>
        {
            f.Property(x => x.DutyHours).HasPrecision(10, 2);
            f.Property(x => x.Places).HasMaxLength(200);
        });
        b.Property(n => n.Version).IsRowVersion();
        b.HasOne(n => n.Worker).WithMany().HasForeignKey(n => n.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(n => n.Unit).WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Features.Units.Unit>().WithMany().HasForeignKey(n => n.NominatingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(n => n.Steps).WithOne().HasForeignKey(s => s.NominationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(n => n.Attachments).WithOne().HasForeignKey(a => a.NominationId).OnDelete(DeleteBehavior.Restrict);
        // One live nomination per person, kind and year: a second would double-count against the quota.
        b.HasIndex(n => new { n.WorkerId, n.Year, n.Kind }).IsUnique()
            .HasFilter("worker_id IS NOT NULL AND status IN ('InReview', 'Returned', 'Approved')");
        // Quota counts per unit and year; the supervisor's queue in submission order.
        b.HasIndex(n => new { n.UnitId, n.Year, n.Kind });
        b.HasIndex(n => new { n.SubmittedAt, n.Id }).HasFilter("status = 'InReview'").HasDatabaseName("ix_nominations_in_review");
        b.HasIndex(n => new { n.UnitId, n.SubmittedAt });
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_nominations_nominee", "(nominee_kind = 'Individual') = (worker_id IS NOT NULL)");
            t.HasCheckConstraint("ck_nominations_level", "level >= 1 AND level <= required_levels");
        });
    }
}

internal sealed class NominationStepConfiguration : IEntityTypeConfiguration<NominationStep>
{
    public void Configure(EntityTypeBuilder<NominationStep> b)
    {
        b.Property(s => s.Action).HasConversion<string>().HasMaxLength(12);
        b.Property(s => s.Comment).HasMaxLength(Nomination.CommentMaxLength);
        b.Property(s => s.UserName).HasMaxLength(256);
        b.HasIndex(s => s.NominationId);
    }
}

internal sealed class NominationAttachmentConfiguration : IEntityTypeConfiguration<NominationAttachment>
{
    public void Configure(EntityTypeBuilder<NominationAttachment> b)
    {
        b.HasKey(a => new { a.NominationId, a.FileId });
        b.HasOne(a => a.File).WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(EvidenceFiles.NameMaxLength);
        b.Property(f => f.ContentType).HasMaxLength(50);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.ToTable(t => t.HasCheckConstraint("ck_stored_files_size", $"size > 0 AND size <= {EvidenceFiles.MaxBytes}"));
    }
}
