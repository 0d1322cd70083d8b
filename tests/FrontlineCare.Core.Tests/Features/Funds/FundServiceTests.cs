using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Funds;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Funds;

/// <summary>E2 care funds on the real database. The fixture's today is 2026-11-23.</summary>
public sealed class FundServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    private FundService Service => fixture.Get<FundService>();

    private async Task<Guid> FundAsync(string unit, decimal opening, string? name = null)
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var id = (await Service.CreateAsync(new CareFundForm
        {
            UnitId = await fixture.UnitIdAsync(unit), Name = name ?? TestData.Name("专项党费"), Kind = CareFundKind.PartyFee, Source = "市级统筹下拨专项党费",
        })).Value;
        if (opening > 0)
            (await Service.RecordAsync(new FundEntryForm { FundId = id, Kind = FundEntryKind.Receipt, Amount = opening, OccurredOn = Day, Note = "上级下拨" })).IsOk.ShouldBeTrue();
        return id;
    }

    private static FundEntryForm Spend(Guid fund, decimal amount, Guid? worker = null, Guid? unit = null, FundPurpose purpose = FundPurpose.Visit) => new()
    {
        FundId = fund, Kind = FundEntryKind.Spending, Purpose = purpose, Amount = amount, OccurredOn = Day, WorkerId = worker, UnitId = unit, Note = "慰问一线人员",
    };

    [Fact]
    public async Task Concurrent_spending_never_overdraws_the_fund_and_loses_no_entry()
    {
        var fund = await FundAsync("海门街道", 3000m);
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        // Ten committees' clerks spend 400 at once from 3,000: seven fit.
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Service.RecordAsync(Spend(fund, 400m, worker.Id)))));
        results.Count(r => r.IsOk).ShouldBe(7);
        results.Where(r => !r.IsOk).ShouldAllBe(r => r.Errors.Single().Field == nameof(FundEntryForm.Amount));

        var summary = (await Service.GetAsync(fund)).Value!;
        (summary.Balance, summary.Entries).ShouldBe((200m, 8));
        var entries = (await Service.EntriesAsync(fund)).Value!;
        entries.Select(e => e.Number).ShouldBe(Enumerable.Range(1, 8).Reverse());
        entries.ShouldAllBe(e => e.BalanceAfter >= 0);
        entries[0].BalanceAfter.ShouldBe(200m);
        entries.Where(e => e.Kind == FundEntryKind.Spending).ShouldAllBe(e => e.WorkerId == worker.Id && e.UnitName == "东山社区");
    }

    [Fact]
    public async Task Bad_money_and_untraceable_spending_are_refused_field_by_field()
    {
        var fund = await FundAsync("海门街道", 1000m);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        foreach (var amount in new[] { -5m, 0m, 10.005m, 100_000_001m })
            (await Service.RecordAsync(Spend(fund, amount, unit: await fixture.UnitIdAsync("东山社区")))).Errors.ShouldHaveSingleItem()
                .ShouldBe(new FieldError(nameof(FundEntryForm.Amount), Messages.FundAmountInvalid));
        (await Service.RecordAsync(Spend(fund, 100m))).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.FundRecipientRequired);
        (await Service.RecordAsync(Spend(fund, 1000.01m, unit: await fixture.UnitIdAsync("东山社区")))).Errors.ShouldHaveSingleItem()
            .Message.ShouldBe(string.Format(Messages.FundInsufficient, "1,000.00"));
        var future = Spend(fund, 10m, unit: await fixture.UnitIdAsync("东山社区"));
        future.OccurredOn = new DateOnly(2026, 11, 24);
        (await Service.RecordAsync(future)).Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(FundEntryForm.OccurredOn));
        // The ledger runs in date order: nothing dated before the receipt of 20 Nov.
        var backdated = Spend(fund, 10m, unit: await fixture.UnitIdAsync("东山社区"));
        backdated.OccurredOn = new DateOnly(2026, 11, 19);
        (await Service.RecordAsync(backdated)).Errors.ShouldHaveSingleItem().Message.ShouldBe(string.Format(Messages.FundDateBeforeLast, "2026-11-20"));
        // A person or unit outside the fund's street cannot be paid from it.
        var outsider = await fixture.AddWorkerAsync("白云社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Service.RecordAsync(Spend(fund, 10m, outsider.Id))).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.FundRecipientOutside);
        // A committee receives no money and allocates none.
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.RecordAsync(new FundEntryForm { FundId = fund, Kind = FundEntryKind.Receipt, Amount = 5m, OccurredOn = Day, Note = "x" })).Status
            .ShouldBe(ResultStatus.Forbidden);

        (await Service.GetAsync(fund)).Value!.ShouldSatisfyAllConditions(f => f.Balance.ShouldBe(1000m), f => f.Entries.ShouldBe(1));
    }

    [Fact]
    public async Task An_allocation_moves_money_into_the_unit_s_fund_and_a_reversal_corrects_both_without_deleting()
    {
        var county = await FundAsync("椒江区", 10_000m);
        var street = await FundAsync("海门街道", 0m);
        (await Service.RecordAsync(new FundEntryForm
        {
            FundId = county, Kind = FundEntryKind.Allocation, Amount = 4000m, OccurredOn = Day, UnitId = await fixture.UnitIdAsync("海门街道"), TargetFundId = street, Note = "拨付海门街道",
        })).IsOk.ShouldBeTrue();
        (await Service.GetAsync(county)).Value!.Balance.ShouldBe(6000m);
        (await Service.GetAsync(street)).Value!.Balance.ShouldBe(4000m);

        var allocation = (await Service.EntriesAsync(county)).Value!.First(e => e.Kind == FundEntryKind.Allocation);
        (await Service.ReverseAsync(allocation.Id, "  ")).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.FundReasonRequired);
        (await Service.ReverseAsync(allocation.Id, "拨错单位")).IsOk.ShouldBeTrue();
        (await Service.ReverseAsync(allocation.Id, "再冲一次")).Message.ShouldBe(Messages.FundAlreadyReversed);
        (await Service.GetAsync(county)).Value!.Balance.ShouldBe(10_000m);
        (await Service.GetAsync(street)).Value!.ShouldSatisfyAllConditions(f => f.Balance.ShouldBe(0m), f => f.Entries.ShouldBe(2));
        var countyEntries = (await Service.EntriesAsync(county)).Value!;
        countyEntries.Count.ShouldBe(3); // receipt, allocation, reversal: nothing deleted
        countyEntries.Single(e => e.Id == allocation.Id).Reversed.ShouldBeTrue();
        countyEntries[0].ShouldSatisfyAllConditions(e => e.Kind.ShouldBe(FundEntryKind.Reversal), e => e.ReversesNumber.ShouldBe(allocation.Number), e => e.Amount.ShouldBe(4000m));

        // Spent money cannot be un-received: reversing the street's receipt after spending is refused.
        var again = await FundAsync("海门街道", 500m, "街道关爱基金");
        (await Service.RecordAsync(Spend(again, 300m, unit: await fixture.UnitIdAsync("东山社区")))).IsOk.ShouldBeTrue();
        var receipt = (await Service.EntriesAsync(again)).Value!.Single(e => e.Kind == FundEntryKind.Receipt);
        (await Service.ReverseAsync(receipt.Id, "入账有误")).Status.ShouldBe(ResultStatus.Conflict);

        await using var db = fixture.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Entity == "FundEntry" && a.Action == Core.Features.Audit.AuditAction.Delete)).ShouldBe(0);
    }

    [Fact]
    public async Task A_statement_adds_up_for_any_period_and_shows_spending_by_unit_and_purpose_net_of_reversals()
    {
        var fund = await FundAsync("海门街道", 0m);
        var dongshan = await fixture.UnitIdAsync("东山社区");
        var worker = await fixture.AddWorkerAsync("东山社区");
        async Task RecordAsync(FundEntryForm form, DateOnly on) { form.OccurredOn = on; (await Service.RecordAsync(form)).IsOk.ShouldBeTrue(); }
        await RecordAsync(new FundEntryForm { FundId = fund, Kind = FundEntryKind.Receipt, Amount = 5000m, Note = "下拨" }, new DateOnly(2026, 10, 5));
        await RecordAsync(Spend(fund, 800m, worker.Id), new DateOnly(2026, 10, 20));
        await RecordAsync(Spend(fund, 1200.50m, unit: dongshan, purpose: FundPurpose.Supplies), new DateOnly(2026, 11, 2));
        await RecordAsync(Spend(fund, 300m, worker.Id, purpose: FundPurpose.FamilyHelp), new DateOnly(2026, 11, 3));
        var wrong = (await Service.EntriesAsync(fund)).Value!.First(); // the 300 for the family: reversed
        (await Service.ReverseAsync(wrong.Id, "重复录入")).IsOk.ShouldBeTrue();

        var november = (await Service.StatementAsync(fund, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))).Value!;
        (november.Opening, november.In, november.Out, november.Closing).ShouldBe((4200m, 300m, 1500.50m, 2999.50m));
        november.Closing.ShouldBe((await Service.GetAsync(fund)).Value!.Balance);
        november.ByUnitAndPurpose.Select(l => (l.UnitName, l.Purpose, l.Amount)).ShouldBe(
            [("东山社区", FundPurpose.FamilyHelp, 0m), ("东山社区", FundPurpose.Supplies, 1200.50m)], ignoreOrder: true);
        var whole = (await Service.StatementAsync(fund, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))).Value!;
        (whole.Opening, whole.Closing).ShouldBe((0m, 2999.50m));
    }

    [Fact]
    public async Task Funds_stay_within_their_jurisdiction()
    {
        var fund = await FundAsync("海门街道", 1000m);
        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.GetAsync(fund)).Status.ShouldBe(ResultStatus.NotFound);
        (await Service.RecordAsync(Spend(fund, 10m, unit: await fixture.UnitIdAsync("白云社区")))).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError(nameof(FundEntryForm.FundId), Messages.FundOfAnotherJurisdiction));
        (await Service.ListAsync()).Value!.ShouldNotContain(f => f.Id == fund);
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Service.ListAsync()).Status.ShouldBe(ResultStatus.Forbidden);
        (await Service.GetAsync(fund)).Value.ShouldBeNull();
    }
}
