using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Deployments;

public sealed class DeploymentServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private DeploymentService Service => fixture.Get<DeploymentService>();

    private async Task<List<Deployment>> DeploymentsOfAsync(Guid workerId)
    {
        await using var db = fixture.NewContext();
        return await db.Deployments.AsNoTracking().Where(d => d.WorkerId == workerId).OrderBy(d => d.StartDate).ToListAsync();
    }

    [Fact]
    public async Task A_deployment_is_saved_and_listed_for_the_worker()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var result = await Service.SaveAsync(TestData.DeploymentForm(worker.Id, Today, Today.AddDays(14), place: "  东山社区第3网格 "));

        result.Status.ShouldBe(ResultStatus.Ok, string.Join("; ", result.Errors));
        var listed = (await Service.ListForWorkerAsync(worker.Id)).Value!.ShouldHaveSingleItem();
        listed.Id.ShouldBe(result.Value);
        listed.Place.ShouldBe("东山社区第3网格");
        listed.StartDate.ShouldBe(Today);
        listed.EndDate.ShouldBe(Today.AddDays(14));
        listed.SpouseWarningConfirmed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(-10, 0)] // ends on the new start day: days are inclusive
    [InlineData(5, 20)] // starts inside the new one
    [InlineData(-30, null)] // open-ended, still running
    public async Task A_deployment_overlapping_another_of_the_same_worker_is_refused_on_the_start_date(int existingStart, int? existingEnd)
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(existingStart), existingEnd is { } e ? Today.AddDays(e) : null, place: "台州站出站口");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var result = await Service.SaveAsync(TestData.DeploymentForm(worker.Id, Today, Today.AddDays(10)));

        result.Status.ShouldBe(ResultStatus.Invalid);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(nameof(DeploymentForm.StartDate));
        error.Message.ShouldContain("台州站出站口");
        (await DeploymentsOfAsync(worker.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_overlap_message_names_the_existing_deployment_and_its_dates()
    {
        using var _ = UiCulture.Use("zh-CN");
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.AddDeploymentAsync(worker.Id, new DateOnly(2026, 11, 1), null, place: "椒江客运码头卡口");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var result = await Service.SaveAsync(TestData.DeploymentForm(worker.Id, Today, null));

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("与已有派驻（椒江客运码头卡口，2026-11-01 至 至今）时间重叠");
    }

    [Fact]
    public async Task A_deployment_starting_the_day_after_another_ends_is_accepted()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-10), Today.AddDays(-1));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var result = await Service.SaveAsync(TestData.DeploymentForm(worker.Id, Today, null));

        result.Status.ShouldBe(ResultStatus.Ok, string.Join("; ", result.Errors));
        (await DeploymentsOfAsync(worker.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Shortening_a_deployment_does_not_clash_with_itself()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        var deployment = await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-10), null);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var form = (await Service.GetFormAsync(deployment.Id)).Value!;
        form.EndDate = Today;

        (await Service.SaveAsync(form)).IsOk.ShouldBeTrue();

        (await DeploymentsOfAsync(worker.Id)).ShouldHaveSingleItem().EndDate.ShouldBe(Today);
    }

    [Fact]
    public async Task Raising_a_post_to_risk_class_I_makes_its_logged_duty_count_as_high_risk_for_B2()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        var deployment = await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-10), null);
        await using (var db = fixture.NewContext())
        {
            db.DutyLogs.Add(new Core.Features.Duty.DutyLog { Id = Guid.CreateVersion7(), DeploymentId = deployment.Id, WorkerId = worker.Id, Day = Today.AddDays(-1), Hours = 8 });
            await db.SaveChangesAsync();
        }
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var form = (await Service.GetFormAsync(deployment.Id)).Value!;
        form.RiskClass = RiskClass.I;

        (await Service.SaveAsync(form)).IsOk.ShouldBeTrue();

        await using var check = fixture.NewContext();
        (await check.DutyLogs.SingleAsync(l => l.DeploymentId == deployment.Id)).HighRisk.ShouldBeTrue();
        (await check.AuditEntries.CountAsync(a => a.Entity == "DutyLog" && a.WorkerId == worker.Id && a.Action == Core.Features.Audit.AuditAction.Update)).ShouldBe(1);
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_and_nothing_is_saved()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var result = await Service.SaveAsync(TestData.DeploymentForm(worker.Id, Today, Today.AddDays(-1)));

        result.Status.ShouldBe(ResultStatus.Invalid);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(nameof(DeploymentForm.EndDate));
        error.Message.ShouldBe(Messages.EndBeforeStart);
        (await DeploymentsOfAsync(worker.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_deployment_without_a_start_date_is_refused_not_a_crash()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var form = TestData.DeploymentForm(worker.Id, Today, null);
        form.StartDate = null;

        var result = await Service.SaveAsync(form);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(DeploymentForm.StartDate));
        (await DeploymentsOfAsync(worker.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Deploying_someone_whose_spouse_is_deployed_at_the_same_time_asks_for_confirmation_first()
    {
        var husband = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var wife = await fixture.AddWorkerAsync("西街社区", Gender.Female);
        await fixture.MarryAsync(husband.Id, wife.Id);
        await fixture.AddDeploymentAsync(wife.Id, Today.AddDays(-5), Today.AddDays(10), place: "台州市恩泽医院发热门诊");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = TestData.DeploymentForm(husband.Id, Today, Today.AddDays(3));

        var warned = await Service.SaveAsync(form);

        warned.Status.ShouldBe(ResultStatus.NeedsConfirmation);
        warned.Message.ShouldNotBeNull();
        warned.Message.ShouldContain(wife.FullName);
        warned.Message.ShouldContain("台州市恩泽医院发热门诊");
        (await DeploymentsOfAsync(husband.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_confirmed_spouse_warning_saves_and_records_who_confirmed_and_when()
    {
        var husband = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var wife = await fixture.AddWorkerAsync("西街社区", Gender.Female);
        await fixture.MarryAsync(husband.Id, wife.Id);
        await fixture.AddDeploymentAsync(wife.Id, Today.AddDays(-5), null);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = TestData.DeploymentForm(husband.Id, Today, Today.AddDays(3));
        (await Service.SaveAsync(form)).Status.ShouldBe(ResultStatus.NeedsConfirmation);

        form.ConfirmSpouseDeployed = true;
        var result = await Service.SaveAsync(form);

        result.Status.ShouldBe(ResultStatus.Ok, string.Join("; ", result.Errors));
        var saved = (await DeploymentsOfAsync(husband.Id)).ShouldHaveSingleItem();
        saved.SpouseWarningConfirmedBy.ShouldBe(fixture.CurrentUserId());
        saved.SpouseWarningConfirmedAt.ShouldBe(fixture.Clock.GetUtcNow());
        (await Service.ListForWorkerAsync(husband.Id)).Value!.ShouldHaveSingleItem().SpouseWarningConfirmed.ShouldBeTrue();
    }

    [Fact]
    public async Task The_spouse_warning_applies_under_the_shaoxing_profile_too()
    {
        var husband = await fixture.AddWorkerAsync("府山街道", Gender.Male);
        var wife = await fixture.AddWorkerAsync("府山街道", Gender.Female);
        await fixture.MarryAsync(husband.Id, wife.Id);
        await fixture.AddDeploymentAsync(wife.Id, Today, Today);
        await fixture.UseAsync(Roles.OrgDepartment, "绍兴市");

        (await Service.SaveAsync(TestData.DeploymentForm(husband.Id, Today.AddDays(-3), Today))).Status.ShouldBe(ResultStatus.NeedsConfirmation);
    }

    [Fact]
    public async Task A_spouse_deployed_at_another_time_needs_no_confirmation()
    {
        var husband = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var wife = await fixture.AddWorkerAsync("西街社区", Gender.Female);
        await fixture.MarryAsync(husband.Id, wife.Id);
        await fixture.AddDeploymentAsync(wife.Id, Today.AddDays(-30), Today.AddDays(-1));
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var result = await Service.SaveAsync(TestData.DeploymentForm(husband.Id, Today, null));

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        (await DeploymentsOfAsync(husband.Id)).ShouldHaveSingleItem().SpouseWarningConfirmedBy.ShouldBeNull();
    }

    [Fact]
    public async Task Two_overlapping_deployments_saved_at_the_same_moment_leave_exactly_one()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        const int Racers = 8;
        // Every racer resolves its own service (own scope, own context) and waits for the others at the gate.
        var services = Enumerable.Range(0, Racers).Select(_ => fixture.Get<DeploymentService>()).ToList();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = services.Select((service, i) => Task.Run(async () =>
        {
            await gate.Task;
            return await service.SaveAsync(TestData.DeploymentForm(worker.Id, Today.AddDays(i % 3), Today.AddDays(10), place: $"卡口{i}"));
        })).ToList();

        gate.SetResult();
        var results = await Task.WhenAll(racers);

        (await DeploymentsOfAsync(worker.Id)).Count.ShouldBe(1);
        results.Count(r => r.IsOk).ShouldBe(1);
        results.Where(r => !r.IsOk).ShouldAllBe(r =>
            r.Status == ResultStatus.Invalid && r.Errors.Count == 1 && r.Errors[0].Field == nameof(DeploymentForm.StartDate));
    }

    [Fact]
    public async Task The_database_refuses_an_overlapping_deployment_that_bypasses_the_service()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.AddDeploymentAsync(worker.Id, Today, Today.AddDays(10));

        var ex = await Should.ThrowAsync<DbUpdateException>(() => fixture.AddDeploymentAsync(worker.Id, Today.AddDays(10), null));

        ex.IsExclusionViolation().ShouldBeTrue();
        (await DeploymentsOfAsync(worker.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_database_accepts_back_to_back_deployments()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.AddDeploymentAsync(worker.Id, Today, Today.AddDays(10));

        await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(11), null);

        (await DeploymentsOfAsync(worker.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Deleting_with_a_stale_version_is_a_conflict_and_keeps_the_deployment()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        var deployment = await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-3), null);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var form = (await Service.GetFormAsync(deployment.Id)).Value!;
        form.EndDate = Today;
        (await Service.SaveAsync(form)).IsOk.ShouldBeTrue();

        var result = await Service.DeleteAsync(deployment.Id, deployment.Version);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Message.ShouldBe(Messages.ConcurrencyConflict);
        (await DeploymentsOfAsync(worker.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Saving_over_someone_elses_edit_of_a_deployment_is_a_conflict()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        var deployment = await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-3), null);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var mine = (await Service.GetFormAsync(deployment.Id)).Value!;
        var theirs = (await Service.GetFormAsync(deployment.Id)).Value!;
        theirs.EndDate = Today.AddDays(1);
        (await Service.SaveAsync(theirs)).IsOk.ShouldBeTrue();

        mine.EndDate = Today.AddDays(2);
        var result = await Service.SaveAsync(mine);

        result.Status.ShouldBe(ResultStatus.Conflict);
        (await DeploymentsOfAsync(worker.Id)).ShouldHaveSingleItem().EndDate.ShouldBe(Today.AddDays(1));
    }
}
