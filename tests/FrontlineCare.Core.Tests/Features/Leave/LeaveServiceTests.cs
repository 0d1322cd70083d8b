using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Leave;

/// <summary>B3 ledger: accrual from the duty grid, by-hand entries, requests decided by the committee, concurrency, expiry.</summary>
public sealed class LeaveServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly LastMonday = new(2026, 11, 16); // Saturday 21st, Sunday 22nd

    private LeaveService Leave => fixture.Get<LeaveService>();

    private async Task<(Guid WorkerId, Guid DeploymentId, string Place)> DeployedAsync(DateOnly? serviceStart = null)
    {
        var place = "补休测试" + Guid.NewGuid().ToString("N")[..6];
        var worker = await fixture.AddWorkerAsync("东山社区");
        if (serviceStart is { } start)
        {
            await using var db = fixture.NewContext();
            await db.Workers.Where(w => w.Id == worker.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.ServiceStartDate, start));
        }
        var deployment = await fixture.AddDeploymentAsync(worker.Id, LastMonday.AddDays(-30), null, place);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        return (worker.Id, deployment.Id, place);
    }

    private Task<Result> LogAsync(string place, Guid deploymentId, params decimal?[] hours) =>
        fixture.Get<DutyService>().SaveWeekAsync(new DutyWeekForm(new DutyWeekKey(place, LastMonday), [new DutyRowForm(deploymentId, hours)]));

    private async Task<decimal> BalanceAsync(Guid workerId) => (await Leave.SummaryAsync(workerId)).Value!.Balance;

    private async Task GiveAsync(Guid workerId, decimal days)
    {
        (await Leave.PostByHandAsync(new LeaveEntryForm { WorkerId = workerId, Kind = LeaveEntryKind.Added, Days = days, Reason = "春节期间连续值守" })).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task Weekend_duty_saved_in_the_grid_is_owed_as_leave_and_a_correction_takes_it_back()
    {
        var (workerId, deploymentId, place) = await DeployedAsync();

        (await LogAsync(place, deploymentId, 8, 8, 8, 8, 8, 8, 3)).IsOk.ShouldBeTrue();
        (await BalanceAsync(workerId)).ShouldBe(1.5m);
        var accrued = (await Leave.SummaryAsync(workerId)).Value!.Entries;
        accrued.Select(e => (e.Kind, e.Day, e.Days)).ShouldBe(
            [(LeaveEntryKind.Accrued, LastMonday.AddDays(6), 0.5m), (LeaveEntryKind.Accrued, LastMonday.AddDays(5), 1m)]);

        (await LogAsync(place, deploymentId, 8, 8, 8, 8, 8, null, 3)).IsOk.ShouldBeTrue();
        (await BalanceAsync(workerId)).ShouldBe(0.5m);
        (await Leave.SummaryAsync(workerId)).Value!.Entries.ShouldContain(e => e.Days == -1m && e.Reason == Messages.LeaveAccrualCorrectedReason);
    }

    [Fact]
    public async Task Duty_whose_earned_leave_was_spent_cannot_be_removed()
    {
        var (workerId, deploymentId, place) = await DeployedAsync();
        (await LogAsync(place, deploymentId, null, null, null, null, null, 8)).IsOk.ShouldBeTrue();
        (await Leave.PostByHandAsync(new LeaveEntryForm { WorkerId = workerId, Kind = LeaveEntryKind.PaidInLieu, Days = 1, Reason = "无法安排补休，发放补助" })).IsOk.ShouldBeTrue();

        var removed = await LogAsync(place, deploymentId, null, null, null, null, null, null);

        removed.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(DutyService.CellField(deploymentId, LastMonday.AddDays(5)), Messages.DutyLeaveSpent));
        (await BalanceAsync(workerId)).ShouldBe(0m);
        await using var db = fixture.NewContext();
        (await db.DutyLogs.CountAsync(l => l.WorkerId == workerId)).ShouldBe(1, "the refused save changed nothing");
    }

    [Fact]
    public async Task By_hand_entries_need_a_reason_valid_days_and_cannot_overdraw()
    {
        var (workerId, _, _) = await DeployedAsync();

        var bad = await Leave.PostByHandAsync(new LeaveEntryForm { WorkerId = workerId, Kind = LeaveEntryKind.Added, Days = 0.3m, Reason = " " });
        bad.Errors.Select(e => e.Field).ShouldBe(["Days", "Reason"]);
        var overdraw = await Leave.PostByHandAsync(new LeaveEntryForm { WorkerId = workerId, Kind = LeaveEntryKind.PaidInLieu, Days = 1, Reason = "补助" });
        overdraw.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Days", Messages.LeaveBalanceTooLow));

        await GiveAsync(workerId, 2.5m);
        var entry = (await Leave.SummaryAsync(workerId)).Value!.Entries.ShouldHaveSingleItem();
        (entry.Kind, entry.Days, entry.Reason, entry.CreatedBy).ShouldBe((LeaveEntryKind.Added, 2.5m, "春节期间连续值守", fixture.User.UserName));
    }

    [Fact]
    public async Task Two_committee_members_approving_at_the_same_moment_never_overdraw_the_balance_nor_lose_an_entry()
    {
        var (workerId, _, _) = await DeployedAsync();
        await GiveAsync(workerId, 3);
        // Two requests of two working days each (Mon–Tue, Wed–Thu of next week): each alone is covered, both are not.
        foreach (var from in new[] { new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 2) })
            (await Leave.RequestAsync(new LeaveRequestForm { WorkerId = workerId, Kind = LeaveKind.CompensatoryLeave, From = from, To = from.AddDays(1), Reason = "补休" }))
                .IsOk.ShouldBeTrue();
        var pending = (await Leave.SummaryAsync(workerId)).Value!.Requests;

        var results = await Task.WhenAll(pending.Select(r => Task.Run(() => fixture.Get<LeaveService>().DecideAsync(r.Id, true, null, r.Version))));

        results.Count(r => r.IsOk).ShouldBe(1);
        // The second waits for the first's lock on the account, then is told what is left (2 asked, 1 usable).
        results.Single(r => !r.IsOk).Errors.ShouldHaveSingleItem().Message.ShouldBe(string.Format(Messages.LeaveMoreThanOwed, "2", "1"));
        (await BalanceAsync(workerId)).ShouldBe(1m);
        var summary = (await Leave.SummaryAsync(workerId)).Value!;
        summary.Entries.Count(e => e.Kind == LeaveEntryKind.Granted).ShouldBe(1);
        summary.Requests.Count(r => r.Status == LeaveRequestStatus.Approved).ShouldBe(1);
        summary.Requests.Count(r => r.Status == LeaveRequestStatus.Pending).ShouldBe(1, "the refused approval left its request pending");
    }

    [Fact]
    public async Task Many_debits_at_once_spend_exactly_the_balance()
    {
        var (workerId, _, _) = await DeployedAsync();
        await GiveAsync(workerId, 3);

        var posted = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var db = fixture.NewContext();
            await using var tx = await db.Database.BeginTransactionAsync();
            var ok = await LeaveService.PostAsync(db, new LeaveEntry
            {
                Id = Guid.CreateVersion7(), WorkerId = workerId, Kind = LeaveEntryKind.PaidInLieu, Days = -1, Day = LastMonday, Reason = "并发测试",
            }, default);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return ok;
        })));

        posted.Count(ok => ok).ShouldBe(3);
        (await BalanceAsync(workerId)).ShouldBe(0m);
        await using var check = fixture.NewContext();
        (await check.LeaveEntries.Where(e => e.WorkerId == workerId).SumAsync(e => e.Days)).ShouldBe(0m, "the ledger and the balance agree");
    }

    [Fact]
    public async Task Requests_count_working_days_and_are_decided_only_by_the_persons_unit_committee()
    {
        var (workerId, _, _) = await DeployedAsync(serviceStart: new DateOnly(2014, 8, 1));
        var summary = (await Leave.SummaryAsync(workerId)).Value!;
        (summary.ServiceYears, summary.AnnualEntitlement).ShouldBe((12, 10));

        // Mon 30 Nov – Mon 14 Dec: eleven working days, one more than the entitlement.
        var tooMuch = await Leave.RequestAsync(new LeaveRequestForm { WorkerId = workerId, Kind = LeaveKind.AnnualLeave, From = new DateOnly(2026, 11, 30), To = new DateOnly(2026, 12, 14), Reason = "探亲" });
        tooMuch.Errors.ShouldHaveSingleItem().Message.ShouldBe(string.Format(Messages.LeaveMoreThanEntitled, "11", "10"));
        // Mon 30 Nov – Sun 6 Dec: five working days.
        (await Leave.RequestAsync(new LeaveRequestForm { WorkerId = workerId, Kind = LeaveKind.AnnualLeave, From = new DateOnly(2026, 11, 30), To = new DateOnly(2026, 12, 6), Reason = "探亲" })).IsOk.ShouldBeTrue();
        var request = (await Leave.SummaryAsync(workerId)).Value!.Requests.ShouldHaveSingleItem();
        request.Days.ShouldBe(5m);
        (await Leave.PendingAsync()).ShouldContain(r => r.Id == request.Id);

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Leave.DecideAsync(request.Id, true, null, request.Version)).Message.ShouldBe(Messages.LeaveCommitteeDecides);
        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Leave.DecideAsync(request.Id, true, null, request.Version)).Message.ShouldBe(Messages.NotFound);
        (await Leave.PendingAsync()).ShouldNotContain(r => r.Id == request.Id);

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Leave.DecideAsync(request.Id, false, " ", request.Version)).Errors.ShouldHaveSingleItem().Field.ShouldBe("DecisionComment");
        (await Leave.DecideAsync(request.Id, true, null, request.Version)).IsOk.ShouldBeTrue();
        (await Leave.DecideAsync(request.Id, false, "重复", request.Version)).Message.ShouldBe(Messages.LeaveAlreadyDecided);
        (await Leave.SummaryAsync(workerId)).Value!.AnnualTaken.ShouldBe(5m);
    }

    [Fact]
    public async Task Days_past_their_carry_over_get_an_expiry_entry_once()
    {
        var (workerId, _, _) = await DeployedAsync();
        await using (var db = fixture.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var (day, days) in new[] { (new DateOnly(2024, 2, 10), 3m), (new DateOnly(2025, 3, 1), 2m), (new DateOnly(2025, 4, 1), -1m) })
                (await LeaveService.PostAsync(db, new LeaveEntry { Id = Guid.CreateVersion7(), WorkerId = workerId, Kind = days > 0 ? LeaveEntryKind.Added : LeaveEntryKind.Granted, Days = days, Day = day, Reason = "历史" }, default)).ShouldBeTrue();
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        await Leave.ExpireAsync();
        await Leave.ExpireAsync();

        var expiry = (await Leave.SummaryAsync(workerId)).Value!.Entries.Where(e => e.Kind == LeaveEntryKind.Expired).ShouldHaveSingleItem();
        (expiry.Days, expiry.Day, expiry.CreatedBy).ShouldBe((-2m, new DateOnly(2025, 12, 31), LeaveService.Actor));
        (await BalanceAsync(workerId)).ShouldBe(2m);
    }
}
