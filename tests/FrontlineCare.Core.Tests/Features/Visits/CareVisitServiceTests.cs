using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Casualties;
using FrontlineCare.Core.Features.Funds;
using FrontlineCare.Core.Features.Visits;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Visits;

/// <summary>E1 visits on the real database (today 2026-11-23).</summary>
public sealed class CareVisitServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private CareVisitService Service => fixture.Get<CareVisitService>();

    private async Task<Guid> FundAsync(string unit, decimal amount)
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var funds = fixture.Get<FundService>();
        var id = (await funds.CreateAsync(new CareFundForm { UnitId = await fixture.UnitIdAsync(unit), Name = TestData.Name("慰问金"), Kind = CareFundKind.PartyFee, Source = "留存党费" })).Value;
        (await funds.RecordAsync(new FundEntryForm { FundId = id, Kind = FundEntryKind.Receipt, Amount = amount, OccurredOn = Today, Note = "下拨" })).IsOk.ShouldBeTrue();
        return id;
    }

    [Fact]
    public async Task A_visit_with_money_is_paid_from_the_fund_in_the_same_step_and_never_beyond_its_balance()
    {
        var fund = await FundAsync("海门街道", 1000m);
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var plan = new CareVisitForm { WorkerId = worker.Id, PlannedOn = Today, Leader = "李书记（街道党工委书记）" };
        var id = (await Service.SaveAsync(plan)).Value;

        var row = (await Service.ListAsync()).Value!.Single(v => v.Id == id);
        var done = new CareVisitForm
        {
            Id = id, Version = row.Version, WorkerId = worker.Id, PlannedOn = Today, Leader = plan.Leader, VisitedOn = Today,
            Gifts = "米、油", Amount = 1200m, FundId = fund, Note = "看望家属",
        };
        (await Service.SaveAsync(done)).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(nameof(CareVisitForm.Amount), string.Format(Messages.FundInsufficient, "1,000.00")));
        (await Service.ListAsync()).Value!.Single(v => v.Id == id).Status.ShouldBe(CareVisitStatus.Planned); // nothing half-saved

        done.Amount = 500m;
        (await Service.SaveAsync(done)).IsOk.ShouldBeTrue();
        (await Service.ListAsync()).Value!.Single(v => v.Id == id).ShouldSatisfyAllConditions(
            v => v.Status.ShouldBe(CareVisitStatus.Done), v => v.Amount.ShouldBe(500m), v => v.FundName.ShouldNotBeNull());
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var entries = (await fixture.Get<FundService>().EntriesAsync(fund)).Value!;
        entries[0].ShouldSatisfyAllConditions(e => e.Purpose.ShouldBe(FundPurpose.Visit), e => e.Amount.ShouldBe(-500m), e => e.WorkerId.ShouldBe(worker.Id));
        (await fixture.Get<FundService>().GetAsync(fund)).Value!.Balance.ShouldBe(500m);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.SaveAsync(done)).Status.ShouldBe(ResultStatus.Conflict); // done visits are not changed
    }

    [Fact]
    public async Task A_visit_to_a_person_who_has_moved_out_of_the_jurisdiction_no_longer_names_them()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var id = (await Service.SaveAsync(new CareVisitForm { WorkerId = worker.Id, PlannedOn = Today, Leader = "李书记" })).Value;
        (await Service.ListAsync()).Value!.Single(v => v.Id == id).FullName.ShouldBe(worker.FullName);

        // The person transfers to 白云社区, outside 海门街道: the visit stays on the committee's list, without the person.
        await using (var db = fixture.NewContext())
        {
            var moved = await db.Workers.SingleAsync(w => w.Id == worker.Id);
            moved.UnitId = await fixture.UnitIdAsync("白云社区");
            await db.SaveChangesAsync();
        }
        var row = (await Service.ListAsync()).Value!.Single(v => v.Id == id);

        row.ShouldSatisfyAllConditions(
            r => r.PersonOutside.ShouldBeTrue(), r => r.FullName.ShouldBeNull(), r => r.WorkerId.ShouldBeNull(), r => r.UnitName.ShouldBe("东山社区"));
        // Recording it as done is no longer this committee's to do; cancelling the plan still is.
        (await Service.SaveAsync(new CareVisitForm { Id = id, Version = row.Version, WorkerId = worker.Id, PlannedOn = Today, Leader = "李书记", VisitedOn = Today }))
            .Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(CareVisitForm.WorkerId));
        (await Service.CancelAsync(id, row.Version)).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task A_visit_cannot_be_paid_from_a_fund_of_another_jurisdiction_and_bad_input_saves_nothing()
    {
        var otherFund = await FundAsync("白云街道", 1000m);
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = new CareVisitForm { WorkerId = worker.Id, PlannedOn = Today, Leader = "李书记", VisitedOn = Today, Amount = 200m, FundId = otherFund };
        (await Service.SaveAsync(form)).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(nameof(CareVisitForm.FundId), Messages.FundOfAnotherJurisdiction));
        form.Amount = 200.001m;
        (await Service.SaveAsync(form)).Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(CareVisitForm.Amount));
        (await Service.SaveAsync(new CareVisitForm { PlannedOn = Today, Leader = " " })).Errors.Select(e => e.Field)
            .ShouldBe([nameof(CareVisitForm.UnitId), nameof(CareVisitForm.Leader)], ignoreOrder: true);
        (await Service.SaveAsync(new CareVisitForm { WorkerId = worker.Id, PlannedOn = Today, Leader = "李书记", VisitedOn = Today.AddDays(1) })).Errors
            .ShouldHaveSingleItem().Message.ShouldBe(Messages.VisitDateFuture);

        await using var db = fixture.NewContext();
        (await db.CareVisits.CountAsync(v => v.WorkerId == worker.Id)).ShouldBe(0);
        (await db.CareFunds.SingleAsync(f => f.Id == otherFund)).Balance.ShouldBe(1000m);
    }

    [Fact]
    public async Task The_priority_list_puts_the_bereaved_first_then_the_injured_then_the_longest_on_duty_without_a_visit()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        async Task<Guid> PersonAsync(string name, int deployedDaysAgo)
        {
            var w = await fixture.AddWorkerAsync(unit.Id, name: name);
            await fixture.AddDeploymentAsync(w.Id, Today.AddDays(-deployedDaysAgo), null);
            return w.Id;
        }
        var fallen = await PersonAsync("牺牲甲", 40);
        var injured = await PersonAsync("受伤乙", 30);
        var longest = await PersonAsync("久守丙", 90);
        var visited = await PersonAsync("已访丁", 120);
        var recent = await PersonAsync("新到戊", 3);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var cases = fixture.Get<CasualtyService>();
        (await cases.SaveAsync(new CasualtyCaseForm { WorkerId = fallen, Kind = CasualtyKind.Death, Track = CasualtyTrack.DeathOnDuty, OccurredOn = Today.AddDays(-10), Description = "殉职" })).IsOk.ShouldBeTrue();
        (await cases.SaveAsync(new CasualtyCaseForm { WorkerId = injured, Kind = CasualtyKind.Injury, OccurredOn = Today.AddDays(-5), Description = "受伤" })).IsOk.ShouldBeTrue();
        (await Service.SaveAsync(new CareVisitForm { WorkerId = visited, PlannedOn = Today.AddDays(-2), Leader = "李书记", VisitedOn = Today.AddDays(-2) })).IsOk.ShouldBeTrue();

        var mine = new[] { fallen, injured, longest, visited, recent };
        var list = (await Service.PriorityAsync()).Value!.Where(r => mine.Contains(r.WorkerId)).ToList();
        list.Select(r => (r.FullName, r.Reason)).ShouldBe([
            ("牺牲甲", VisitPriority.Bereaved), ("受伤乙", VisitPriority.InjuredOrIll),
            ("久守丙", VisitPriority.LongOnDuty), ("新到戊", VisitPriority.LongOnDuty), ("已访丁", VisitPriority.LongOnDuty)]);
        list.Single(r => r.WorkerId == visited).ShouldSatisfyAllConditions(r => r.LastVisit.ShouldBe(Today.AddDays(-2)), r => r.DaysWithoutVisit.ShouldBe(2));
        list.Single(r => r.WorkerId == longest).DaysWithoutVisit.ShouldBe(90);
    }
}
