using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Insurance;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Insurance;

/// <summary>D3 / D4 on the real database (today 2026-11-23).</summary>
public sealed class InsuranceServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private InsuranceService Service => fixture.Get<InsuranceService>();

    private async Task<Guid> OnDutyAsync(Guid unitId, string name, WorkerCategory category, RiskClass risk)
    {
        var w = await fixture.AddWorkerAsync(unitId, name: name);
        var d = await fixture.AddDeploymentAsync(w.Id, Today.AddDays(-5), null);
        await using var db = fixture.NewContext();
        await db.Workers.Where(x => x.Id == w.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Category, category));
        await db.Deployments.Where(x => x.Id == d.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.RiskClass, risk));
        return w.Id;
    }

    [Fact]
    public async Task People_at_high_risk_posts_and_volunteers_on_duty_are_listed_until_a_policy_in_force_covers_them()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        var ward = await OnDutyAsync(unit.Id, "高风险甲", WorkerCategory.CommunityCadre, RiskClass.I);
        var volunteer = await OnDutyAsync(unit.Id, "志愿者乙", WorkerCategory.Volunteer, RiskClass.II);
        await OnDutyAsync(unit.Id, "普通丙", WorkerCategory.PartyCadre, RiskClass.II); // neither: never listed
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var missing = (await Service.UncoveredAsync(Today, unit.Id)).Value!;
        missing.Select(m => (m.FullName, m.Need)).ShouldBe([("高风险甲", InsuranceNeed.HighRiskPost), ("志愿者乙", InsuranceNeed.Volunteer)], ignoreOrder: true);

        var expired = (await Service.SavePolicyAsync(new InsurancePolicyForm
        {
            UnitId = unit.Id, Kind = InsuranceKind.Accident, Insurer = "中国人寿", PolicyNumber = TestData.Name("P"), StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 6, 30), SumInsured = 500_000m,
        })).Value;
        (await Service.CoverAsync(expired, [ward, volunteer])).Value.ShouldBe(2);
        (await Service.UncoveredAsync(Today, unit.Id)).Value!.Count.ShouldBe(2); // a policy out of force covers nobody today

        var current = (await Service.SavePolicyAsync(new InsurancePolicyForm
        {
            UnitId = unit.Id, Kind = InsuranceKind.VolunteerSpecial, Insurer = "太平洋财险", PolicyNumber = TestData.Name("V"), StartsOn = new DateOnly(2026, 11, 1), EndsOn = new DateOnly(2027, 4, 30), SumInsured = 200_000m,
        })).Value;
        (await Service.CoverAsync(current, [volunteer, volunteer])).Value.ShouldBe(1);
        (await Service.CoverAsync(current, [volunteer])).Value.ShouldBe(0); // already covered: skipped
        (await Service.UncoveredAsync(Today, unit.Id)).Value!.Select(m => m.WorkerId).ShouldBe([ward]);
        (await Service.PoliciesAsync()).Value!.Single(p => p.Id == current).ShouldSatisfyAllConditions(p => p.People.ShouldBe(1), p => p.InForceToday.ShouldBeTrue());
    }

    [Fact]
    public async Task Bad_policies_and_people_outside_the_policyholder_are_refused()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        var outsider = await fixture.AddWorkerAsync("白云社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Service.SavePolicyAsync(new InsurancePolicyForm { UnitId = unit.Id, Insurer = "人保", PolicyNumber = "X1", StartsOn = Today, EndsOn = Today.AddDays(-1), SumInsured = 0.001m }))
            .Errors.Select(e => e.Field).ShouldBe([nameof(InsurancePolicyForm.EndsOn), nameof(InsurancePolicyForm.SumInsured)], ignoreOrder: true);
        var number = TestData.Name("N");
        var form = new InsurancePolicyForm { UnitId = unit.Id, Insurer = "人保", PolicyNumber = number, StartsOn = Today, EndsOn = Today.AddDays(90), SumInsured = 100_000m };
        var id = (await Service.SavePolicyAsync(form)).Value;
        (await Service.SavePolicyAsync(form)).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(nameof(InsurancePolicyForm.PolicyNumber), Messages.InsuranceNumberTaken));
        (await Service.CoverAsync(id, [outsider.Id])).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.InsurancePersonOutside);

        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.CoveredAsync(id)).Status.ShouldBe(ResultStatus.NotFound);
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Service.PoliciesAsync()).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task A_one_time_performance_pay_increase_is_recorded_once_with_its_approval()
    {
        var hospital = await fixture.UnitIdAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var form = new PayIncreaseForm { UnitId = hospital, Year = 2026, Amount = 1_200_000m, ApprovedBy = "区人力社保局、区财政局", ApprovalNumber = "椒人社〔2026〕8号", ApprovedOn = new DateOnly(2026, 3, 1) };
        (await Service.RecordPayIncreaseAsync(form)).IsOk.ShouldBeTrue();
        (await Service.RecordPayIncreaseAsync(form)).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.PayIncreaseDuplicate);
        (await Service.RecordPayIncreaseAsync(new PayIncreaseForm { UnitId = hospital, Year = 2019, Amount = -1m, ApprovedBy = "x" })).Errors.Select(e => e.Field)
            .ShouldBe([nameof(PayIncreaseForm.Year), nameof(PayIncreaseForm.Amount), nameof(PayIncreaseForm.ApprovalNumber), nameof(PayIncreaseForm.ApprovedOn)], ignoreOrder: true);
        (await Service.PayIncreasesAsync()).Value!.Count(p => p.ApprovalNumber == "椒人社〔2026〕8号").ShouldBe(1);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.RecordPayIncreaseAsync(form)).Status.ShouldBe(ResultStatus.Forbidden);
    }
}
