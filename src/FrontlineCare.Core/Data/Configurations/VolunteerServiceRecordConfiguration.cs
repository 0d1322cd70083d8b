using FrontlineCare.Core.Features.Volunteers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontlineCare.Core.Data.Configurations;

internal sealed class VolunteerServiceRecordConfiguration : IEntityTypeConfiguration<VolunteerServiceRecord>
{
    public void Configure(EntityTypeBuilder<VolunteerServiceRecord> b)
    {
        b.Property(r => r.Start).HasColumnName("started_at");
        b.Property(r => r.End).HasColumnName("ended_at");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Activity).HasMaxLength(VolunteerServiceRecord.TextMaxLength);
        b.Property(r => r.VerifiedBy).HasMaxLength(VolunteerServiceRecord.TextMaxLength);
        b.Property(r => r.SourceSystem).HasMaxLength(VolunteerServiceRecord.TextMaxLength);
        b.Property(r => r.RecordedBy).HasMaxLength(256);
        b.Property(r => r.Hours).HasPrecision(6, 1);
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne(r => r.Worker).WithMany().HasForeignKey(r => r.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.WorkerId, r.Start });
        // One person cannot serve the same hour twice: besides the service's check, an exclusion constraint
        // (migration VolunteerService, tstzrange(started_at, ended_at) WITH &&) stops two saves racing past it.
        b.ToTable(t => t.HasCheckConstraint("ck_volunteer_service_span", "ended_at > started_at AND hours >= 0 AND hours <= 24"));
    }
}
