using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Nominations;

/// <summary>The optional F6 link "记三等功 or higher ⇒ excellent that year" (own database: it changes the ZJ profile).</summary>
public sealed class MeritLinkTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private NominationService Service => fixture.Get<NominationService>();

    private async Task<Guid> ApprovedAsync(Guid workerId, AwardKind kind)
    {
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var id = (await Service.SubmitAsync(new NominationForm
        {
            NomineeKind = NomineeKind.Individual, WorkerId = workerId, Year = 2026, Kind = kind, Deeds = "负责方舱医院转运组",
        }, [])).Value;
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Service.DecideAsync(new NominationDecision(id, (await Service.GetAsync(id)).Value!.Version, DecisionKind.Approve, null))).IsOk.ShouldBeTrue();
        return id;
    }

    private async Task<FrontlineWorker> CivilServantAsync()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.AddDeploymentAsync(worker.Id, new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30));
        await using var db = fixture.NewContext();
        await db.Workers.Where(w => w.Id == worker.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.StaffCategory, StaffCategory.CivilServant));
        return worker;
    }

    private async Task<List<Nomination>> ExcellentOfAsync(Guid workerId)
    {
        await using var db = fixture.NewContext();
        return await db.Nominations.Where(n => n.WorkerId == workerId && n.Kind == AwardKind.AnnualEvaluationExcellent).ToListAsync();
    }

    [Fact]
    public async Task With_the_link_on_a_merit_makes_the_year_excellent_and_a_commendation_does_not()
    {
        var before = await CivilServantAsync();
        await ApprovedAsync(before.Id, AwardKind.ThirdClassMerit);
        (await ExcellentOfAsync(before.Id)).ShouldBeEmpty(); // off by default

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await fixture.Get<PolicyProfileService>().ChangeAsync(new PolicyParameterForm
        {
            Profile = PolicyProfileCode.ZJ, Key = "F6.meritImpliesExcellent", Value = "true", EffectiveFrom = new DateTime(2026, 1, 1), Source = "测试：武汉口径",
        })).IsOk.ShouldBeTrue();

        var merit = await CivilServantAsync();
        var meritId = await ApprovedAsync(merit.Id, AwardKind.ThirdClassMerit);
        var linked = (await ExcellentOfAsync(merit.Id)).ShouldHaveSingleItem();
        (linked.Status, linked.Year).ShouldBe((NominationStatus.Approved, 2026));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Service.GetAsync(linked.Id)).Value!.Steps.Last().Comment!.ShouldContain(meritId.ToString());

        var commended = await CivilServantAsync();
        await ApprovedAsync(commended.Id, AwardKind.Commendation);
        (await ExcellentOfAsync(commended.Id)).ShouldBeEmpty();
    }
}
