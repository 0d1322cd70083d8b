using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.Subsidies;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Subsidies;

/// <summary>D1/D2 sheets on the real database. The fixture's today is 2026-11-23; the sheets are for October 2026.</summary>
public sealed class SubsidySheetServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private SubsidySheetService Service => fixture.Get<SubsidySheetService>();

    /// <summary>A medical worker (or another category) of the unit deployed all autumn at a post of the given tier, with duty on the given October days.</summary>
    private async Task<(FrontlineWorker Worker, Deployment Deployment)> OnDutyAsync(
        Guid unitId, string name, WorkerCategory category, RiskClass tier, PostKind post, params (int Day, decimal Hours)[] duty)
    {
        var worker = await fixture.AddWorkerAsync(unitId, name: name);
        var deployment = await fixture.AddDeploymentAsync(worker.Id, new DateOnly(2026, 9, 1), null);
        await using var db = fixture.NewContext();
        await db.Workers.Where(w => w.Id == worker.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.Category, category));
        await db.Deployments.Where(d => d.Id == deployment.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.RiskClass, tier).SetProperty(d => d.PostKind, post));
        foreach (var (day, hours) in duty)
            db.DutyLogs.Add(new DutyLog { Id = Guid.CreateVersion7(), DeploymentId = deployment.Id, WorkerId = worker.Id, Day = new DateOnly(2026, 10, day), Hours = hours });
        await db.SaveChangesAsync();
        return (worker, deployment);
    }

    private async Task<Unit> CommunityAsync(PolicyProfileCode? profile = null)
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        if (profile is { } p)
        {
            await using var db = fixture.NewContext();
            await db.Units.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ProfileOverride, p));
        }
        return unit;
    }

    [Fact]
    public async Task A_month_s_sheet_pays_each_person_by_tier_day_and_multiplier_and_its_totals_reconcile_to_the_fen()
    {
        var unit = await CommunityAsync();
        var ward = await OnDutyAsync(unit.Id, "医护甲", WorkerCategory.MedicalWorker, RiskClass.I, PostKind.DesignatedHospital, (1, 8), (2, 8), (3, 12), (31, 3));
        var aid = await OnDutyAsync(unit.Id, "医护乙", WorkerCategory.MedicalWorker, RiskClass.I, PostKind.MedicalAidTeam, (10, 8), (11, 8));
        var cadre = await OnDutyAsync(unit.Id, "社区丙", WorkerCategory.CommunityCadre, RiskClass.II, PostKind.Community, (5, 8));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var id = (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = new DateOnly(2026, 10, 17) })).Value;
        var view = (await Service.GetAsync(id)).Value!;
        // 医护甲: 3.5 days × 300 = 1,050.00; 医护乙: 2 days × 300 × 200% = 1,200.00; 社区丙: no top-up set in ZJ → not on the sheet.
        (view.Sheet.Month, view.Sheet.Status, view.Sheet.People, view.Sheet.Total).ShouldBe((October, SubsidySheetStatus.Draft, 2, 2250.00m));
        view.Totals.ShouldHaveSingleItem().ShouldBe(new SubsidyKindTotal(SubsidyKind.TierI, 5.5m, 2250.00m));

        var rows = (await Service.RowsAsync(id, null, 0, 50)).Value!;
        rows.Items.Select(r => (r.FullName, r.Total)).ShouldBe([("医护甲", 1050.00m), ("医护乙", 1200.00m)]);
        rows.Items.ShouldNotContain(r => r.WorkerId == cadre.Worker.Id);
        rows.Items[0].NationalIdMasked.ShouldContain("**********");
        rows.Items[1].Lines.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            l => (l.Days, l.Rate, l.MultiplierPercent, l.Amount).ShouldBe((2m, 300m, 200, 1200m)),
            l => l.Source.ShouldContain("国发明电〔2020〕5号"));

        var export = await Service.ExportAsync(id).ToListAsync();
        export.Sum(r => r.Total).ShouldBe(view.Sheet.Total);
        export.ShouldAllBe(r => r.TierIAmount + r.TierIIAmount + r.TopUpAmount + r.Meal + r.Allowance + r.Adjustment == r.Total);
        (export[0].Number, export[0].TierIDays).ShouldBe((1, 3.5m));

        await using var db = fixture.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Entity == "SubsidySheet" && a.EntityKey == id.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task A_rate_change_mid_month_pays_each_part_at_its_own_rate()
    {
        var unit = await CommunityAsync(PolicyProfileCode.QN);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var change = await fixture.Get<FrontlineCare.Core.Features.PolicyProfiles.PolicyProfileService>().ChangeAsync(new()
        {
            Profile = PolicyProfileCode.QN, Key = "D1.tierIIYuan", Value = "250", EffectiveFrom = new DateTime(2026, 10, 16), Source = "测试：10月16日起提高二档标准",
        });
        change.IsOk.ShouldBeTrue(string.Join(";", change.Errors.Select(e => e.Message)) + change.Message);
        await OnDutyAsync(unit.Id, "跨期丁", WorkerCategory.MedicalWorker, RiskClass.II, PostKind.Checkpoint, (14, 8), (15, 8), (16, 8), (17, 2));

        var id = (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = October })).Value;
        var row = (await Service.RowsAsync(id, null, 0, 10)).Value!.Items.Single();
        // 14–15 Oct: 2 × 200; 16 Oct whole and 17 Oct half: 1.5 × 250 → 400 + 375 = 775.00
        row.Lines.Select(l => (l.Days, l.Rate, l.Amount)).ShouldBe([(2m, 200m, 400m), (1.5m, 250m, 375m)]);
        row.Total.ShouldBe(775.00m);
    }

    [Fact]
    public async Task Two_posts_on_one_day_make_one_day_at_the_higher_tier_and_the_day_s_hours_decide_half_or_whole()
    {
        var unit = await CommunityAsync();
        // 双岗戊: 6 Oct 3 h at a tier II post and 3 h at a tier I post → one whole day (6 h) at tier I; 7 Oct 3 h → half a day at
        // tier II. A person's deployments never overlap, but a log outlives a later correction of its deployment's dates:
        // the tier I deployment now starts on 8 Oct, and its log of 6 Oct still counts, once.
        var (worker, first) = await OnDutyAsync(unit.Id, "双岗戊", WorkerCategory.MedicalWorker, RiskClass.II, PostKind.Checkpoint, (6, 3), (7, 3));
        await using (var db = fixture.NewContext())
            await db.Deployments.Where(d => d.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.EndDate, new DateOnly(2026, 10, 7)));
        var ward = await fixture.AddDeploymentAsync(worker.Id, new DateOnly(2026, 10, 8), null, "定点医院");
        await using (var db = fixture.NewContext())
        {
            await db.Deployments.Where(d => d.Id == ward.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.RiskClass, RiskClass.I));
            db.DutyLogs.Add(new DutyLog { Id = Guid.CreateVersion7(), DeploymentId = ward.Id, WorkerId = worker.Id, Day = new DateOnly(2026, 10, 6), Hours = 3 });
            await db.SaveChangesAsync();
        }
        // 单岗己, one tier I post: 6 Oct 3 h half, 7 Oct 5 h whole, 8 Oct 12 h whole.
        await OnDutyAsync(unit.Id, "单岗己", WorkerCategory.MedicalWorker, RiskClass.I, PostKind.DesignatedHospital, (6, 3), (7, 5), (8, 12));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var id = (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = October })).Value;
        var rows = (await Service.RowsAsync(id, null, 0, 10)).Value!.Items;
        rows.Single(r => r.FullName == "双岗戊").Lines.Select(l => (l.Kind, l.Days, l.Amount))
            .ShouldBe([(SubsidyKind.TierI, 1m, 300m), (SubsidyKind.TierII, 0.5m, 100m)]);
        rows.Single(r => r.FullName == "单岗己").Lines.Select(l => (l.Kind, l.Days, l.Amount)).ShouldBe([(SubsidyKind.TierI, 2.5m, 750m)]);
    }

    [Fact]
    public async Task An_approved_month_is_frozen_and_a_later_change_is_paid_as_an_adjustment_on_the_next_sheet()
    {
        var unit = await CommunityAsync();
        var (worker, deployment) = await OnDutyAsync(unit.Id, "补记戊", WorkerCategory.MedicalWorker, RiskClass.I, PostKind.DesignatedHospital, (6, 8), (7, 8));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var id = (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = October })).Value;
        var version = (await Service.GetAsync(id)).Value!.Sheet.Version;
        (await Service.ApproveAsync(id, version)).Status.ShouldBe(ResultStatus.Conflict); // must be checked first
        (await Service.CheckAsync(id, version)).IsOk.ShouldBeTrue();
        (await Service.CheckAsync(id, version)).Status.ShouldBe(ResultStatus.Conflict); // stale version
        (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = October })).Errors.ShouldHaveSingleItem()
            .Message.ShouldBe(Messages.SubsidyMonthChecked);
        (await Service.ApproveAsync(id, (await Service.GetAsync(id)).Value!.Sheet.Version)).IsOk.ShouldBeTrue();

        // A forgotten October day is logged afterwards, through the audited path every page uses.
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var db = await fixture.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.DutyLogs.Add(new DutyLog { Id = Guid.CreateVersion7(), DeploymentId = deployment.Id, WorkerId = worker.Id, Day = new DateOnly(2026, 10, 8), Hours = 8 });
            await db.SaveChangesAsync();
        }
        (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = October })).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError(nameof(SubsidySheetForm.Month), Messages.SubsidyMonthApproved));
        (await Service.GetAsync(id)).Value!.Sheet.Total.ShouldBe(600.00m); // frozen

        var november = (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = new DateOnly(2026, 11, 1) })).Value;
        var adjustment = (await Service.RowsAsync(november, null, 0, 10)).Value!.Items.Single().Lines.Single(l => l.Kind == SubsidyKind.Adjustment);
        (adjustment.AdjustsMonth, adjustment.Recomputed, adjustment.Paid, adjustment.Amount).ShouldBe((October, 900.00m, 600.00m, 300.00m));

        // Regenerating November's draft does not pay the difference twice.
        (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = new DateOnly(2026, 11, 1) })).Value.ShouldBe(november);
        (await Service.GetAsync(november)).Value!.Sheet.Total.ShouldBe(300.00m);
    }

    [Fact]
    public async Task Duty_logged_between_generating_and_approving_a_month_is_paid_on_the_next_sheet_once()
    {
        var unit = await CommunityAsync();
        var (worker, deployment) = await OnDutyAsync(unit.Id, "窗口期", WorkerCategory.MedicalWorker, RiskClass.II, PostKind.Checkpoint, (6, 8));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var september = new DateOnly(2026, 9, 1);
        var sepId = (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = september })).Value;
        // Logged after the draft was generated, before it is checked and approved: the approved sheet does not hold it.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = await fixture.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.DutyLogs.Add(new DutyLog { Id = Guid.CreateVersion7(), DeploymentId = deployment.Id, WorkerId = worker.Id, Day = new DateOnly(2026, 9, 7), Hours = 8 });
            await db.SaveChangesAsync();
        }
        (await Service.CheckAsync(sepId, (await Service.GetAsync(sepId)).Value!.Sheet.Version)).IsOk.ShouldBeTrue();
        (await Service.ApproveAsync(sepId, (await Service.GetAsync(sepId)).Value!.Sheet.Version)).IsOk.ShouldBeTrue();
        (await Service.GetAsync(sepId)).Value!.Sheet.Total.ShouldBe(0m); // generated before any September duty: empty

        var october = (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = October })).Value;
        var row = (await Service.RowsAsync(october, null, 0, 10)).Value!.Items.Single();
        row.Lines.Single(l => l.Kind == SubsidyKind.Adjustment).ShouldSatisfyAllConditions(
            l => l.AdjustsMonth.ShouldBe(september), l => (l.Recomputed, l.Paid, l.Amount).ShouldBe((200.00m, 0m, 200.00m)));
        // A second sheet made while October is a draft does not pay September again.
        var november = (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = new DateOnly(2026, 11, 1) })).Value;
        (await Service.RowsAsync(november, null, 0, 10)).Value!.Items.SelectMany(r => r.Lines).ShouldNotContain(l => l.AdjustsMonth == september);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_their_field_and_nothing_is_written()
    {
        var unit = await CommunityAsync();
        await OnDutyAsync(unit.Id, "校验己", WorkerCategory.MedicalWorker, RiskClass.II, PostKind.Checkpoint, (3, 8));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = new DateOnly(2026, 12, 1) })).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError(nameof(SubsidySheetForm.Month), Messages.SubsidyMonthFuture));
        (await Service.GenerateAsync(new SubsidySheetForm())).Errors.Select(e => e.Field).ShouldBe([nameof(SubsidySheetForm.UnitId), nameof(SubsidySheetForm.Month)]);
        (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = October })).IsOk.ShouldBeTrue();
        // The street above already has its people on the community's sheet.
        (await Service.GenerateAsync(new SubsidySheetForm { UnitId = await fixture.UnitIdAsync("海门街道"), Month = October })).Errors.ShouldHaveSingleItem()
            .Field.ShouldBe(nameof(SubsidySheetForm.UnitId));

        await using var db = fixture.NewContext();
        (await db.SubsidySheets.CountAsync(s => s.Unit!.Name == "海门街道")).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_organisation_department_of_the_jurisdiction_sees_or_makes_a_sheet()
    {
        var unit = await CommunityAsync();
        await OnDutyAsync(unit.Id, "辖区庚", WorkerCategory.MedicalWorker, RiskClass.II, PostKind.Checkpoint, (3, 8));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var id = (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = October })).Value;

        await fixture.UseAsync(Roles.OrgDepartment, "白云街道");
        (await Service.GetAsync(id)).Status.ShouldBe(ResultStatus.NotFound);
        (await Service.RowsAsync(id, null, 0, 10)).Status.ShouldBe(ResultStatus.NotFound);
        (await Service.ExportAsync(id).ToListAsync()).ShouldBeEmpty();
        (await Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = new DateOnly(2026, 9, 1) })).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.Required);
        (await Service.ListAsync()).Value!.ShouldNotContain(s => s.Id == id);

        foreach (var role in new[] { Roles.UnitCommittee, Roles.Supervisor })
        {
            await fixture.UseAsync(role, "海门街道");
            (await Service.GetAsync(id)).Status.ShouldBe(ResultStatus.Forbidden);
            (await Service.ListAsync()).Status.ShouldBe(ResultStatus.Forbidden);
        }
    }

    [Fact]
    public async Task Two_generations_at_once_leave_one_sheet_with_each_person_once()
    {
        var unit = await CommunityAsync();
        await OnDutyAsync(unit.Id, "并发辛", WorkerCategory.MedicalWorker, RiskClass.II, PostKind.Checkpoint, (3, 8), (4, 8));
        await OnDutyAsync(unit.Id, "并发壬", WorkerCategory.MedicalWorker, RiskClass.I, PostKind.Checkpoint, (3, 8));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            Service.GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = October }))));
        results.ShouldAllBe(r => r.IsOk);
        results.Select(r => r.Value).Distinct().ShouldHaveSingleItem();

        await using var db = fixture.NewContext();
        var sheet = await db.SubsidySheets.SingleAsync(s => s.UnitId == unit.Id);
        (await db.SubsidySheetRows.CountAsync(r => r.SheetId == sheet.Id)).ShouldBe(2);
        (await db.SubsidyLines.Where(l => l.SheetId == sheet.Id).SumAsync(l => l.Amount)).ShouldBe(sheet.Total);
        sheet.Total.ShouldBe(700.00m);
    }
}
