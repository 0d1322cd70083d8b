using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static FrontlineCare.Core.Tests.Support.Outcome;

namespace FrontlineCare.Core.Tests.Features.Deployments;

/// <summary>Who may see and change a worker's deployments, by role and by where the worker is.</summary>
public sealed class DeploymentJurisdictionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private DeploymentService Service => fixture.Get<DeploymentService>();

    private async Task<int> DeploymentCountAsync(Guid workerId)
    {
        await using var db = fixture.NewContext();
        return await db.Deployments.CountAsync(d => d.WorkerId == workerId);
    }

    [Theory]
    [MemberData(nameof(JurisdictionMatrix.Reads), MemberType = typeof(JurisdictionMatrix))]
    public async Task A_workers_deployments_are_listed_only_within_the_callers_jurisdiction(string role, string home, string unit, string expected)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        var deployment = await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-5), null);
        await fixture.UseAsync(role, home);

        var result = await Service.ListForWorkerAsync(worker.Id);

        result.ShouldHaveOutcome(expected);
        if (expected == Ok) result.Value!.ShouldHaveSingleItem().Id.ShouldBe(deployment.Id);
        else result.Value.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(JurisdictionMatrix.Reads), MemberType = typeof(JurisdictionMatrix))]
    public async Task A_deployments_edit_form_opens_only_within_the_callers_jurisdiction(string role, string home, string unit, string expected)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        var deployment = await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-5), Today.AddDays(5));
        await fixture.UseAsync(role, home);

        var result = await Service.GetFormAsync(deployment.Id);

        result.ShouldHaveOutcome(expected);
        if (expected == Ok) result.Value!.EndDate.ShouldBe(Today.AddDays(5));
        else result.Value.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(JurisdictionMatrix.Edits), MemberType = typeof(JurisdictionMatrix))]
    public async Task A_worker_can_be_deployed_only_by_an_editing_role_within_its_jurisdiction(string role, string home, string unit, string expected)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        await fixture.UseAsync(role, home);

        var result = await Service.SaveAsync(TestData.DeploymentForm(worker.Id, Today, Today.AddDays(7)));

        result.ShouldHaveOutcome(expected);
        (await DeploymentCountAsync(worker.Id)).ShouldBe(expected == Ok ? 1 : 0);
    }

    [Theory]
    [MemberData(nameof(JurisdictionMatrix.Edits), MemberType = typeof(JurisdictionMatrix))]
    public async Task A_deployment_can_be_changed_only_by_an_editing_role_within_its_jurisdiction(string role, string home, string unit, string expected)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        var deployment = await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-5), null);
        await fixture.UseAsync(role, home);
        var form = TestData.DeploymentForm(worker.Id, deployment.StartDate, Today);
        form.Id = deployment.Id;
        form.Version = deployment.Version;

        var result = await Service.SaveAsync(form);

        result.ShouldHaveOutcome(expected);
        await using var db = fixture.NewContext();
        (await db.Deployments.SingleAsync(d => d.Id == deployment.Id)).EndDate.ShouldBe(expected == Ok ? Today : null);
    }

    [Theory]
    [MemberData(nameof(JurisdictionMatrix.Edits), MemberType = typeof(JurisdictionMatrix))]
    public async Task A_deployment_can_be_deleted_only_by_an_editing_role_within_its_jurisdiction(string role, string home, string unit, string expected)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        var deployment = await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-5), null);
        await fixture.UseAsync(role, home);

        var result = await Service.DeleteAsync(deployment.Id, deployment.Version);

        result.ShouldHaveOutcome(expected);
        (await DeploymentCountAsync(worker.Id)).ShouldBe(expected == Ok ? 0 : 1);
    }

    [Fact]
    public async Task A_deployment_cannot_be_moved_to_a_worker_outside_the_jurisdiction_by_changing_its_worker()
    {
        var outside = await fixture.AddWorkerAsync("白云社区");
        var deployment = await fixture.AddDeploymentAsync(outside.Id, Today.AddDays(-5), null);
        var mine = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = TestData.DeploymentForm(mine.Id, Today, null);
        form.Id = deployment.Id;
        form.Version = deployment.Version;

        var result = await Service.SaveAsync(form);

        result.ShouldHaveOutcome(NotFound);
        (await DeploymentCountAsync(outside.Id)).ShouldBe(1);
        (await DeploymentCountAsync(mine.Id)).ShouldBe(0);
    }
}
