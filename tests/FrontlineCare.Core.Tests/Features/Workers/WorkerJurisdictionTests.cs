using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using static FrontlineCare.Core.Tests.Support.Outcome;

namespace FrontlineCare.Core.Tests.Features.Workers;

/// <summary>
/// Who may do what with a worker, by role and by where the worker is. Each row: the caller's role, their home
/// unit, the unit of the worker (东山社区 is in 海门街道, 白云社区 in 白云街道, both in 椒江区; 府山街道 is in 绍兴市),
/// and the outcome.
/// </summary>
public sealed class WorkerJurisdictionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private WorkerService Service => fixture.Get<WorkerService>();

    /// <summary>Registering a new worker in a unit: a unit outside the jurisdiction is a field error on UnitId.</summary>
    public static TheoryData<string, string, string, string> Creates => new()
    {
        { Roles.OrgDepartment, "椒江区", "东山社区", Ok },
        { Roles.OrgDepartment, "椒江区", "白云社区", Ok },
        { Roles.OrgDepartment, "椒江区", "府山街道", UnitOutsideJurisdiction },
        { Roles.UnitCommittee, "海门街道", "东山社区", Ok },
        { Roles.UnitCommittee, "海门街道", "白云社区", UnitOutsideJurisdiction },
        { Roles.UnitCommittee, "海门街道", "府山街道", UnitOutsideJurisdiction },
        { Roles.Supervisor, "椒江区", "东山社区", ReadOnlyRole },
        { Roles.Admin, "浙江省", "东山社区", ReadOnlyRole },
    };

    [Theory]
    [MemberData(nameof(JurisdictionMatrix.Reads), MemberType = typeof(JurisdictionMatrix))]
    public async Task A_worker_appears_in_the_list_only_within_the_callers_jurisdiction(string role, string home, string unit, string expected)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        await fixture.UseAsync(role, home);

        var page = await Service.ListAsync(new WorkerQuery { Search = worker.FullName });

        page.IsOk.ShouldBeTrue();
        page.Value!.Items.Any(i => i.Id == worker.Id).ShouldBe(expected == Ok);
    }

    [Theory]
    [MemberData(nameof(JurisdictionMatrix.Reads), MemberType = typeof(JurisdictionMatrix))]
    public async Task A_worker_is_exported_only_within_the_callers_jurisdiction(string role, string home, string unit, string expected)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        await fixture.UseAsync(role, home);

        var rows = await Service.ExportAsync(new WorkerQuery { Search = worker.FullName }).CollectAsync();

        rows.Any(i => i.Id == worker.Id).ShouldBe(expected == Ok);
    }

    [Theory]
    [MemberData(nameof(JurisdictionMatrix.Reads), MemberType = typeof(JurisdictionMatrix))]
    public async Task A_workers_detail_opens_only_within_the_callers_jurisdiction(string role, string home, string unit, string expected)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        await fixture.UseAsync(role, home);

        var result = await Service.GetAsync(worker.Id);

        result.ShouldHaveOutcome(expected);
        if (expected == Ok) result.Value!.FullName.ShouldBe(worker.FullName);
        else result.Value.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(JurisdictionMatrix.Reads), MemberType = typeof(JurisdictionMatrix))]
    public async Task A_workers_edit_form_opens_only_within_the_callers_jurisdiction(string role, string home, string unit, string expected)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        await fixture.UseAsync(role, home);

        var result = await Service.GetFormAsync(worker.Id);

        result.ShouldHaveOutcome(expected);
        if (expected != Ok) result.Value.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(JurisdictionMatrix.Reads), MemberType = typeof(JurisdictionMatrix))]
    public async Task A_workers_history_opens_only_within_the_callers_jurisdiction(string role, string home, string unit, string expected)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        await fixture.UseAsync(role, home);

        var result = await Service.HistoryAsync(worker.Id);

        result.ShouldHaveOutcome(expected);
        if (expected != Ok) result.Value.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task A_worker_can_be_registered_only_by_an_editing_role_in_a_unit_of_its_jurisdiction(string role, string home, string unit, string expected)
    {
        var form = TestData.WorkerForm(await fixture.UnitIdAsync(unit));
        await fixture.UseAsync(role, home);

        var result = await Service.CreateAsync(form);

        result.ShouldHaveOutcome(expected);
        await using var db = fixture.NewContext();
        db.Workers.Any(w => w.NationalId == form.NationalId).ShouldBe(expected == Ok);
    }

    [Theory]
    [MemberData(nameof(JurisdictionMatrix.Edits), MemberType = typeof(JurisdictionMatrix))]
    public async Task A_worker_can_be_changed_only_by_an_editing_role_within_its_jurisdiction(string role, string home, string unit, string expected)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        await fixture.UseAsync(role, home);
        var form = new WorkerForm
        {
            Id = worker.Id,
            Version = worker.Version,
            FullName = worker.FullName + "改",
            Gender = worker.Gender,
            Mobile = worker.Mobile,
            UnitId = worker.UnitId,
            Category = worker.Category,
            PoliticalStatus = worker.PoliticalStatus,
            StaffCategory = worker.StaffCategory,
        };

        var result = await Service.UpdateAsync(form);

        result.ShouldHaveOutcome(expected);
        (await fixture.ReloadWorkerAsync(worker.Id)).FullName.ShouldBe(expected == Ok ? worker.FullName + "改" : worker.FullName);
    }

    [Fact]
    public async Task The_unit_committee_lists_only_workers_of_its_own_street()
    {
        await fixture.AddWorkerAsync("东山社区");
        await fixture.AddWorkerAsync("白云社区");
        var street = await fixture.SubtreeAsync("海门街道");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var page = (await Service.ListAsync(new WorkerQuery { PageSize = WorkerService.MaxPageSize })).Value!;

        page.Items.ShouldNotBeEmpty();
        page.TotalCount!.Value.ShouldBeLessThanOrEqualTo(WorkerService.MaxPageSize, "the whole street fits on one page");
        page.Items.ShouldAllBe(i => street.Contains(i.UnitId));
        await using var db = fixture.NewContext();
        page.TotalCount.ShouldBe(db.Workers.Count(w => street.Contains(w.UnitId)));
    }

    [Fact]
    public async Task The_unit_committee_cannot_filter_the_list_by_a_unit_outside_its_street()
    {
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var result = await Service.ListAsync(new WorkerQuery { UnitId = await fixture.UnitIdAsync("白云街道") });

        result.ShouldHaveOutcome(NotFound);
    }

    [Fact]
    public async Task The_unit_committee_cannot_move_its_worker_out_to_another_street()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = (await Service.GetFormAsync(worker.Id)).Value!;
        form.UnitId = await fixture.UnitIdAsync("白云社区");

        var result = await Service.UpdateAsync(form);

        result.ShouldHaveOutcome(UnitOutsideJurisdiction);
        (await fixture.ReloadWorkerAsync(worker.Id)).UnitId.ShouldBe(worker.UnitId);
    }

    [Fact]
    public async Task The_unit_committee_cannot_move_a_worker_of_another_street_in()
    {
        var worker = await fixture.AddWorkerAsync("白云社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = new WorkerForm
        {
            Id = worker.Id,
            Version = worker.Version,
            FullName = worker.FullName,
            Gender = worker.Gender,
            Mobile = worker.Mobile,
            UnitId = await fixture.UnitIdAsync("东山社区"),
            Category = worker.Category,
            PoliticalStatus = worker.PoliticalStatus,
            StaffCategory = worker.StaffCategory,
        };

        var result = await Service.UpdateAsync(form);

        result.ShouldHaveOutcome(NotFound);
        (await fixture.ReloadWorkerAsync(worker.Id)).UnitId.ShouldBe(worker.UnitId);
    }

    [Fact]
    public async Task The_unit_committee_may_move_a_worker_between_communities_of_its_street()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = (await Service.GetFormAsync(worker.Id)).Value!;
        form.UnitId = await fixture.UnitIdAsync("西街社区");

        (await Service.UpdateAsync(form)).ShouldHaveOutcome(Ok);

        (await fixture.ReloadWorkerAsync(worker.Id)).UnitId.ShouldBe(form.UnitId!.Value);
    }

    [Fact]
    public async Task The_county_organisation_department_cannot_read_a_worker_of_another_city()
    {
        var worker = await fixture.AddWorkerAsync("府山街道");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        (await Service.GetAsync(worker.Id)).ShouldHaveOutcome(NotFound);
        (await Service.ListAsync(new WorkerQuery { Search = worker.NationalId })).Value!.Items.ShouldBeEmpty();
        (await Service.ListAsync(new WorkerQuery { UnitId = await fixture.UnitIdAsync("绍兴市") })).Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task A_caller_without_a_home_unit_sees_no_one()
    {
        await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        fixture.User.HomeUnitId = Guid.NewGuid(); // the home unit was deleted

        var page = (await Service.ListAsync(new WorkerQuery())).Value!;

        page.Items.ShouldBeEmpty();
        page.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_worker_is_not_found_rather_than_forbidden()
    {
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        (await Service.GetAsync(Guid.NewGuid())).Status.ShouldBe(ResultStatus.NotFound);
        (await Service.HistoryAsync(Guid.NewGuid())).Status.ShouldBe(ResultStatus.NotFound);
    }
}
