using FrontlineCare.Core.Features.Membership;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class MembershipTrackConfiguration : IEntityTypeConfiguration<MembershipTrack>
{
    public void Configure(EntityTypeBuilder<MembershipTrack> b)
    {
        b.HasKey(t => t.WorkerId);
        b.Property(t => t.TrainingHours).HasPrecision(7, 1);
        b.Property(t => t.Contacts).HasMaxLength(MembershipTrack.TextMaxLength);
        b.Property(t => t.Version).IsRowVersion();
        b.HasOne<Features.Workers.FrontlineWorker>().WithOne().HasForeignKey<MembershipTrack>(t => t.WorkerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FastTrackCaseConfiguration : IEntityTypeConfiguration<FastTrackCase>
{
    public void Configure(EntityTypeBuilder<FastTrackCase> b)
    {
        b.Property(c => c.Route).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.Deeds).HasMaxLength(FastTrackCase.TextMaxLength);
        b.Property(c => c.DecisionComment).HasMaxLength(FastTrackCase.TextMaxLength);
        b.Property(c => c.OpenedBy).HasMaxLength(256);
        b.Property(c => c.DecidedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsRowVersion();
        b.HasOne(c => c.Worker).WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Features.Units.Unit>().WithMany().HasForeignKey(c => c.OpeningUnitId).OnDelete(DeleteBehavior.Restrict);
        // One case under way per person.
        b.HasIndex(c => c.WorkerId).IsUnique().HasFilter("status IN ('Open', 'BranchVoted')").HasDatabaseName("ix_fast_track_cases_one_open");
        b.HasIndex(c => new { c.WorkerId, c.OpenedAt });
        b.ToTable(t => t.HasCheckConstraint("ck_fast_track_votes", "votes_for IS NULL OR (eligible_members > 0 AND votes_for BETWEEN 0 AND eligible_members)"));
    }
}
