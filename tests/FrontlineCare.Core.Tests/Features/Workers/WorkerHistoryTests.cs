using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Audit;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Tests.Support;

namespace FrontlineCare.Core.Tests.Features.Workers;

/// <summary>A worker's change history (HistoryAsync), as each role may see it.</summary>
public sealed class WorkerHistoryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private WorkerService Service => fixture.Get<WorkerService>();

    /// <summary>Registers a worker through the service (so it has a history) and changes their number once.</summary>
    private async Task<(Guid Id, string FirstId, string SecondId, string Mobile)> WorkerWithHistoryAsync()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区", userName: "orgdept");
        var form = TestData.WorkerForm(await fixture.UnitIdAsync("东山社区"));
        var id = (await Service.CreateAsync(form)).Value;
        var edit = (await Service.GetFormAsync(id)).Value!;
        edit.NationalId = TestData.NationalId();
        (await Service.UpdateAsync(edit)).IsOk.ShouldBeTrue();
        return (id, form.NationalId!, edit.NationalId, form.Mobile);
    }

    private static AuditFieldChange Field(AuditEntryView entry, string name) => entry.Changes.Single(c => c.Field == name);

    [Fact]
    public async Task A_deleted_deployment_stays_in_the_workers_history()
    {
        var (id, _, _, _) = await WorkerWithHistoryAsync();
        var deployments = fixture.Get<DeploymentService>();
        var saved = await deployments.SaveAsync(new DeploymentForm
        {
            WorkerId = id,
            PostKind = PostKind.Checkpoint,
            Place = "台州站出站口",
            StartDate = Today.AddDays(-3),
            RiskClass = RiskClass.II,
        });
        var form = (await deployments.GetFormAsync(saved.Value)).Value!;
        (await deployments.DeleteAsync(saved.Value, form.Version)).IsOk.ShouldBeTrue();

        var history = (await Service.HistoryAsync(id)).Value!;

        var trail = history.Where(h => h.Entity == nameof(Deployment)).Select(h => h.Action).ToList();
        trail.ShouldBe([AuditAction.Delete, AuditAction.Insert]);
        Field(history.First(h => h.Action == AuditAction.Delete), nameof(Deployment.Place)).Old.ShouldBe("台州站出站口");
    }

    [Fact]
    public async Task The_history_lists_the_newest_change_first_with_who_made_it()
    {
        var (id, _, _, _) = await WorkerWithHistoryAsync();

        var history = (await Service.HistoryAsync(id)).Value!;

        history.Select(h => h.Action).ShouldBe([AuditAction.Update, AuditAction.Insert]);
        history.ShouldAllBe(h => h.UserName == "orgdept" && h.Entity == "Worker");
    }

    [Fact]
    public async Task The_unit_committee_sees_national_ids_masked_in_the_history()
    {
        var (id, first, second, mobile) = await WorkerWithHistoryAsync();
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var history = (await Service.HistoryAsync(id)).Value!;

        var update = Field(history[0], "NationalId");
        update.Old.ShouldBe(Masking.NationalId(first));
        update.New.ShouldBe(Masking.NationalId(second));
        Field(history[1], "NationalId").New.ShouldBe(Masking.NationalId(first));
        Field(history[1], "Mobile").New.ShouldBe(mobile);
        history.SelectMany(h => h.Changes).ShouldAllBe(c => c.Old != first && c.New != first && c.Old != second && c.New != second);
    }

    [Fact]
    public async Task The_organisation_department_sees_national_ids_in_full_in_the_history()
    {
        var (id, first, second, _) = await WorkerWithHistoryAsync();
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var history = (await Service.HistoryAsync(id)).Value!;

        Field(history[0], "NationalId").ShouldBe(new AuditFieldChange("NationalId", first, second));
        Field(history[1], "NationalId").New.ShouldBe(first);
    }

    [Fact]
    public async Task A_supervisor_sees_both_national_id_and_mobile_masked_in_the_history()
    {
        var (id, first, _, mobile) = await WorkerWithHistoryAsync();
        await fixture.UseAsync(Roles.Supervisor, "椒江区");

        var insert = (await Service.HistoryAsync(id)).Value!.Single(h => h.Action == AuditAction.Insert);

        Field(insert, "NationalId").New.ShouldBe(Masking.NationalId(first));
        Field(insert, "Mobile").New.ShouldBe(Masking.Mobile(mobile));
        Field(insert, "FullName").New.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_history_includes_the_workers_deployments()
    {
        var (id, _, _, _) = await WorkerWithHistoryAsync();
        var deployment = (await fixture.Get<DeploymentService>().SaveAsync(TestData.DeploymentForm(id, Today, null, place: "白云社区第7网格"))).Value;

        var history = (await Service.HistoryAsync(id)).Value!;

        var entry = history.Single(h => h.Entity == nameof(Deployment));
        entry.EntityKey.ShouldBe(deployment.ToString());
        Field(entry, "Place").New.ShouldBe("白云社区第7网格");
        history[0].ShouldBe(entry, "newest first");
    }

    [Fact]
    public async Task The_history_does_not_show_another_workers_changes()
    {
        var (id, _, _, _) = await WorkerWithHistoryAsync();
        var (other, _, _, _) = await WorkerWithHistoryAsync();

        var history = (await Service.HistoryAsync(id)).Value!;

        history.ShouldAllBe(h => h.EntityKey == id.ToString());
        history.ShouldNotContain(h => h.EntityKey == other.ToString());
    }
}
