using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontlineCare.Core.Tests.Features.Deployments;

/// <summary>A fixture whose deployment inserts wait for each other once armed (see <see cref="Rendezvous"/>).</summary>
public sealed class RaceFixture : AppFixture
{
    public Rendezvous Inserts { get; } = new("deployments");

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Inserts));
}

public sealed class DeploymentRaceTests(RaceFixture fixture) : IClassFixture<RaceFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task Two_overlapping_deployments_that_both_pass_the_check_are_stopped_by_the_database()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var first = fixture.Get<DeploymentService>();
        var second = fixture.Get<DeploymentService>();
        // Neither insert runs before both saves have read the worker's deployments and found no overlap.
        fixture.Inserts.Arm(2);

        var results = await Task.WhenAll(
            Task.Run(() => first.SaveAsync(TestData.DeploymentForm(worker.Id, Today, Today.AddDays(10), place: "台州站出站口"))),
            Task.Run(() => second.SaveAsync(TestData.DeploymentForm(worker.Id, Today.AddDays(5), null, place: "椒江客运码头卡口"))));

        await using var db = fixture.NewContext();
        (await db.Deployments.CountAsync(d => d.WorkerId == worker.Id)).ShouldBe(1);
        results.Count(r => r.IsOk).ShouldBe(1);
        var loser = results.Single(r => !r.IsOk);
        loser.Status.ShouldBe(ResultStatus.Invalid);
        var error = loser.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(nameof(DeploymentForm.StartDate));
        // The service's own check would have named the other deployment; this message comes from the constraint.
        error.Message.ShouldBe(Messages.ConcurrencyConflict);
    }

    [Fact]
    public async Task Two_deployments_of_different_workers_at_the_same_moment_are_both_saved()
    {
        var a = await fixture.AddWorkerAsync("东山社区");
        var b = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var first = fixture.Get<DeploymentService>();
        var second = fixture.Get<DeploymentService>();
        fixture.Inserts.Arm(2);

        var results = await Task.WhenAll(
            Task.Run(() => first.SaveAsync(TestData.DeploymentForm(a.Id, Today, null))),
            Task.Run(() => second.SaveAsync(TestData.DeploymentForm(b.Id, Today, null))));

        results.ShouldAllBe(r => r.IsOk);
    }
}
