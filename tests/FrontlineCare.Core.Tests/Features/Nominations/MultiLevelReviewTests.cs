using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;

namespace FrontlineCare.Core.Tests.Features.Nominations;

/// <summary>A profile that asks for two levels of review (its own database: the profile change would reach other tests).</summary>
public sealed class MultiLevelReviewTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private NominationService Service => fixture.Get<NominationService>();

    [Fact]
    public async Task Each_level_is_decided_by_a_supervisor_above_the_one_before()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await fixture.Get<PolicyProfileService>().ChangeAsync(new PolicyParameterForm
        {
            Profile = PolicyProfileCode.ZJ, Key = "F7.reviewLevels", Value = "2", EffectiveFrom = new DateTime(2026, 1, 1), Source = "测试：街道、区两级审核",
        })).IsOk.ShouldBeTrue();
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.AddDeploymentAsync(worker.Id, new DateOnly(2026, 2, 1), null);
        await fixture.UseAsync(Roles.UnitCommittee, "东山社区");
        var id = (await Service.SubmitAsync(new NominationForm
        {
            NomineeKind = NomineeKind.Individual, WorkerId = worker.Id, Year = 2026, Kind = AwardKind.TimelyCommendation, Deeds = "深夜转运密接人员。",
        }, [])).Value;

        await fixture.UseAsync(Roles.Supervisor, "海门街道");
        var first = (await Service.GetAsync(id)).Value!;
        (first.Level, first.RequiredLevels, first.CanReview).ShouldBe((1, 2, true));
        (await Service.DecideAsync(new NominationDecision(id, first.Version, DecisionKind.Approve, "街道审核同意"))).IsOk.ShouldBeTrue();
        var second = (await Service.GetAsync(id)).Value!;
        (second.Status, second.Level).ShouldBe((NominationStatus.InReview, 2));

        // Another supervisor of the same street is not the next level, nor is the one who approved level 1.
        await fixture.UseAsync(Roles.Supervisor, "海门街道");
        (await Service.DecideAsync(new NominationDecision(id, second.Version, DecisionKind.Approve, null))).ShouldBe(Result.Forbidden(Messages.NominationNotYourLevel));
        (await Service.ListAsync(new NominationQuery { ToReview = true })).Items.ShouldNotContain(i => i.Id == id);

        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Service.ListAsync(new NominationQuery { ToReview = true })).Items.ShouldContain(i => i.Id == id);
        (await Service.DecideAsync(new NominationDecision(id, second.Version, DecisionKind.Approve, "区级审核同意"))).IsOk.ShouldBeTrue();
        var done = (await Service.GetAsync(id)).Value!;
        done.Status.ShouldBe(NominationStatus.Approved);
        done.Steps.Where(s => s.Action == NominationAction.Approved).Select(s => (s.Level, s.UnitName)).ShouldBe([(1, "海门街道"), (2, "椒江区")]);
    }
}
