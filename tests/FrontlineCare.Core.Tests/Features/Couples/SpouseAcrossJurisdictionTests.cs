using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Couples;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Home;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Couples;

/// <summary>
/// A6 across jurisdictions (issue #14): a couple in 东山社区 (海门街道) and 白云社区 (白云街道), both under 椒江区. Neither
/// street's committee may read the other's person, so nothing about the other side reaches them — not in a warning, an
/// error, a detail or a list — and no save of theirs writes the other's row; the 椒江区 organisation department links and
/// unlinks them on the committees' request.
/// </summary>
public sealed class SpouseAcrossJurisdictionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private WorkerService Workers => fixture.Get<WorkerService>();
    private SpouseLinkService Links => fixture.Get<SpouseLinkService>();

    private async Task<(FrontlineWorker Husband, FrontlineWorker Wife)> CoupleAcrossStreetsAsync()
    {
        var husband = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var wife = await fixture.AddWorkerAsync("白云社区", Gender.Female);
        await fixture.MarryAsync(husband.Id, wife.Id);
        return (husband, wife);
    }

    [Fact]
    public async Task The_A6_warning_names_no_spouse_outside_the_jurisdiction_but_still_fires()
    {
        var (husband, wife) = await CoupleAcrossStreetsAsync();
        await fixture.AddDeploymentAsync(wife.Id, Today.AddDays(-3), null, "白云街道方舱医院");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var result = await fixture.Get<DeploymentService>().SaveAsync(TestData.DeploymentForm(husband.Id, Today, Today.AddDays(10)));

        result.Status.ShouldBe(ResultStatus.NeedsConfirmation);
        result.Message.ShouldBe(Messages.SpouseDeployedOutsideWarning);
        result.Message!.ShouldNotContain(wife.FullName);
        result.Message!.ShouldNotContain("白云街道方舱医院");
    }

    [Fact]
    public async Task The_A6_warning_names_the_spouse_for_whom_may_read_both()
    {
        var (husband, wife) = await CoupleAcrossStreetsAsync();
        await fixture.AddDeploymentAsync(wife.Id, Today.AddDays(-3), null, "白云街道方舱医院");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var result = await fixture.Get<DeploymentService>().SaveAsync(TestData.DeploymentForm(husband.Id, Today, Today.AddDays(10)));

        result.Status.ShouldBe(ResultStatus.NeedsConfirmation);
        result.Message!.ShouldContain(wife.FullName);
        result.Message!.ShouldContain("白云街道方舱医院");
    }

    [Fact]
    public async Task A_workers_detail_says_only_that_the_spouse_is_outside()
    {
        var (husband, wife) = await CoupleAcrossStreetsAsync();
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var detail = (await Workers.GetAsync(husband.Id)).Value!;
        var form = (await Workers.GetFormAsync(husband.Id)).Value!;

        detail.SpouseId.ShouldBeNull();
        detail.SpouseName.ShouldBeNull();
        detail.SpouseOutsideJurisdiction.ShouldBeTrue();
        form.SpouseId.ShouldBeNull();
        (await Workers.HistoryAsync(husband.Id)).Value!.SelectMany(e => e.Changes)
            .ShouldNotContain(c => c.New == wife.Id.ToString() || c.Old == wife.Id.ToString());
    }

    [Fact]
    public async Task Saving_the_own_worker_never_writes_the_outside_spouses_row()
    {
        var (husband, wife) = await CoupleAcrossStreetsAsync();
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        uint wifeVersion;
        await using (var db = fixture.NewContext()) wifeVersion = (await db.Workers.SingleAsync(w => w.Id == wife.Id)).Version;

        var form = (await Workers.GetFormAsync(husband.Id)).Value!;
        form.Position = "网格长";
        form.SpouseId.ShouldBeNull();
        (await Workers.UpdateAsync(form)).Status.ShouldBe(ResultStatus.Ok);

        (await fixture.ReloadWorkerAsync(husband.Id)).SpouseId.ShouldBe(wife.Id);
        var reloadedWife = await fixture.ReloadWorkerAsync(wife.Id);
        reloadedWife.SpouseId.ShouldBe(husband.Id);
        reloadedWife.Version.ShouldBe(wifeVersion);
        await using var check = fixture.NewContext();
        (await check.AuditEntries.CountAsync(a => a.WorkerId == wife.Id && a.UserId == fixture.CurrentUserId())).ShouldBe(0);
    }

    [Fact]
    public async Task Another_spouse_cannot_replace_an_outside_one_in_the_form()
    {
        var (husband, _) = await CoupleAcrossStreetsAsync();
        var other = await fixture.AddWorkerAsync("东山社区", Gender.Female);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var form = (await Workers.GetFormAsync(husband.Id)).Value!;
        form.SpouseId = other.Id;
        var result = await Workers.UpdateAsync(form);

        result.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(nameof(WorkerForm.SpouseId), Messages.SpouseOutsideLinked));
        (await fixture.ReloadWorkerAsync(other.Id)).SpouseId.ShouldBeNull();
    }

    [Fact]
    public async Task A_link_request_answers_the_same_whether_or_not_the_number_is_registered()
    {
        var husband = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var other = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var wife = await fixture.AddWorkerAsync("白云社区", Gender.Female);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var registered = await Links.RequestAsync(new SpouseLinkForm { WorkerId = husband.Id, Kind = SpouseLinkKind.Link, SpouseNationalId = wife.NationalId });
        var unknown = await Links.RequestAsync(new SpouseLinkForm { WorkerId = other.Id, Kind = SpouseLinkKind.Link, SpouseNationalId = TestData.NationalId(Gender.Female) });

        registered.Status.ShouldBe(ResultStatus.Ok);
        unknown.Status.ShouldBe(ResultStatus.Ok);
        var mine = await Links.ListAsync();
        var item = mine.Single(i => i.Id == registered.Value);
        item.SpouseId.ShouldBeNull();
        item.SpouseName.ShouldBeNull();
        item.SpouseNationalId.ShouldNotBe(wife.NationalId, "the committee sees the number it typed masked, like every ID");
        item.CanDecide.ShouldBeFalse();
        (await fixture.ReloadWorkerAsync(husband.Id)).SpouseId.ShouldBeNull();
    }

    [Fact]
    public async Task A_spouse_within_the_jurisdiction_is_linked_on_the_record_not_by_request()
    {
        var husband = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var wife = await fixture.AddWorkerAsync("东山社区", Gender.Female);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var result = await Links.RequestAsync(new SpouseLinkForm { WorkerId = husband.Id, Kind = SpouseLinkKind.Link, SpouseNationalId = wife.NationalId });

        result.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(nameof(SpouseLinkForm.SpouseNationalId), Messages.SpouseLinkInsideJurisdiction));
    }

    [Fact]
    public async Task The_organisation_department_over_both_confirms_and_both_committees_see_it_for_their_own_person()
    {
        var husband = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var wife = await fixture.AddWorkerAsync("白云社区", Gender.Female);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var id = (await Links.RequestAsync(new SpouseLinkForm { WorkerId = husband.Id, Kind = SpouseLinkKind.Link, SpouseNationalId = wife.NationalId, Note = "夫妻" })).Value;

        // The committee cannot decide its own request; the other street's committee does not even see it yet.
        var pending = (await Links.ListAsync()).Single(i => i.Id == id);
        (await Links.DecideAsync(new SpouseLinkDecision { RequestId = id, Version = pending.Version, Confirm = true })).Status.ShouldBe(ResultStatus.Forbidden);
        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Links.ListAsync()).ShouldNotContain(i => i.Id == id);

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var seen = (await Links.ListAsync()).Single(i => i.Id == id);
        seen.CanDecide.ShouldBeTrue();
        seen.SpouseName.ShouldBe(wife.FullName);
        (await Links.DecideAsync(new SpouseLinkDecision { RequestId = id, Version = seen.Version, Confirm = true })).Status.ShouldBe(ResultStatus.Ok);

        (await fixture.ReloadWorkerAsync(husband.Id)).SpouseId.ShouldBe(wife.Id);
        (await fixture.ReloadWorkerAsync(wife.Id)).SpouseId.ShouldBe(husband.Id);

        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        var told = (await Links.ListAsync()).Single(i => i.Id == id);
        told.Status.ShouldBe(SpouseLinkStatus.Confirmed);
        told.SpouseName.ShouldBe(wife.FullName);
        told.WorkerId.ShouldBeNull();
        told.WorkerName.ShouldBeNull();
        told.Note.ShouldBeNull();
        told.RequestedBy.ShouldBeNull();
        (await fixture.Get<HomeService>().SummaryAsync()).SpouseLinksAttention.ShouldBeGreaterThan(0);

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var mine = (await Links.ListAsync()).Single(i => i.Id == id);
        mine.Status.ShouldBe(SpouseLinkStatus.Confirmed);
        mine.SpouseName.ShouldBeNull();
        mine.WorkerName.ShouldBe(husband.FullName);
    }

    [Fact]
    public async Task An_organisation_department_that_holds_only_one_side_cannot_confirm()
    {
        var husband = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var wife = await fixture.AddWorkerAsync("府山街道", Gender.Female);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var id = (await Links.RequestAsync(new SpouseLinkForm { WorkerId = husband.Id, Kind = SpouseLinkKind.Link, SpouseNationalId = wife.NationalId })).Value;

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var item = (await Links.ListAsync()).Single(i => i.Id == id);
        item.CanDecide.ShouldBeFalse();
        item.SpouseName.ShouldBeNull();
        var result = await Links.DecideAsync(new SpouseLinkDecision { RequestId = id, Version = item.Version, Confirm = true });

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Message.ShouldBe(Messages.SpouseLinkCannotDecide);
        (await fixture.ReloadWorkerAsync(wife.Id)).SpouseId.ShouldBeNull();
        // It may still refuse, with a reason.
        (await Links.DecideAsync(new SpouseLinkDecision { RequestId = id, Version = item.Version, Confirm = false, Note = "  " })).Errors
            .ShouldHaveSingleItem().Field.ShouldBe(nameof(SpouseLinkDecision.Note));
        (await Links.DecideAsync(new SpouseLinkDecision { RequestId = id, Version = item.Version, Confirm = false, Note = "不是配偶" })).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task A_confirmed_couple_across_units_is_unlinked_by_request_too()
    {
        var (husband, wife) = await CoupleAcrossStreetsAsync();
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Links.RequestAsync(new SpouseLinkForm { WorkerId = husband.Id, Kind = SpouseLinkKind.Unlink })).Errors
            .ShouldHaveSingleItem().Field.ShouldBe(nameof(SpouseLinkForm.Note));
        var id = (await Links.RequestAsync(new SpouseLinkForm { WorkerId = husband.Id, Kind = SpouseLinkKind.Unlink, Note = "已离婚" })).Value;
        (await Links.RequestAsync(new SpouseLinkForm { WorkerId = husband.Id, Kind = SpouseLinkKind.Unlink, Note = "再次" })).Status
            .ShouldBe(ResultStatus.Conflict);
        (await fixture.ReloadWorkerAsync(husband.Id)).SpouseId.ShouldBe(wife.Id);

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var item = (await Links.ListAsync()).Single(i => i.Id == id);
        item.SpouseName.ShouldBe(wife.FullName);
        (await Links.DecideAsync(new SpouseLinkDecision { RequestId = id, Version = item.Version, Confirm = true })).IsOk.ShouldBeTrue();

        (await fixture.ReloadWorkerAsync(husband.Id)).SpouseId.ShouldBeNull();
        (await fixture.ReloadWorkerAsync(wife.Id)).SpouseId.ShouldBeNull();
    }

    [Fact]
    public async Task A_pending_request_is_withdrawn_by_its_unit_and_then_cannot_be_decided()
    {
        var husband = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var wife = await fixture.AddWorkerAsync("白云社区", Gender.Female);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var id = (await Links.RequestAsync(new SpouseLinkForm { WorkerId = husband.Id, Kind = SpouseLinkKind.Link, SpouseNationalId = wife.NationalId })).Value;
        var item = (await Links.ListAsync()).Single(i => i.Id == id);
        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Links.WithdrawAsync(id, item.Version)).Status.ShouldBe(ResultStatus.NotFound);

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Links.WithdrawAsync(id, item.Version)).IsOk.ShouldBeTrue();

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var after = (await Links.ListAsync()).Single(i => i.Id == id);
        (await Links.DecideAsync(new SpouseLinkDecision { RequestId = id, Version = after.Version, Confirm = true })).Message
            .ShouldBe(Messages.SpouseLinkNotPending);
        (await fixture.ReloadWorkerAsync(husband.Id)).SpouseId.ShouldBeNull();
    }

    [Fact]
    public async Task The_home_page_counts_a_couple_across_units_without_naming_the_other()
    {
        var (husband, wife) = await CoupleAcrossStreetsAsync();
        await fixture.AddDeploymentAsync(husband.Id, Today.AddDays(-1), null);
        await fixture.AddDeploymentAsync(wife.Id, Today.AddDays(-1), null);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var couple = (await fixture.Get<HomeService>().SummaryAsync()).CouplesDeployed.Single(c => c.WorkerId == husband.Id);

        couple.SpouseId.ShouldBeNull();
        couple.SpouseName.ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.Supervisor, "椒江区")]
    [InlineData(Roles.Admin, "浙江省")]
    public async Task Reviewers_and_admin_neither_see_nor_make_nor_decide_spouse_link_requests(string role, string home)
    {
        var husband = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var wife = await fixture.AddWorkerAsync("白云社区", Gender.Female);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var id = (await Links.RequestAsync(new SpouseLinkForm { WorkerId = husband.Id, Kind = SpouseLinkKind.Link, SpouseNationalId = wife.NationalId })).Value;
        var version = (await Links.ListAsync()).Single(i => i.Id == id).Version;
        await fixture.UseAsync(role, home);

        (await Links.ListAsync()).ShouldBeEmpty();
        (await Links.RequestAsync(new SpouseLinkForm { WorkerId = wife.Id, Kind = SpouseLinkKind.Link, SpouseNationalId = husband.NationalId })).Status
            .ShouldBe(ResultStatus.Forbidden);
        (await Links.DecideAsync(new SpouseLinkDecision { RequestId = id, Version = version, Confirm = true })).Status.ShouldBe(ResultStatus.Forbidden);
        (await Links.WithdrawAsync(id, version)).Status.ShouldBe(ResultStatus.Forbidden);
        (await fixture.ReloadWorkerAsync(husband.Id)).SpouseId.ShouldBeNull();
    }

    [Fact]
    public async Task Registering_a_number_held_outside_the_jurisdiction_names_nothing()
    {
        var outside = await fixture.AddWorkerAsync("府山街道");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = TestData.WorkerForm(await fixture.UnitIdAsync("东山社区"));
        form.NationalId = outside.NationalId;
        form.Gender = outside.Gender;

        var error = (await Workers.CreateAsync(form)).Errors.ShouldHaveSingleItem();

        error.ShouldBe(new FieldError(nameof(WorkerForm.NationalId), Messages.NationalIdNotRegistrable));
        error.Message.ShouldNotContain(outside.FullName);
    }
}
