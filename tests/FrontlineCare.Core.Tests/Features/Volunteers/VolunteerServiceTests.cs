using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Volunteers;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Volunteers;

/// <summary>F9 / A2 volunteer hours on the real database. The fixture's now is 2026-11-23 10:00 Beijing time.</summary>
public sealed class VolunteerServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private VolunteerService Service => fixture.Get<VolunteerService>();

    private static VolunteerServiceForm Form(Guid workerId, DateTime start, double hours, string activity = "社区卡口值守") => new()
    {
        WorkerId = workerId, Activity = activity, Start = start, End = start.AddHours(hours), VerifiedBy = "王社工", Kind = VolunteerServiceKind.Activity,
    };

    [Fact]
    public async Task Recorded_service_adds_up_to_stars_and_the_list_shows_who_crossed_a_threshold()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        // 12 days of 8.5 hours and one of 0.5: 102.5 hours, one star.
        for (var d = 0; d < 12; d++)
            (await Service.RecordAsync(Form(worker.Id, new DateTime(2026, 2, 1, 8, 0, 0).AddDays(d), 8.5))).IsOk.ShouldBeTrue();
        (await Service.RecordAsync(Form(worker.Id, new DateTime(2026, 3, 1, 8, 0, 0), 0.5, "双报到：入户排查"))).IsOk.ShouldBeTrue();

        var summary = (await Service.SummaryAsync(worker.Id)).Value!;
        (summary.TotalHours, summary.Stars, summary.ToNextStar).ShouldBe((102.5m, 1, 197.5m));
        summary.Records.Count.ShouldBe(13);
        summary.Records[0].Start.ShouldBe(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8))); // entered as Beijing time

        var list = await Service.StarListAsync(minStars: 1);
        list.ShouldContain(r => r.WorkerId == worker.Id && r.Stars == 1 && r.TotalHours == 102.5m);
        (await Service.StarListAsync(minStars: 2)).ShouldNotContain(r => r.WorkerId == worker.Id);
    }

    [Fact]
    public async Task The_same_hour_cannot_count_twice_and_bad_times_are_refused_field_by_field()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.RecordAsync(Form(worker.Id, new DateTime(2026, 4, 1, 8, 0, 0), 4))).IsOk.ShouldBeTrue();

        (await Service.RecordAsync(Form(worker.Id, new DateTime(2026, 4, 1, 11, 0, 0), 2))).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError(nameof(VolunteerServiceForm.Start), Messages.VolunteerOverlap));
        (await Service.RecordAsync(Form(worker.Id, new DateTime(2026, 4, 1, 12, 0, 0), 2))).IsOk.ShouldBeTrue(); // right after: fine
        (await Service.RecordAsync(Form(worker.Id, new DateTime(2026, 4, 2, 8, 0, 0), -1))).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.VolunteerEndBeforeStart);
        (await Service.RecordAsync(Form(worker.Id, new DateTime(2026, 4, 2, 8, 0, 0), 25))).Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(VolunteerServiceForm.End));
        (await Service.RecordAsync(Form(worker.Id, new DateTime(2026, 11, 23, 9, 0, 0), 2))).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.VolunteerFuture);
        var unverified = Form(worker.Id, new DateTime(2026, 4, 3, 8, 0, 0), 2);
        unverified.VerifiedBy = " ";
        unverified.Activity = null;
        (await Service.RecordAsync(unverified)).Errors.Select(e => e.Field).ShouldBe([nameof(VolunteerServiceForm.Activity), nameof(VolunteerServiceForm.VerifiedBy)], ignoreOrder: true);

        await using var db = fixture.NewContext();
        (await db.VolunteerServiceRecords.Where(r => r.WorkerId == worker.Id).SumAsync(r => r.Hours)).ShouldBe(6m);
    }

    [Fact]
    public async Task Two_saves_of_overlapping_service_at_once_record_one()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => Service.RecordAsync(Form(worker.Id, new DateTime(2026, 5, 1, 8, 0, 0).AddMinutes(i * 10), 3)))));

        results.Count(r => r.IsOk).ShouldBe(1);
        results.Where(r => !r.IsOk).ShouldAllBe(r => r.Errors.Single().Message == Messages.VolunteerOverlap);
    }

    [Fact]
    public async Task Another_units_committee_and_a_supervisor_cannot_record_and_a_correction_is_audited()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.RecordAsync(Form(worker.Id, new DateTime(2026, 6, 1, 8, 0, 0), 2))).Status.ShouldBe(ResultStatus.NotFound);
        (await Service.SummaryAsync(worker.Id)).Status.ShouldBe(ResultStatus.NotFound);
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Service.RecordAsync(Form(worker.Id, new DateTime(2026, 6, 1, 8, 0, 0), 2))).Status.ShouldBe(ResultStatus.Forbidden);

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.RecordAsync(Form(worker.Id, new DateTime(2026, 6, 1, 8, 0, 0), 2))).IsOk.ShouldBeTrue();
        var record = (await Service.SummaryAsync(worker.Id)).Value!.Records.Single();
        (await Service.DeleteAsync(record.Id, record.Version)).IsOk.ShouldBeTrue();

        await using var db = fixture.NewContext();
        (await db.AuditEntries.Where(a => a.WorkerId == worker.Id && a.Entity == "VolunteerService").Select(a => a.Action).ToListAsync())
            .ShouldBe([Core.Features.Audit.AuditAction.Insert, Core.Features.Audit.AuditAction.Delete], ignoreOrder: true);
    }
}
