using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Duty;

/// <summary>The duty week grid (B1/B4) with B2 overload flags, on the real database. The fixture's today is 2026-11-23 (a Monday).</summary>
public sealed class DutyServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly LastMonday = new(2026, 11, 16);

    private DutyService Service => fixture.Get<DutyService>();

    /// <summary>A worker of 东山社区 deployed at a post of their own (so tests do not share a grid).</summary>
    private async Task<(Guid WorkerId, Deployment Deployment, string Place)> DeployedAsync(DateOnly? from = null, DateOnly? to = null)
    {
        var place = "测试卡口" + Guid.NewGuid().ToString("N")[..6];
        var worker = await fixture.AddWorkerAsync(await fixture.UnitIdAsync("东山社区"));
        var deployment = await fixture.AddDeploymentAsync(worker.Id, from ?? Today.AddDays(-60), to, place);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        return (worker.Id, deployment, place);
    }

    private static DutyWeekForm Week(string place, DateOnly monday, Guid deploymentId, params decimal?[] hours) =>
        new(new DutyWeekKey(place, monday), [new DutyRowForm(deploymentId, hours)]);

    [Fact]
    public async Task A_committee_logs_a_week_and_reads_it_back()
    {
        var (_, deployment, place) = await DeployedAsync();

        var saved = await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8, 8, 10, 0, null, 12, 4));

        saved.IsOk.ShouldBeTrue();
        var week = await Service.GetWeekAsync(new DutyWeekKey(place, LastMonday.AddDays(3))); // any day of the week
        week.Key.WeekStart.ShouldBe(LastMonday);
        week.Rows.ShouldHaveSingleItem().Hours.ShouldBe([8m, 8m, 10m, null, null, 12m, 4m]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(24.5)]
    public async Task Hours_outside_0_to_24_are_refused_on_their_cell_and_nothing_is_saved(double bad)
    {
        var (_, deployment, place) = await DeployedAsync();

        var result = await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8, (decimal)bad, 8));

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(DutyService.CellField(deployment.Id, LastMonday.AddDays(1)), Messages.DutyHoursRange));
        await using var db = fixture.NewContext();
        (await db.DutyLogs.CountAsync(l => l.DeploymentId == deployment.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Duty_in_the_future_and_outside_the_deployment_is_refused()
    {
        var (_, deployment, place) = await DeployedAsync(from: LastMonday.AddDays(2));

        var past = await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8));
        past.Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.DutyOutsideDeployment);

        var future = await Service.SaveWeekAsync(Week(place, Today, deployment.Id, 8, 8));
        future.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(DutyService.CellField(deployment.Id, Today.AddDays(1)), Messages.DutyFuture));
    }

    [Fact]
    public async Task Fourteen_days_in_a_row_are_flagged_as_overload_in_the_grid()
    {
        var (_, deployment, place) = await DeployedAsync();
        (await Service.SaveWeekAsync(Week(place, LastMonday.AddDays(-7), deployment.Id, 6, 6, 6, 6, 6, 6, 6))).IsOk.ShouldBeTrue();
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 6, 6, 6, 6, 6, 6))).IsOk.ShouldBeTrue();
        (await Service.GetWeekAsync(new DutyWeekKey(place, LastMonday))).Rows.Single().Overload.ShouldBeEmpty(); // 13 days

        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 6, 6, 6, 6, 6, 6, 6))).IsOk.ShouldBeTrue();

        var finding = (await Service.GetWeekAsync(new DutyWeekKey(place, LastMonday))).Rows.Single().Overload.ShouldHaveSingleItem();
        finding.Kind.ShouldBe(OverloadKind.ConsecutiveDays);
        (finding.From, finding.To, finding.Value, finding.Limit).ShouldBe((LastMonday.AddDays(-7), LastMonday.AddDays(6), 14m, 13));
    }

    [Fact]
    public async Task Clearing_a_cell_removes_the_log_and_every_change_is_in_the_workers_history()
    {
        var (workerId, deployment, place) = await DeployedAsync();
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8))).IsOk.ShouldBeTrue();
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 9))).IsOk.ShouldBeTrue();
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, (decimal?)null))).IsOk.ShouldBeTrue();

        await using var db = fixture.NewContext();
        (await db.DutyLogs.CountAsync(l => l.DeploymentId == deployment.Id)).ShouldBe(0);
        var trail = await db.AuditEntries.Where(a => a.WorkerId == workerId && a.Entity == nameof(DutyLog)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        trail.ShouldBe([Core.Features.Audit.AuditAction.Insert, Core.Features.Audit.AuditAction.Update, Core.Features.Audit.AuditAction.Delete]);
    }

    [Fact]
    public async Task Each_grid_change_is_audited_with_its_old_and_new_hours()
    {
        var (workerId, deployment, place) = await DeployedAsync();
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8, 8))).IsOk.ShouldBeTrue();
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8, 11.5m))).IsOk.ShouldBeTrue();

        await using var db = fixture.NewContext();
        var trail = await db.AuditEntries.Where(a => a.WorkerId == workerId && a.Entity == nameof(DutyLog)).OrderBy(a => a.Id).ToListAsync();
        trail.Count.ShouldBe(3); // two inserts, one update: the unchanged Monday is not touched again
        var inserted = trail[0];
        (inserted.Action, inserted.UserName).ShouldBe((Core.Features.Audit.AuditAction.Insert, fixture.User.UserName));
        inserted.Changes["Day"].New.ShouldBe(LastMonday.ToString("yyyy-MM-dd"));
        inserted.Changes["DeploymentId"].New.ShouldBe(deployment.Id.ToString());
        var updated = trail[2];
        updated.Action.ShouldBe(Core.Features.Audit.AuditAction.Update);
        updated.Changes.Keys.ShouldBe(["Hours"]);
        decimal.Parse(updated.Changes["Hours"].Old!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(8m);
        updated.Changes["Hours"].New.ShouldBe("11.5");
        var log = await db.DutyLogs.SingleAsync(l => l.DeploymentId == deployment.Id && l.Day == LastMonday.AddDays(1));
        updated.EntityKey.ShouldBe(log.Id.ToString());
    }

    [Fact]
    public async Task A_grid_saved_after_someone_else_changed_it_keeps_their_cells_and_refuses_a_cell_both_changed()
    {
        var (_, deployment, place) = await DeployedAsync();
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8, 8, 8))).IsOk.ShouldBeTrue();
        decimal?[] loaded = [8, 8, 8, null, null, null, null];

        // The first user changes Monday; the second, who opened the grid before that, changes Tuesday.
        (await Service.SaveWeekAsync(new DutyWeekForm(new DutyWeekKey(place, LastMonday),
            [new DutyRowForm(deployment.Id, [10, 8, 8, null, null, null, null], loaded)]))).IsOk.ShouldBeTrue();
        (await Service.SaveWeekAsync(new DutyWeekForm(new DutyWeekKey(place, LastMonday),
            [new DutyRowForm(deployment.Id, [8, 6, 8, null, null, null, null], loaded)]))).IsOk.ShouldBeTrue();
        (await Service.GetWeekAsync(new DutyWeekKey(place, LastMonday))).Rows.Single().Hours
            .ShouldBe([10m, 6m, 8m, null, null, null, null]);

        // The second user also changes Monday (and Wednesday) on the grid they opened before the first user's save.
        var clash = await Service.SaveWeekAsync(new DutyWeekForm(new DutyWeekKey(place, LastMonday),
            [new DutyRowForm(deployment.Id, [12, 6, 4, null, null, null, null], [8, 6, 8, null, null, null, null])]));

        clash.Status.ShouldBe(ResultStatus.Invalid);
        clash.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(DutyService.CellField(deployment.Id, LastMonday), string.Format(Messages.DutyCellChanged, "10")));
        (await Service.GetWeekAsync(new DutyWeekKey(place, LastMonday))).Rows.Single().Hours
            .ShouldBe([10m, 6m, 8m, null, null, null, null]); // nothing of the refused save, Wednesday included
    }

    [Fact]
    public async Task A_log_changed_between_reading_and_writing_is_detected_not_overwritten()
    {
        var (_, deployment, place) = await DeployedAsync();
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8))).IsOk.ShouldBeTrue();
        await using var db = fixture.NewContext();
        var stale = await db.DutyLogs.AsNoTracking().SingleAsync(l => l.DeploymentId == deployment.Id);
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 9))).IsOk.ShouldBeTrue();

        var changes = new DutyLogChanges();
        changes.Update(stale, 12);
        await using var tx = await db.Database.BeginTransactionAsync();
        (await changes.SaveAsync(db, null, "test", DateTimeOffset.UtcNow, default)).ShouldBeFalse();
        await tx.RollbackAsync();

        (await Service.GetWeekAsync(new DutyWeekKey(place, LastMonday))).Rows.Single().Hours[0].ShouldBe(9m);
    }

    [Fact]
    public async Task A_committee_sees_no_one_of_another_unit_and_cannot_log_for_them()
    {
        var outsider = await fixture.AddWorkerAsync(await fixture.UnitIdAsync("白云社区"));
        var place = "白云卡口" + Guid.NewGuid().ToString("N")[..6];
        var deployment = await fixture.AddDeploymentAsync(outsider.Id, Today.AddDays(-30), null, place);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        (await Service.GetWeekAsync(new DutyWeekKey(place, LastMonday))).Rows.ShouldBeEmpty();
        var result = await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8));

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.DutyUnknownRow);
        await using var db = fixture.NewContext();
        (await db.DutyLogs.AnyAsync(l => l.DeploymentId == deployment.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_supervisor_reads_the_grid_but_cannot_save_it()
    {
        var (_, deployment, place) = await DeployedAsync();
        await fixture.UseAsync(Roles.Supervisor, "椒江区");

        (await Service.GetWeekAsync(new DutyWeekKey(place, LastMonday))).Rows.ShouldHaveSingleItem();
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8))).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task A_deployment_with_logged_duty_cannot_be_deleted()
    {
        var (_, deployment, place) = await DeployedAsync();
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8))).IsOk.ShouldBeTrue();
        var form = (await fixture.Get<DeploymentService>().GetFormAsync(deployment.Id)).Value!;

        var deleted = await fixture.Get<DeploymentService>().DeleteAsync(deployment.Id, form.Version);

        deleted.Status.ShouldBe(ResultStatus.Conflict);
        deleted.Message.ShouldBe(Messages.DeploymentHasDuty);
    }

    [Fact]
    public async Task A_persons_duty_history_sums_their_days_and_carries_the_overload_found_in_it()
    {
        var (workerId, deployment, place) = await DeployedAsync();
        (await Service.SaveWeekAsync(Week(place, LastMonday, deployment.Id, 8, 13))).IsOk.ShouldBeTrue();

        var history = (await Service.HistoryAsync(workerId)).Value!;

        (history.From, history.To).ShouldBe((Today.AddDays(-89), Today));
        history.HoursByDay[LastMonday].ShouldBe(8m);
        history.HoursByDay[LastMonday.AddDays(1)].ShouldBe(13m);
        history.Overload.ShouldHaveSingleItem().Kind.ShouldBe(OverloadKind.LongShift);
    }

    [Fact]
    public async Task Another_units_person_has_no_duty_history_for_a_committee()
    {
        var outsider = await fixture.AddWorkerAsync(await fixture.UnitIdAsync("白云社区"));
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        (await Service.HistoryAsync(outsider.Id)).Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task A_post_whose_deployments_ended_two_years_ago_is_offered_for_a_week_of_that_period_and_found_by_search()
    {
        // Deployed for a month two years ago, long outside the last 90 days the old picker looked at.
        var monday = DutyService.WeekStartOf(Today.AddYears(-2));
        var (_, _, place) = await DeployedAsync(monday.AddDays(-10), monday.AddDays(20));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var other = await fixture.AddWorkerAsync(await fixture.UnitIdAsync("东山社区"));
        var elsewhere = "别处卡口" + Guid.NewGuid().ToString("N")[..6];
        await fixture.AddDeploymentAsync(other.Id, monday.AddDays(-300), monday.AddDays(-200), elsewhere); // ended before that week
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var offered = await Service.PlacesOfWeekAsync(monday.AddDays(3), place[..4]);
        offered.ShouldContain(place);
        offered.ShouldNotContain(elsewhere);
        (await Service.PlacesOfWeekAsync(monday, place[^6..].ToUpperInvariant())).ShouldBe([place]);
        (await Service.PlacesOfWeekAsync(monday.AddDays(-7 * 8), place)).ShouldBeEmpty("nobody was deployed there two months earlier");
        (await Service.PlacesOfWeekAsync(Today, place)).ShouldBeEmpty("nor this week");
        (await Service.GetWeekAsync(new DutyWeekKey(place, monday))).Rows.ShouldHaveSingleItem();

        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.PlacesOfWeekAsync(monday, place)).ShouldBeEmpty("another unit's posts are not offered");
    }
}
