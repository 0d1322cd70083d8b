using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Health;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Health;

/// <summary>C3 daily health reports on the real database. The fixture's today is 2026-11-23 (Beijing).</summary>
public sealed class HealthReportServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private HealthReportService Service => fixture.Get<HealthReportService>();

    private static HealthReportForm Form(Guid workerId, decimal? morning = 36.5m, decimal? evening = 36.6m, DateOnly? day = null) => new()
    {
        WorkerId = workerId, Day = day ?? Today, MorningTemperature = morning, EveningTemperature = evening,
        Symptoms = HealthSymptom.None, TestResult = NucleicAcidResult.NotTested,
    };

    /// <summary>A fresh community under 海门街道 with people deployed today, so the sheet's counts are this test's own.</summary>
    private async Task<(Guid UnitId, Guid[] Workers)> CommunityOnDutyAsync(int people)
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        var workers = new Guid[people];
        for (var i = 0; i < people; i++)
        {
            var w = await fixture.AddWorkerAsync(unit.Id, name: $"测试{(char)('甲' + i)}");
            await fixture.AddDeploymentAsync(w.Id, Today.AddDays(-10), null);
            workers[i] = w.Id;
        }
        return (unit.Id, workers);
    }

    [Fact]
    public async Task The_sheet_counts_who_is_on_duty_and_puts_abnormal_then_missing_reports_first()
    {
        var (unitId, w) = await CommunityOnDutyAsync(4);
        var ended = await fixture.AddWorkerAsync(unitId, name: "已撤岗");
        await fixture.AddDeploymentAsync(ended.Id, Today.AddDays(-10), Today.AddDays(-1));
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        (await Service.SaveAsync(Form(w[0]))).IsOk.ShouldBeTrue();
        (await Service.SaveAsync(Form(w[1], evening: 37.3m))).IsOk.ShouldBeTrue();
        var cough = Form(w[2], evening: null);
        cough.Symptoms = HealthSymptom.DryCough;
        (await Service.SaveAsync(cough)).IsOk.ShouldBeTrue();

        var sheet = (await Service.DayAsync(Today, unitId)).Value!;
        (sheet.OnDuty, sheet.Reported, sheet.Missing, sheet.Abnormal).ShouldBe((4, 3, 1, 2));
        sheet.Rows.Select(r => r.WorkerId).ShouldNotContain(ended.Id); // off duty since yesterday: nothing due
        sheet.Rows.Take(2).Select(r => r.Report!.Findings).ShouldBe([HealthFinding.Fever, HealthFinding.Symptoms], ignoreOrder: true);
        sheet.Rows[2].ShouldSatisfyAllConditions(r => r.WorkerId.ShouldBe(w[3]), r => r.Missing.ShouldBeTrue());
        sheet.Rows[3].WorkerId.ShouldBe(w[0]);

        var problems = (await Service.DayAsync(Today, unitId, problemsOnly: true)).Value!;
        problems.Rows.Select(r => r.WorkerId).ShouldBe([w[1], w[2], w[3]], ignoreOrder: true);
        // Yesterday the one who left was still on duty and nobody reported.
        var yesterday = (await Service.DayAsync(Today.AddDays(-1), unitId)).Value!;
        (yesterday.OnDuty, yesterday.Missing).ShouldBe((5, 5));
    }

    [Fact]
    public async Task Bad_readings_are_refused_field_by_field_and_nothing_is_saved()
    {
        var (_, w) = await CommunityOnDutyAsync(1);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        (await Service.SaveAsync(Form(w[0], null, null))).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError(nameof(HealthReportForm.MorningTemperature), Messages.HealthTemperatureRequired));
        var typo = Form(w[0], 365m, 36.55m);
        typo.TestResult = NucleicAcidResult.Positive;
        (await Service.SaveAsync(typo)).Errors.Select(e => e.Field).ShouldBe(
            [nameof(HealthReportForm.MorningTemperature), nameof(HealthReportForm.EveningTemperature), nameof(HealthReportForm.TestDate)], ignoreOrder: true);
        var lateTest = Form(w[0]);
        (lateTest.TestResult, lateTest.TestDate) = (NucleicAcidResult.Negative, Today.AddDays(1));
        (await Service.SaveAsync(lateTest)).Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(HealthReportForm.TestDate));
        (await Service.SaveAsync(Form(w[0], day: Today.AddDays(1)))).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.HealthDayFuture);
        (await Service.SaveAsync(Form(w[0], day: Today.AddDays(-HealthReportService.LateDays - 1)))).Errors.ShouldHaveSingleItem()
            .Message.ShouldBe(string.Format(Messages.HealthDayTooLate, HealthReportService.LateDays));
        // Deployed ten days ago: eleven days back nothing was due.
        var idle = await fixture.AddWorkerAsync("东山社区");
        (await Service.SaveAsync(Form(idle.Id))).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.HealthNotOnDuty);

        await using var db = fixture.NewContext();
        (await db.DailyHealthReports.CountAsync(r => r.WorkerId == w[0] || r.WorkerId == idle.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_correction_needs_the_version_read_and_two_first_reports_of_a_day_cannot_both_land()
    {
        var (unitId, w) = await CommunityOnDutyAsync(2);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.SaveAsync(Form(w[0]))).IsOk.ShouldBeTrue();

        // A second "first report" would silently replace the first: it is refused and the first stays.
        var again = await Service.SaveAsync(Form(w[0], 38.0m));
        (again.Status, again.Message).ShouldBe((ResultStatus.Conflict, Messages.HealthAlreadyReported));
        var read = (await Service.DayAsync(Today, unitId)).Value!.Rows.Single(r => r.WorkerId == w[0]).Report!;
        read.MorningTemperature.ShouldBe(36.5m);

        var evening = Form(w[0], 36.5m, 37.9m);
        evening.Version = read.Version;
        (await Service.SaveAsync(evening)).IsOk.ShouldBeTrue();
        var stale = Form(w[0], 36.5m, 36.8m);
        stale.Version = read.Version;
        (await Service.SaveAsync(stale)).Status.ShouldBe(ResultStatus.Conflict);
        (await Service.DayAsync(Today, unitId)).Value!.Rows.Single(r => r.WorkerId == w[0]).Report!
            .ShouldSatisfyAllConditions(r => r.EveningTemperature.ShouldBe(37.9m), r => r.Findings.ShouldBe(HealthFinding.Fever));

        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Service.SaveAsync(Form(w[1], 36.1m + i / 10m)))));
        racing.Count(r => r.IsOk).ShouldBe(1);
        racing.Where(r => !r.IsOk).ShouldAllBe(r => r.Status == ResultStatus.Conflict);

        await using var db = fixture.NewContext();
        (await db.DailyHealthReports.CountAsync(r => r.WorkerId == w[1])).ShouldBe(1);
        (await db.AuditEntries.Where(a => a.WorkerId == w[0] && a.Entity == "HealthReport").Select(a => a.Action.ToString()).ToListAsync())
            .ShouldBe(["Insert", "Update"], ignoreOrder: true);
    }

    [Fact]
    public async Task Health_data_stays_within_the_jurisdiction_and_the_roles_that_keep_personnel_records()
    {
        var (unitId, w) = await CommunityOnDutyAsync(1);

        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.SaveAsync(Form(w[0]))).Status.ShouldBe(ResultStatus.NotFound);
        (await Service.DayAsync(Today, unitId)).Status.ShouldBe(ResultStatus.NotFound);
        (await Service.DayAsync(Today)).Value!.Rows.ShouldNotContain(r => r.WorkerId == w[0]);

        foreach (var role in new[] { Roles.Supervisor, Roles.Admin })
        {
            await fixture.UseAsync(role, "椒江区");
            var read = await Service.DayAsync(Today, unitId);
            (read.Status, read.Message).ShouldBe((ResultStatus.Forbidden, Messages.HealthDataRestricted));
            (await Service.SaveAsync(Form(w[0]))).Status.ShouldBe(ResultStatus.Forbidden);
        }

        await using var db = fixture.NewContext();
        (await db.DailyHealthReports.CountAsync(r => r.WorkerId == w[0])).ShouldBe(0);
    }

    [Fact]
    public async Task The_person_s_history_shows_health_readings_only_to_the_roles_that_keep_personnel_records()
    {
        var (_, w) = await CommunityOnDutyAsync(1);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.SaveAsync(Form(w[0], 37.6m))).IsOk.ShouldBeTrue();

        var committeeSees = (await fixture.Get<FrontlineCare.Core.Features.Workers.WorkerService>().HistoryAsync(w[0])).Value!
            .Single(e => e.Entity == "HealthReport").Changes;
        committeeSees.Single(c => c.Field == nameof(DailyHealthReport.MorningTemperature)).New.ShouldBe("37.6");

        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        var supervisorSees = (await fixture.Get<FrontlineCare.Core.Features.Workers.WorkerService>().HistoryAsync(w[0])).Value!
            .Single(e => e.Entity == "HealthReport").Changes;
        supervisorSees.Single(c => c.Field == nameof(DailyHealthReport.MorningTemperature)).New.ShouldBe("***");
        supervisorSees.Single(c => c.Field == nameof(DailyHealthReport.Findings)).New.ShouldBe("***");
        supervisorSees.Single(c => c.Field == nameof(DailyHealthReport.Day)).New.ShouldBe("2026-11-23"); // that a report exists is not hidden
    }

    [Fact]
    public async Task A_nomination_shows_that_health_reports_are_on_file_without_their_readings()
    {
        var (_, w) = await CommunityOnDutyAsync(1);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = new NominationForm { NomineeKind = NomineeKind.Individual, WorkerId = w[0], Year = 2026 };
        (await fixture.Get<NominationService>().PreviewAsync(form))!.Facts.HealthReportDays.ShouldBe(0);

        for (var d = 0; d < 3; d++)
            (await Service.SaveAsync(Form(w[0], day: Today.AddDays(-d)))).IsOk.ShouldBeTrue();
        (await fixture.Get<NominationService>().PreviewAsync(form))!.Facts.HealthReportDays.ShouldBe(3);
    }
}
