using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Reports;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Reports;

/// <summary>B5 rest &amp; welfare reports: figures from the data, submit → return → resubmit → accept, the lock, overdue, jurisdiction.</summary>
public sealed class RestWelfareReportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    // Today is Monday 23 November 2026: last week (16–22 Nov) is due on the 24th, the week before is overdue.
    private static readonly DateOnly LastWeek = new(2026, 11, 16);
    private static readonly DateOnly WeekBefore = new(2026, 11, 9);

    private RestWelfareReportService Reports => fixture.Get<RestWelfareReportService>();

    private async Task<Guid> HaimenAsync() => await fixture.UnitIdAsync("海门街道");

    [Fact]
    public void Weekly_periods_run_monday_to_sunday_and_fall_due_two_days_after()
    {
        var period = B5Reports.PeriodOf(new DateOnly(2026, 11, 18), 7, 2);
        period.ShouldBe(new ReportPeriod(LastWeek, new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 24)));
        B5Reports.EndedPeriods(new DateOnly(2026, 11, 23), 7, 2, 2).Select(p => p.From).ShouldBe([LastWeek, WeekBefore]);
        B5Reports.EndedPeriods(new DateOnly(2026, 11, 22), 7, 2, 1).Single().From.ShouldBe(LastWeek, "the last day of a period may report it");
        B5Reports.IsOverdue(period, new DateOnly(2026, 11, 24), submittedOrAccepted: false).ShouldBeFalse();
        B5Reports.IsOverdue(period, new DateOnly(2026, 11, 25), submittedOrAccepted: false).ShouldBeTrue();
        B5Reports.PeriodOf(new DateOnly(2026, 11, 18), 14, 2).ShouldBe(new ReportPeriod(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 29), new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public async Task The_figures_come_from_deployments_duty_and_forced_rest_cases_of_the_unit_and_its_sub_units()
    {
        var street = await fixture.AddUnitAsync("椒江区", Core.Features.Units.UnitKind.Township);
        var community = await fixture.AddUnitAsync(street.Id);
        var everyDay = await fixture.AddWorkerAsync(community.Id);
        var threeDays = await fixture.AddWorkerAsync(street.Id);
        await fixture.AddWorkerAsync(community.Id); // not deployed
        var d1 = await fixture.AddDeploymentAsync(everyDay.Id, LastWeek.AddDays(-3), null);
        var d2 = await fixture.AddDeploymentAsync(threeDays.Id, LastWeek, LastWeek.AddDays(4));
        await using (var db = fixture.NewContext())
        {
            for (var i = 0; i < 7; i++)
                db.DutyLogs.Add(new DutyLog { Id = Guid.CreateVersion7(), DeploymentId = d1.Id, WorkerId = everyDay.Id, Day = LastWeek.AddDays(i), Hours = 10 });
            for (var i = 0; i < 3; i++)
                db.DutyLogs.Add(new DutyLog { Id = Guid.CreateVersion7(), DeploymentId = d2.Id, WorkerId = threeDays.Id, Day = LastWeek.AddDays(i), Hours = 8 });
            db.ForcedRestCases.Add(new ForcedRestCase
            {
                Id = Guid.CreateVersion7(), WorkerId = everyDay.Id, Kind = OverloadKind.WeeklyHours, PeriodFrom = LastWeek, PeriodTo = LastWeek.AddDays(6),
                Value = 70, Limit = 60, Status = ForcedRestStatus.Open, OpenedAt = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero),
            });
            // Overload in the period found only after it ended: it counts as overloaded, not as a case open then.
            db.ForcedRestCases.Add(new ForcedRestCase
            {
                Id = Guid.CreateVersion7(), WorkerId = threeDays.Id, Kind = OverloadKind.LongShift, PeriodFrom = LastWeek, PeriodTo = LastWeek,
                Value = 13, Limit = 12, Status = ForcedRestStatus.Open, OpenedAt = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero),
            });
            await db.SaveChangesAsync();
        }

        await using var read = fixture.NewContext();
        var unit = await read.Units.SingleAsync(u => u.Id == street.Id);
        var figures = await RestWelfareReportService.FiguresAsync(read, unit, B5Reports.PeriodOf(LastWeek, 7, 2), new DateOnly(2026, 11, 23), default);

        figures.ShouldBe(new ReportFigures(PeopleDeployed: 2, PeopleOnDuty: 2, PeopleRested: 1, PeopleOverloaded: 2, CasesOpen: 1, CasesClosed: 0, DutyHours: 94));
    }

    [Fact]
    public async Task A_report_is_submitted_returned_with_a_comment_resubmitted_and_accepted_then_it_and_its_duty_are_locked()
    {
        var haimen = await HaimenAsync();
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Reports.SubmitAsync(new ReportSubmission { UnitId = haimen, PeriodFrom = LastWeek, WelfareNotes = "已为 3 名一线人员送去慰问品" })).IsOk.ShouldBeTrue();
        (await Reports.SubmitAsync(new ReportSubmission { UnitId = haimen, PeriodFrom = LastWeek })).Message.ShouldBe(Messages.ReportAlreadySubmitted);
        var submitted = (await Reports.MineAsync()).First(r => r.Period.From == LastWeek);
        (submitted.Status, submitted.CanSubmit, submitted.Report!.WelfareNotes).ShouldBe((ReportStatus.Submitted, false, "已为 3 名一线人员送去慰问品"));

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Reports.ReturnAsync(submitted.Report.Id, " ", submitted.Report.Version)).Errors.ShouldHaveSingleItem().Field.ShouldBe("ReviewComment");
        (await Reports.ReturnAsync(submitted.Report.Id, "请补充困难家庭走访情况", submitted.Report.Version)).IsOk.ShouldBeTrue();

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var returned = (await Reports.MineAsync()).First(r => r.Period.From == LastWeek);
        (returned.Status, returned.CanSubmit, returned.Report!.ReviewComment).ShouldBe((ReportStatus.Returned, true, "请补充困难家庭走访情况"));
        (await Reports.SubmitAsync(new ReportSubmission
        {
            UnitId = haimen, PeriodFrom = LastWeek, WelfareNotes = "已走访 2 户困难家庭", Version = returned.Report.Version,
        })).IsOk.ShouldBeTrue();

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var resubmitted = (await Reports.OverviewAsync(LastWeek)).Units.Single(u => u.UnitId == haimen);
        (resubmitted.Status, resubmitted.Report!.Submissions, resubmitted.Report.WelfareNotes).ShouldBe((ReportStatus.Submitted, 2, "已走访 2 户困难家庭"));
        (await Reports.AcceptAsync(resubmitted.Report.Id, resubmitted.Report.Version)).IsOk.ShouldBeTrue();
        (await Reports.ReturnAsync(resubmitted.Report.Id, "再改改", resubmitted.Report.Version + 100)).Status.ShouldNotBe(ResultStatus.Ok);

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Reports.SubmitAsync(new ReportSubmission { UnitId = haimen, PeriodFrom = LastWeek })).Message.ShouldBe(Messages.ReportLocked);

        // Duty of a person of 东山社区 (under 海门街道) in that week is now locked; the week after is not.
        var worker = await fixture.AddWorkerAsync("东山社区");
        var place = "锁定测试" + Guid.NewGuid().ToString("N")[..6];
        var deployment = await fixture.AddDeploymentAsync(worker.Id, LastWeek.AddDays(-7), null, place);
        var locked = await fixture.Get<DutyService>().SaveWeekAsync(new DutyWeekForm(new DutyWeekKey(place, LastWeek), [new DutyRowForm(deployment.Id, [8m])]));
        locked.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(DutyService.CellField(deployment.Id, LastWeek), Messages.DutyReportAccepted));
        var thisWeek = await fixture.Get<DutyService>().SaveWeekAsync(new DutyWeekForm(new DutyWeekKey(place, LastWeek.AddDays(7)), [new DutyRowForm(deployment.Id, [8m])]));
        thisWeek.IsOk.ShouldBeTrue();

        await using var db = fixture.NewContext();
        var audit = await db.AuditEntries.Where(a => a.Entity == "RestWelfareReport" && a.EntityKey == resubmitted.Report.Id.ToString()).OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => a.Changes.GetValueOrDefault("Status")?.New).ShouldBe(["Submitted", "Returned", "Submitted", "Accepted"]);
        audit[0].Changes.ShouldContainKey("Figures.PeopleDeployed");
    }

    [Fact]
    public async Task Overdue_reports_are_listed_and_totals_add_up_only_the_submitted_ones()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var overview = await Reports.OverviewAsync(WeekBefore);

        overview.Units.Select(u => u.UnitName).ShouldBe(["白云街道", "海门街道"], "units with a committee account report, in pinyin order");
        var haimen = overview.Units.Single(u => u.UnitName == "海门街道");
        overview.Overdue.ShouldContain(r => r.UnitId == haimen.UnitId && r.Period.From == WeekBefore);
        overview.Overdue.ShouldNotContain(r => r.Period.From == LastWeek, "last week's report is due tomorrow");
        overview.Overdue.ShouldNotContain(r => r.UnitId == haimen.UnitId && r.Period.From == new DateOnly(2026, 11, 2), "the demo report of that week was accepted");
        overview.SubmittedTotals.ShouldBe(ReportFigures.Sum([]));

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Reports.SubmitAsync(new ReportSubmission { UnitId = haimen.UnitId, PeriodFrom = WeekBefore })).IsOk.ShouldBeTrue();
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var after = await Reports.OverviewAsync(WeekBefore);
        after.Overdue.ShouldNotContain(r => r.UnitId == haimen.UnitId && r.Period.From == WeekBefore);
        after.Overdue.ShouldContain(r => r.UnitName == "白云街道" && r.Period.From == WeekBefore);
        after.SubmittedTotals.ShouldBe(after.Units.Single(u => u.UnitId == haimen.UnitId).Figures);
        after.SubmittedTotals.PeopleDeployed.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_committee_reports_only_for_its_own_unit_and_only_the_organisation_department_of_the_unit_reviews()
    {
        var haimen = await HaimenAsync();
        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Reports.SubmitAsync(new ReportSubmission { UnitId = haimen, PeriodFrom = LastWeek })).Status.ShouldBe(ResultStatus.Forbidden);
        (await Reports.OverviewAsync(LastWeek)).Units.Select(u => u.UnitName).ShouldBe(["白云街道"], "another unit's reports stay out of sight");

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Reports.SubmitAsync(new ReportSubmission { UnitId = haimen, PeriodFrom = new DateOnly(2026, 10, 19).AddDays(1) })).Errors
            .ShouldHaveSingleItem().Message.ShouldBe(Messages.ReportPeriodInvalid);
        (await Reports.SubmitAsync(new ReportSubmission { UnitId = haimen, PeriodFrom = new DateOnly(2026, 11, 23) })).Errors
            .ShouldHaveSingleItem().Message.ShouldBe(Messages.ReportPeriodNotEnded);
        (await Reports.SubmitAsync(new ReportSubmission { UnitId = haimen, PeriodFrom = new DateOnly(2026, 10, 19) })).IsOk.ShouldBeTrue();
        var report = (await Reports.MineAsync()).Single(r => r.Period.From == new DateOnly(2026, 10, 19)).Report!;
        (await Reports.AcceptAsync(report.Id, report.Version)).Status.ShouldBe(ResultStatus.Forbidden);

        await fixture.UseAsync(Roles.OrgDepartment, "绍兴市");
        (await Reports.AcceptAsync(report.Id, report.Version)).Message.ShouldBe(Messages.NotFound);
        (await Reports.OverviewAsync(LastWeek)).Units.ShouldBeEmpty();
    }
}
