using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Leave;

/// <summary>
/// B3: the 补休 balance shown or used on a day counts only what is unexpired that day, whether or not the nightly expiry has
/// run; once it runs, nothing is counted twice. Its own fixture: these tests move the clock past New Year 2027.
/// </summary>
public abstract class LeaveBalanceOnADayBase(AppFixture fixture)
{
    /// <summary>10:00 on 1 January 2027 in Beijing: days earned in 2025 (usable through 2026-12-31) expired yesterday.</summary>
    protected static readonly DateTimeOffset NewYear2027 = new(2027, 1, 1, 2, 0, 0, TimeSpan.Zero);

    protected LeaveService Leave => fixture.Get<LeaveService>();

    /// <summary>A worker of 东山社区 with these ledger entries (day, days).</summary>
    protected async Task<Guid> WithLedgerAsync(params (DateOnly Day, decimal Days)[] ledger)
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.AddDeploymentAsync(worker.Id, new DateOnly(2026, 1, 1), null, "补休到期" + Guid.NewGuid().ToString("N")[..6]);
        await using (var db = fixture.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var (day, days) in ledger)
                (await LeaveService.PostAsync(db, new LeaveEntry
                {
                    Id = Guid.CreateVersion7(), WorkerId = worker.Id, Kind = days > 0 ? LeaveEntryKind.Added : LeaveEntryKind.Granted, Days = days, Day = day, Reason = "历史",
                }, default)).ShouldBeTrue();
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        return worker.Id;
    }

    protected async Task<decimal> StoredAsync(Guid workerId)
    {
        await using var db = fixture.NewContext();
        return await db.LeaveAccounts.Where(a => a.WorkerId == workerId).Select(a => a.BalanceDays).SingleAsync();
    }

    protected Task<Result> RequestAsync(Guid workerId, DateOnly from, DateOnly to) =>
        Leave.RequestAsync(new LeaveRequestForm { WorkerId = workerId, Kind = LeaveKind.CompensatoryLeave, From = from, To = to, Reason = "补休" });
}

/// <summary>The expiry has not run on New Year's Day. Own fixture: the clock moves forward only.</summary>
public sealed class LeaveBalanceAfterACutOffTests(LeaveBalanceAfterACutOffTests.Fixture fixture)
    : LeaveBalanceOnADayBase(fixture), IClassFixture<LeaveBalanceAfterACutOffTests.Fixture>
{
    public sealed class Fixture : AppFixture;

    private readonly AppFixture fixture = fixture;

    [Fact]
    public async Task Days_that_expired_yesterday_are_neither_shown_nor_granted_before_the_expiry_runs_and_are_not_taken_twice_after()
    {
        // 3 days earned in 2025 (usable through 2026), 1 day earned in 2026 (usable through 2027).
        var workerId = await WithLedgerAsync((new DateOnly(2025, 3, 2), 3m), (new DateOnly(2026, 6, 6), 1m));
        fixture.Clock.SetUtcNow(NewYear2027);

        (await Leave.SummaryAsync(workerId)).Value!.Balance.ShouldBe(1m, "the 2025 days expired yesterday although the expiry has not run");
        var refused = await RequestAsync(workerId, new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 5));
        refused.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("To", string.Format(Messages.LeaveMoreThanOwed, "2", "1")));
        var paid = await Leave.PostByHandAsync(new LeaveEntryForm { WorkerId = workerId, Kind = LeaveEntryKind.PaidInLieu, Days = 2, Reason = "无法安排补休" });
        paid.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Days", Messages.LeaveBalanceTooLow));
        (await StoredAsync(workerId)).ShouldBe(4m, "the stored balance moves only with the expiry entry");

        (await Leave.ExpireAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await Leave.ExpireAsync()).ShouldBe(0);

        (await StoredAsync(workerId)).ShouldBe(1m);
        var summary = (await Leave.SummaryAsync(workerId)).Value!;
        summary.Balance.ShouldBe(1m, "the recorded expiry is not subtracted a second time");
        summary.Entries.Where(e => e.Kind == LeaveEntryKind.Expired).Select(e => (e.Days, e.Day)).ShouldBe([(-3m, new DateOnly(2026, 12, 31))]);

        (await RequestAsync(workerId, new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 4))).IsOk.ShouldBeTrue();
        var request = (await Leave.SummaryAsync(workerId)).Value!.Requests.Single(r => r.Status == LeaveRequestStatus.Pending);
        (await Leave.DecideAsync(request.Id, true, null, request.Version)).IsOk.ShouldBeTrue();
        (await Leave.SummaryAsync(workerId)).Value!.Balance.ShouldBe(0m);
    }
}

/// <summary>A request made in November for leave across New Year. Own fixture: the clock moves forward only.</summary>
public sealed class LeaveRequestAcrossNewYearTests(LeaveRequestAcrossNewYearTests.Fixture fixture)
    : LeaveBalanceOnADayBase(fixture), IClassFixture<LeaveRequestAcrossNewYearTests.Fixture>
{
    public sealed class Fixture : AppFixture;

    private readonly AppFixture fixture = fixture;

    [Fact]
    public async Task A_request_made_in_November_for_January_leave_counts_only_the_days_still_usable_in_January()
    {
        var workerId = await WithLedgerAsync((new DateOnly(2025, 3, 2), 2m), (new DateOnly(2026, 6, 6), 1m));

        // Today is 2026-11-23: all 3 days are usable now and in December, only the 2026 day in January.
        (await Leave.SummaryAsync(workerId)).Value!.Balance.ShouldBe(3m);
        (await RequestAsync(workerId, new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 5))).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError("To", string.Format(Messages.LeaveMoreThanOwed, "2", "1")));
        (await RequestAsync(workerId, new DateOnly(2026, 12, 28), new DateOnly(2026, 12, 29))).IsOk.ShouldBeTrue();

        // Approved after New Year, before the expiry runs: the leave was in December, when the 2025 days were still usable.
        fixture.Clock.SetUtcNow(NewYear2027);
        var request = (await Leave.SummaryAsync(workerId)).Value!.Requests.Single();
        (await Leave.DecideAsync(request.Id, true, null, request.Version)).IsOk.ShouldBeTrue();
        (await Leave.SummaryAsync(workerId)).Value!.Balance.ShouldBe(1m, "the December leave spent the 2025 days; nothing else expired");

        await Leave.ExpireAsync();
        (await StoredAsync(workerId)).ShouldBe(1m);
        (await Leave.SummaryAsync(workerId)).Value!.Entries.ShouldNotContain(e => e.Kind == LeaveEntryKind.Expired);
    }
}
