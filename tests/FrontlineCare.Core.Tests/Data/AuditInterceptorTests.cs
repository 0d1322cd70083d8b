using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Audit;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Data;

/// <summary>The audit trail written with every change, read back from audit_entries.</summary>
public sealed class AuditInterceptorTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private WorkerService Workers => fixture.Get<WorkerService>();

    private async Task<List<AuditEntry>> EntriesAsync(string entity, Guid key)
    {
        await using var db = fixture.NewContext();
        var k = key.ToString();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Entity == entity && a.EntityKey == k).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<Guid> CreateWorkerAsync(WorkerForm form)
    {
        var result = await Workers.CreateAsync(form);
        result.Status.ShouldBe(ResultStatus.Ok, string.Join("; ", result.Errors));
        return result.Value;
    }

    [Fact]
    public async Task Registering_a_worker_records_an_insert_with_every_field_and_who_did_it()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区", userName: "orgdept");
        var form = TestData.WorkerForm(await fixture.UnitIdAsync("东山社区"), Gender.Female);

        var id = await CreateWorkerAsync(form);

        var entry = (await EntriesAsync("Worker", id)).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Insert);
        entry.UserName.ShouldBe("orgdept");
        entry.UserId.ShouldBe(fixture.CurrentUserId());
        entry.At.ShouldBe(fixture.Clock.GetUtcNow());
        entry.Changes["FullName"].ShouldBe(new AuditChange(null, form.FullName));
        entry.Changes["NationalId"].ShouldBe(new AuditChange(null, form.NationalId));
        entry.Changes["Mobile"].ShouldBe(new AuditChange(null, form.Mobile));
        entry.Changes["Gender"].ShouldBe(new AuditChange(null, "Female"));
        entry.Changes["UnitId"].ShouldBe(new AuditChange(null, form.UnitId!.Value.ToString()));
        entry.Changes["Position"].ShouldBe(new AuditChange(null, "网格员"));
        entry.Changes.Keys.ShouldNotContain("Version");
        entry.Changes.Keys.ShouldNotContain("CreatedAt");
        entry.Changes.Keys.ShouldNotContain("UpdatedAt");
        entry.Changes.Keys.ShouldNotContain("SpouseId", "an empty field is not a change");
    }

    [Fact]
    public async Task Changing_a_worker_records_only_the_changed_fields_with_old_and_new_values()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区", userName: "orgdept");
        var id = await CreateWorkerAsync(TestData.WorkerForm(await fixture.UnitIdAsync("东山社区")));
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道", userName: "committee");
        var form = (await Workers.GetFormAsync(id)).Value!;
        var oldMobile = form.Mobile;
        form.Mobile = TestData.Mobile();
        form.Position = "社区书记";

        (await Workers.UpdateAsync(form)).IsOk.ShouldBeTrue();

        var entries = await EntriesAsync("Worker", id);
        entries.Count.ShouldBe(2);
        var update = entries[1];
        update.Action.ShouldBe(AuditAction.Update);
        update.UserName.ShouldBe("committee");
        update.Changes.Keys.ShouldBe(["Mobile", "Position"], ignoreOrder: true);
        update.Changes["Mobile"].ShouldBe(new AuditChange(oldMobile, form.Mobile));
        update.Changes["Position"].ShouldBe(new AuditChange("网格员", "社区书记"));
    }

    [Fact]
    public async Task Saving_a_worker_unchanged_records_nothing()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var id = await CreateWorkerAsync(TestData.WorkerForm(await fixture.UnitIdAsync("东山社区")));
        var form = (await Workers.GetFormAsync(id)).Value!;

        (await Workers.UpdateAsync(form)).IsOk.ShouldBeTrue();

        (await EntriesAsync("Worker", id)).ShouldHaveSingleItem().Action.ShouldBe(AuditAction.Insert);
    }

    [Fact]
    public async Task A_refused_save_leaves_no_audit_entry()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var id = await CreateWorkerAsync(TestData.WorkerForm(await fixture.UnitIdAsync("东山社区")));
        var stale = (await Workers.GetFormAsync(id)).Value!;
        var fresh = (await Workers.GetFormAsync(id)).Value!;
        fresh.Position = "社区主任";
        (await Workers.UpdateAsync(fresh)).IsOk.ShouldBeTrue();

        stale.Position = "网格长";
        (await Workers.UpdateAsync(stale)).Status.ShouldBe(ResultStatus.Conflict);

        var entries = await EntriesAsync("Worker", id);
        entries.Count.ShouldBe(2);
        entries.ShouldNotContain(e => e.Changes.Values.Any(c => c.New == "网格长"));
    }

    [Fact]
    public async Task Linking_a_spouse_is_recorded_on_both_people()
    {
        var wife = await fixture.AddWorkerAsync("西街社区", Gender.Female);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var form = TestData.WorkerForm(await fixture.UnitIdAsync("东山社区"));
        form.SpouseId = wife.Id;

        var husband = await CreateWorkerAsync(form);

        (await EntriesAsync("Worker", husband)).ShouldHaveSingleItem().Changes["SpouseId"].New.ShouldBe(wife.Id.ToString());
        var wifeEntry = (await EntriesAsync("Worker", wife.Id)).ShouldHaveSingleItem();
        wifeEntry.Action.ShouldBe(AuditAction.Update);
        wifeEntry.Changes.Keys.ShouldBe(["SpouseId"]);
        wifeEntry.Changes["SpouseId"].ShouldBe(new AuditChange(null, husband.ToString()));
    }

    [Fact]
    public async Task Deployments_are_recorded_with_dates_as_days_and_deletions_keep_the_old_values()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区", userName: "orgdept");
        var deployments = fixture.Get<DeploymentService>();
        var id = (await deployments.SaveAsync(TestData.DeploymentForm(worker.Id, Today, null, place: "台州站出站口"))).Value;
        var version = (await deployments.GetFormAsync(id)).Value!.Version;

        (await deployments.DeleteAsync(id, version)).IsOk.ShouldBeTrue();

        var entries = await EntriesAsync(nameof(Deployment), id);
        entries.Select(e => e.Action).ShouldBe([AuditAction.Insert, AuditAction.Delete]);
        entries[0].Changes["StartDate"].ShouldBe(new AuditChange(null, "2026-11-23"));
        entries[0].Changes["WorkerId"].New.ShouldBe(worker.Id.ToString());
        entries[1].Changes["Place"].ShouldBe(new AuditChange("台州站出站口", null));
        entries[1].UserName.ShouldBe("orgdept");
    }

    [Fact]
    public async Task Created_and_updated_times_are_stamped_from_the_clock()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var id = await CreateWorkerAsync(TestData.WorkerForm(await fixture.UnitIdAsync("东山社区")));

        var saved = await fixture.ReloadWorkerAsync(id);

        saved.CreatedAt.ShouldBe(fixture.Clock.GetUtcNow());
        saved.UpdatedAt.ShouldBe(fixture.Clock.GetUtcNow());
    }
}
