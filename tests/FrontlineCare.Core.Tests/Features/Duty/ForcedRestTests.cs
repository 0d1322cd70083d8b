using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Duty;

/// <summary>B2 forced-rest cases: opened by saving duty that breaks a threshold, once per overload run, and closed by rest or waiver.</summary>
public sealed class ForcedRestTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly LastMonday = new(2026, 11, 16);

    private DutyService Duty => fixture.Get<DutyService>();
    private ForcedRestService Cases => fixture.Get<ForcedRestService>();

    private async Task<(Guid WorkerId, Guid DeploymentId, string Place)> DeployedAsync()
    {
        var place = "强休测试" + Guid.NewGuid().ToString("N")[..6];
        var worker = await fixture.AddWorkerAsync(await fixture.UnitIdAsync("东山社区"));
        var deployment = await fixture.AddDeploymentAsync(worker.Id, LastMonday.AddDays(-30), null, place);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        return (worker.Id, deployment.Id, place);
    }

    private Task<Result> LogAsync(string place, Guid deploymentId, params decimal?[] hours) =>
        Duty.SaveWeekAsync(new DutyWeekForm(new DutyWeekKey(place, LastMonday), [new DutyRowForm(deploymentId, hours)]));

    private async Task<List<ForcedRestCase>> CasesOfAsync(Guid workerId)
    {
        await using var db = fixture.NewContext();
        return await db.ForcedRestCases.AsNoTracking().Where(c => c.WorkerId == workerId).ToListAsync();
    }

    [Fact]
    public async Task A_long_shift_opens_one_case_and_saving_again_does_not_open_another()
    {
        var (workerId, deploymentId, place) = await DeployedAsync();
        (await LogAsync(place, deploymentId, 8, 8)).IsOk.ShouldBeTrue();
        (await CasesOfAsync(workerId)).ShouldBeEmpty();

        (await LogAsync(place, deploymentId, 8, 14)).IsOk.ShouldBeTrue();
        (await LogAsync(place, deploymentId, 8, 14)).IsOk.ShouldBeTrue();

        var opened = (await CasesOfAsync(workerId)).ShouldHaveSingleItem();
        (opened.Kind, opened.PeriodFrom, opened.Value, opened.Limit, opened.Status)
            .ShouldBe((OverloadKind.LongShift, LastMonday.AddDays(1), 14m, 12, ForcedRestStatus.Open));
        (await Cases.ListAsync()).ShouldContain(c => c.Id == opened.Id && c.WorkerName != "");
    }

    [Fact]
    public async Task More_overload_while_a_case_is_open_joins_that_case_and_after_the_rest_only_new_overload_opens_another()
    {
        var (workerId, deploymentId, place) = await DeployedAsync();
        (await LogAsync(place, deploymentId, 14, 8, 14)).IsOk.ShouldBeTrue();

        var open = (await CasesOfAsync(workerId)).ShouldHaveSingleItem();
        (open.PeriodFrom, open.PeriodTo).ShouldBe((LastMonday, LastMonday.AddDays(2)));

        (await Cases.ScheduleRestAsync(open.Id, LastMonday.AddDays(3), LastMonday.AddDays(4), open.Version)).IsOk.ShouldBeTrue();
        var scheduled = (await CasesOfAsync(workerId)).Single();
        (await Cases.MarkRestedAsync(scheduled.Id, scheduled.Version)).IsOk.ShouldBeTrue();

        // Saving the week again finds the old long shifts again: they are settled by the rest.
        (await LogAsync(place, deploymentId, 14, 8, 14, null, null, 8)).IsOk.ShouldBeTrue();
        (await CasesOfAsync(workerId)).Count.ShouldBe(1);

        // A new long shift after the rest is a new episode.
        (await LogAsync(place, deploymentId, 14, 8, 14, null, null, 8, 15)).IsOk.ShouldBeTrue();
        var cases = await CasesOfAsync(workerId);
        cases.Count.ShouldBe(2);
        cases.Single(c => c.Status == ForcedRestStatus.Open).PeriodFrom.ShouldBe(LastMonday.AddDays(6));
    }

    [Fact]
    public async Task A_case_is_closed_by_scheduling_rest_and_then_marking_it_taken()
    {
        var (workerId, deploymentId, place) = await DeployedAsync();
        await LogAsync(place, deploymentId, 15);
        var opened = (await CasesOfAsync(workerId)).Single();

        (await Cases.MarkRestedAsync(opened.Id, opened.Version)).Message.ShouldBe(Messages.ForcedRestIllegal); // no rest scheduled yet
        (await Cases.ScheduleRestAsync(opened.Id, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 23), opened.Version))
            .Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.RestDatesInvalid);
        (await Cases.ScheduleRestAsync(opened.Id, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25), opened.Version)).IsOk.ShouldBeTrue();
        var scheduled = (await CasesOfAsync(workerId)).Single();
        (await Cases.MarkRestedAsync(scheduled.Id, scheduled.Version)).IsOk.ShouldBeTrue();

        var closed = (await CasesOfAsync(workerId)).Single();
        closed.Status.ShouldBe(ForcedRestStatus.Rested);
        (await Cases.ListAsync()).ShouldNotContain(c => c.Id == closed.Id);
    }

    [Fact]
    public async Task Only_the_organisation_department_waives_and_only_with_a_reason()
    {
        var (workerId, deploymentId, place) = await DeployedAsync();
        await LogAsync(place, deploymentId, 16);
        var opened = (await CasesOfAsync(workerId)).Single();

        (await Cases.WaiveAsync(opened.Id, "人手不足", opened.Version)).Status.ShouldBe(ResultStatus.Forbidden);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Cases.WaiveAsync(opened.Id, "  ", opened.Version)).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.WaiverReasonRequired);
        (await Cases.WaiveAsync(opened.Id, "疫情高峰，岗位无人替换，已安排次周补休", opened.Version)).IsOk.ShouldBeTrue();

        var waived = (await CasesOfAsync(workerId)).Single();
        (waived.Status, waived.WaiverReason).ShouldBe((ForcedRestStatus.Waived, "疫情高峰，岗位无人替换，已安排次周补休"));
    }

    [Fact]
    public async Task An_open_case_older_than_the_grace_period_is_overdue()
    {
        var (workerId, deploymentId, place) = await DeployedAsync();
        await LogAsync(place, deploymentId, 17);
        var id = (await CasesOfAsync(workerId)).Single().Id;
        (await Cases.ListAsync()).Single(c => c.Id == id).Overdue.ShouldBeFalse();

        // Time only moves forward; the other tests of this class do not depend on the exact day.
        fixture.Clock.Advance(TimeSpan.FromDays(3.5));

        (await Cases.ListAsync()).Single(c => c.Id == id).Overdue.ShouldBeTrue();
    }

    [Fact]
    public async Task A_committee_does_not_see_or_change_cases_of_another_unit()
    {
        var (workerId, deploymentId, place) = await DeployedAsync();
        await LogAsync(place, deploymentId, 18);
        var opened = (await CasesOfAsync(workerId)).Single();
        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");

        (await Cases.ListAsync()).ShouldNotContain(c => c.Id == opened.Id);
        (await Cases.ScheduleRestAsync(opened.Id, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25), opened.Version))
            .Status.ShouldBe(ResultStatus.NotFound);
    }
}
