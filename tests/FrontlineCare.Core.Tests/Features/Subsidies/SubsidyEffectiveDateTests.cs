using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.Subsidies;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Subsidies;

/// <summary>
/// D1 sheets for months of 2020 on the real database: each day is paid with the parameters in force on it, so the aid-team
/// multiplier (国发明电〔2020〕5号, from 22 Feb 2020) is not paid before its day, and nothing is paid before the response began.
/// </summary>
public sealed class SubsidyEffectiveDateTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SubsidySheetService Service => fixture.Get<SubsidySheetService>();

    /// <summary>A medical worker at a tier I post of the given kind from 1 January 2020, with 8 hours of duty on each given day.</summary>
    private async Task<FrontlineWorker> OnDutyAsync(Guid unitId, string name, PostKind post, params DateOnly[] days)
    {
        var worker = await fixture.AddWorkerAsync(unitId, name: name);
        var deployment = await fixture.AddDeploymentAsync(worker.Id, new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 31));
        await using var db = fixture.NewContext();
        await db.Workers.Where(w => w.Id == worker.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.Category, WorkerCategory.MedicalWorker));
        await db.Deployments.Where(d => d.Id == deployment.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.RiskClass, RiskClass.I).SetProperty(d => d.PostKind, post));
        foreach (var day in days)
            db.DutyLogs.Add(new DutyLog { Id = Guid.CreateVersion7(), DeploymentId = deployment.Id, WorkerId = worker.Id, Day = day, Hours = 8 });
        await db.SaveChangesAsync();
        return worker;
    }

    private async Task<IReadOnlyList<SubsidyRowView>> SheetAsync(Guid unitId, DateOnly month)
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var generated = await Service.GenerateAsync(new SubsidySheetForm { UnitId = unitId, Month = month });
        generated.IsOk.ShouldBeTrue(string.Join(";", generated.Errors.Select(e => e.Message)) + generated.Message);
        return (await Service.RowsAsync(generated.Value, null, 0, 50)).Value!.Items;
    }

    [Fact]
    public async Task An_aid_team_is_paid_once_the_tier_on_21_February_2020_and_double_from_22_February()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        await OnDutyAsync(unit.Id, "援鄂甲", PostKind.MedicalAidTeam, new(2020, 2, 20), new(2020, 2, 21), new(2020, 2, 22), new(2020, 2, 23));

        var row = (await SheetAsync(unit.Id, new DateOnly(2020, 2, 1))).ShouldHaveSingleItem();

        // 20–21 Feb: 2 × 300 × 100% = 600; 22–23 Feb: 2 × 300 × 200% = 1,200 (citing 国发明电〔2020〕5号).
        row.Lines.Select(l => (l.Days, l.Rate, l.MultiplierPercent, l.Amount)).OrderBy(l => l.MultiplierPercent)
            .ShouldBe([(2m, 300m, 100, 600m), (2m, 300m, 200, 1200m)]);
        row.Lines.Single(l => l.MultiplierPercent == 200).Source.ShouldContain("国发明电〔2020〕5号");
        row.Lines.Single(l => l.MultiplierPercent == 100).Source.ShouldNotContain("×200%");
        row.Total.ShouldBe(1800m);
    }

    [Fact]
    public async Task Duty_before_the_response_began_on_23_January_2020_is_not_paid()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        await OnDutyAsync(unit.Id, "早岗乙", PostKind.DesignatedHospital, new(2020, 1, 21), new(2020, 1, 22), new(2020, 1, 23), new(2020, 1, 24));

        var row = (await SheetAsync(unit.Id, new DateOnly(2020, 1, 1))).ShouldHaveSingleItem();

        // Only 23 and 24 January: 2 × 300.
        row.Lines.Select(l => (l.Kind, l.Days, l.Rate, l.MultiplierPercent, l.Amount)).ShouldBe([(SubsidyKind.TierI, 2m, 300m, 100, 600m)]);
        row.Total.ShouldBe(600m);
    }
}
