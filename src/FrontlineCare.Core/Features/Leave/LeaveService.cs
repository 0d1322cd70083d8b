using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FrontlineCare.Core.Features.Leave;

/// <summary>A person's leave as the worker page shows it: the 补休 ledger and balance, annual leave beside it, and requests.</summary>
public sealed record LeaveSummary(
    decimal Balance, IReadOnlyList<LeaveEntry> Entries, DateOnly? ServiceStart, int? ServiceYears, int AnnualEntitlement,
    decimal AnnualTaken, IReadOnlyList<LeaveRequest> Requests, bool CanEdit, bool CanDecide);

public sealed class LeaveEntryForm
{
    public Guid WorkerId { get; set; }
    /// <summary><see cref="LeaveEntryKind.Added"/> or <see cref="LeaveEntryKind.PaidInLieu"/>.</summary>
    public LeaveEntryKind Kind { get; set; }
    public decimal? Days { get; set; }
    public string? Reason { get; set; }
}

public sealed class LeaveRequestForm
{
    public Guid WorkerId { get; set; }
    public LeaveKind? Kind { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// B3: the compensatory-leave ledger (accrued from duty on rest days and holidays, added by hand, granted, paid in
/// lieu, expired), annual leave, and rest/leave requests decided by the unit committee.
/// </summary>
public sealed class LeaveService(
    IDbContextFactory<AppDbContext> dbFactory,
    UnitService units,
    ICurrentUser user,
    TimeProvider clock,
    ILogger<LeaveService> logger)
{
    public const int ReasonMaxLength = 500;
    public const int MaxRequestDays = 90;
    /// <summary>The advisory lock key of the expiry job ("B3EX").</summary>
    public const long ExpiryLockKey = 0x4233_4558;
    public const string Actor = "system:B3";

    // ---- the ledger primitive ---------------------------------------------------------------------------

    /// <summary>
    /// Adds an entry and moves the balance by its days, or returns false (changing nothing) when that would take the
    /// balance below zero. The balance moves with one conditional UPDATE, which PostgreSQL serialises per person:
    /// two grants at the same moment see each other's effect. Call inside a transaction; the caller saves.
    /// </summary>
    public static async Task<bool> PostAsync(AppDbContext db, LeaveEntry entry, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO leave_accounts (worker_id, balance_days) VALUES ({entry.WorkerId}, 0) ON CONFLICT DO NOTHING", ct);
        var days = entry.Days;
        var moved = await db.LeaveAccounts
            .Where(a => a.WorkerId == entry.WorkerId && a.BalanceDays + days >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.BalanceDays, a => a.BalanceDays + days), ct);
        if (moved == 0) return false;
        db.LeaveEntries.Add(entry);
        return true;
    }

    /// <summary>The holiday calendar of a profile over a range: national days, overridden by the profile's own.</summary>
    public static async Task<HolidayCalendar> CalendarAsync(AppDbContext db, PolicyProfileCode profile, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var days = await db.HolidayCalendar.AsNoTracking()
            .Where(d => d.Day >= from && d.Day <= to && (d.Profile == null || d.Profile == profile))
            .ToListAsync(ct);
        return new HolidayCalendar(days.GroupBy(d => d.Day).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Profile == null).First().Kind));
    }

    /// <summary>
    /// Brings the accruals of these workers in [from, to] in line with their duty (B3): a day of duty on a rest day
    /// or holiday earns its days once; changing or removing that duty later adds the correcting entry. Returns the
    /// (worker, day) pairs whose correction would overdraw the balance (the days were already spent): the caller
    /// refuses the change.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid WorkerId, DateOnly Day)>> SyncAccrualsAsync(
        AppDbContext db, IReadOnlyDictionary<Guid, PolicyParameters> workerRules, DateOnly from, DateOnly to, string? by, DateTimeOffset now, CancellationToken ct)
    {
        var ids = workerRules.Keys.ToList();
        var duty = await db.DutyLogs.AsNoTracking()
            .Where(l => ids.Contains(l.WorkerId) && l.Day >= from && l.Day <= to)
            .GroupBy(l => new { l.WorkerId, l.Day })
            .Select(g => new { g.Key.WorkerId, g.Key.Day, Hours = g.Sum(l => l.Hours) })
            .ToDictionaryAsync(g => (g.WorkerId, g.Day), g => g.Hours, ct);
        var accrued = await db.LeaveEntries.AsNoTracking()
            .Where(e => ids.Contains(e.WorkerId) && e.Kind == LeaveEntryKind.Accrued && e.Day >= from && e.Day <= to)
            .GroupBy(e => new { e.WorkerId, e.Day })
            .Select(g => new { g.Key.WorkerId, g.Key.Day, Days = g.Sum(e => e.Days) })
            .ToDictionaryAsync(g => (g.WorkerId, g.Day), g => g.Days, ct);
        var calendars = new Dictionary<PolicyProfileCode, HolidayCalendar>();
        var refused = new List<(Guid, DateOnly)>();
        foreach (var (workerId, rules) in workerRules)
        {
            if (!calendars.TryGetValue(rules.Profile, out var calendar))
                calendars[rules.Profile] = calendar = await CalendarAsync(db, rules.Profile, from, to, ct);
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                var due = B3Leave.AccrualFor(day, duty.GetValueOrDefault((workerId, day)), calendar, rules.B3);
                var delta = due - accrued.GetValueOrDefault((workerId, day));
                if (delta == 0) continue;
                var entry = new LeaveEntry
                {
                    Id = Guid.CreateVersion7(), WorkerId = workerId, Kind = LeaveEntryKind.Accrued, Days = delta, Day = day,
                    Reason = delta > 0 ? Messages.LeaveAccruedReason : Messages.LeaveAccrualCorrectedReason, CreatedAt = now, CreatedBy = by,
                };
                if (!await PostAsync(db, entry, ct)) refused.Add((workerId, day));
            }
        }
        return refused;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    public async Task<Result<LeaveSummary>> SummaryAsync(Guid workerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (worker, problem) = await WorkerInJurisdictionAsync(db, workerId, ct);
        if (problem is not null) return Result<LeaveSummary>.From(problem);
        var today = clock.Today();
        var rules = await PolicyProfileService.ForAsync(db, await units.EffectiveProfileAsync(db, worker!.Unit!, ct), today, ct);
        var balance = await UsableBalanceAsync(db, workerId, today, rules.B3, ct);
        var entries = await db.LeaveEntries.AsNoTracking().Where(e => e.WorkerId == workerId)
            .OrderByDescending(e => e.Day).ThenByDescending(e => e.CreatedAt).Take(200).ToListAsync(ct);
        var requests = await db.LeaveRequests.AsNoTracking().Where(r => r.WorkerId == workerId)
            .OrderByDescending(r => r.From).Take(50).ToListAsync(ct);
        var years = worker.ServiceStartDate is { } start ? B3Leave.ServiceYears(start, today) : (int?)null;
        return Result<LeaveSummary>.Ok(new LeaveSummary(
            balance, entries, worker.ServiceStartDate, years, years is { } y ? B3Leave.AnnualLeaveDays(y, rules.B3) : 0,
            await AnnualTakenAsync(db, workerId, today.Year, ct), requests,
            user.CanEditPersonnel(), user.IsInRole(Roles.UnitCommittee)));
    }

    /// <summary>Pending requests of the caller's jurisdiction, oldest first: the committee's to-do list.</summary>
    public async Task<IReadOnlyList<LeaveRequest>> PendingAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        return await db.LeaveRequests.AsNoTracking().Include(r => r.Worker).ThenInclude(w => w!.Unit)
            .Where(r => r.Status == LeaveRequestStatus.Pending && scope.Contains(r.Worker!.UnitId))
            .OrderBy(r => r.CreatedAt).Take(500).ToListAsync(ct);
    }

    // ---- writing ------------------------------------------------------------------------------------------

    /// <summary>Owed days added by hand, or days paid instead of leave; both need a reason.</summary>
    /// <remarks>Runs whole again after a transient failure (<see cref="Data.Retrying"/>).</remarks>
    public Task<Result> PostByHandAsync(LeaveEntryForm form, CancellationToken ct = default) =>
        dbFactory.RetryingAsync(() => PostByHandOnceAsync(form, ct), ct);

    private async Task<Result> PostByHandOnceAsync(LeaveEntryForm form, CancellationToken ct)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        if (form.Kind is not (LeaveEntryKind.Added or LeaveEntryKind.PaidInLieu)) return Result.Invalid(nameof(form.Kind), Messages.Required);
        var errors = new List<FieldError>();
        if (form.Days is not { } days || days <= 0 || days > 365 || days * 2 != Math.Floor(days * 2))
            errors.Add(new FieldError(nameof(form.Days), Messages.LeaveDaysInvalid));
        if (ReasonError(form.Reason) is { } reasonError) errors.Add(new FieldError(nameof(form.Reason), reasonError));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (worker, problem) = await WorkerInJurisdictionAsync(db, form.WorkerId, ct);
        if (problem is not null) return problem;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (form.Kind == LeaveEntryKind.PaidInLieu)
        {
            // Days expired by today cannot be paid out, whether or not the nightly expiry has recorded them (account row locked first).
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM leave_accounts WHERE worker_id = {form.WorkerId} FOR UPDATE", ct);
            var b3 = (await PolicyProfileService.ForAsync(db, await units.EffectiveProfileAsync(db, worker!.Unit!, ct), clock.Today(), ct)).B3;
            if (form.Days!.Value > await UsableBalanceAsync(db, form.WorkerId, clock.Today(), b3, ct))
                return Result.Invalid(nameof(form.Days), Messages.LeaveBalanceTooLow);
        }
        var entry = new LeaveEntry
        {
            Id = Guid.CreateVersion7(), WorkerId = form.WorkerId, Kind = form.Kind, Day = clock.Today(),
            Days = form.Kind == LeaveEntryKind.Added ? form.Days!.Value : -form.Days!.Value,
            Reason = form.Reason!.Trim(), CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName,
        };
        if (!await PostAsync(db, entry, ct)) return Result.Invalid(nameof(form.Days), Messages.LeaveBalanceTooLow);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }

    public async Task<Result> RequestAsync(LeaveRequestForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        var errors = new List<FieldError>();
        if (form.Kind is null) errors.Add(new FieldError(nameof(form.Kind), Messages.Required));
        if (form.From is not { } from || form.To is not { } to || to < from) errors.Add(new FieldError(nameof(form.To), Messages.RestDatesInvalid));
        else if (to.DayNumber - from.DayNumber + 1 > MaxRequestDays) errors.Add(new FieldError(nameof(form.To), string.Format(Messages.LeaveTooLong, MaxRequestDays)));
        if (ReasonError(form.Reason) is { } reasonError) errors.Add(new FieldError(nameof(form.Reason), reasonError));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (worker, problem) = await WorkerInJurisdictionAsync(db, form.WorkerId, ct);
        if (problem is not null) return problem;
        var profile = await units.EffectiveProfileAsync(db, worker!.Unit!, ct);
        var calendar = await CalendarAsync(db, profile, form.From!.Value, form.To!.Value, ct);
        var days = form.Kind == LeaveKind.Rest ? form.To.Value.DayNumber - form.From.Value.DayNumber + 1 : calendar.WorkingDays(form.From.Value, form.To.Value);
        if (days == 0) return Result.Invalid(nameof(form.To), Messages.LeaveNoWorkingDays);
        if (await CheckCoverAsync(db, worker, form.Kind!.Value, days, form.From.Value, ct) is { } shortfall) return Result.Invalid(nameof(form.To), shortfall);

        db.LeaveRequests.Add(new LeaveRequest
        {
            Id = Guid.CreateVersion7(), WorkerId = worker.Id, Kind = form.Kind.Value, From = form.From.Value, To = form.To.Value, Days = days,
            Reason = form.Reason!.Trim(), Status = LeaveRequestStatus.Pending, CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName,
        });
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>The unit committee approves (spending owed days for 补休) or refuses (with a comment) a request.</summary>
    /// <remarks>Runs whole again after a transient failure (<see cref="Data.Retrying"/>).</remarks>
    public Task<Result> DecideAsync(Guid requestId, bool approve, string? comment, uint version, CancellationToken ct = default) =>
        dbFactory.RetryingAsync(() => DecideOnceAsync(requestId, approve, comment, version, ct), ct);

    private async Task<Result> DecideOnceAsync(Guid requestId, bool approve, string? comment, uint version, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.UnitCommittee)) return Result.Forbidden(Messages.LeaveCommitteeDecides);
        if (!approve && ReasonError(comment) is { } commentError) return Result.Invalid("DecisionComment", commentError);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.LeaveRequests.Include(r => r.Worker).ThenInclude(w => w!.Unit).FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(request.Worker!.Unit!.Path)) return Jurisdiction.Hidden();
        if (request.Status != LeaveRequestStatus.Pending) return Result.Conflict(Messages.LeaveAlreadyDecided);
        db.Entry(request).Property(r => r.Version).OriginalValue = version;
        (request.Status, request.DecisionComment, request.DecidedAt, request.DecidedBy) =
            (approve ? LeaveRequestStatus.Approved : LeaveRequestStatus.Refused, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), clock.GetUtcNow(), user.UserName);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // 补休: the account row is locked first, so two grants at once check one after the other against the usable balance.
        if (approve && request.Kind == LeaveKind.CompensatoryLeave)
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM leave_accounts WHERE worker_id = {request.WorkerId} FOR UPDATE", ct);
        if (approve && request.Kind is (LeaveKind.AnnualLeave or LeaveKind.CompensatoryLeave)
            && await CheckCoverAsync(db, request.Worker, request.Kind, request.Days, request.From, ct) is { } shortOfAnnual)
            return Result.Invalid("Days", shortOfAnnual);
        if (approve && request.Kind == LeaveKind.CompensatoryLeave && !await PostAsync(db, new LeaveEntry
            {
                Id = Guid.CreateVersion7(), WorkerId = request.WorkerId, Kind = LeaveEntryKind.Granted, Days = -request.Days, Day = request.From,
                LeaveTo = request.To, Reason = request.Reason, RequestId = request.Id, CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName,
            }, ct))
            return Result.Invalid("Days", Messages.LeaveBalanceTooLow);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(Messages.ConcurrencyConflict);
        }
        logger.LogInformation("Leave request {RequestId} {Decision} by {UserId}", request.Id, request.Status, user.UserId);
        return Result.Ok();
    }

    /// <summary>
    /// B3 expiry: owed days whose carry-over has ended get an Expired entry (not a silent deletion). Safe with
    /// several instances: one holds the advisory lock, and an expiry is unique per person and cut-off day.
    /// </summary>
    /// <remarks>Runs whole again after a transient failure (<see cref="Data.Retrying"/>).</remarks>
    public Task<int> ExpireAsync(CancellationToken ct = default) =>
        dbFactory.RetryingAsync(() => ExpireOnceAsync(ct), ct);

    private async Task<int> ExpireOnceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({ExpiryLockKey}) AS \"Value\"").SingleAsync(ct)) return 0;
        var today = clock.Today();
        var profiles = await PolicyProfileService.AllAsync(db, today, ct);
        var holders = await db.LeaveAccounts.AsNoTracking().Where(a => a.BalanceDays > 0)
            .Join(db.Workers.Include(w => w.Unit), a => a.WorkerId, w => w.Id, (_, w) => w).ToListAsync(ct);
        var expired = 0;
        var profileOfUnit = new Dictionary<Guid, PolicyProfileCode>();
        var holderIds = holders.Select(w => w.Id).ToList();
        var entriesOf = (await db.LeaveEntries.AsNoTracking().Where(e => holderIds.Contains(e.WorkerId))
            .Select(e => new { e.WorkerId, e.Day, e.Days }).ToListAsync(ct)).ToLookup(e => e.WorkerId, e => (e.Day, e.Days));
        foreach (var worker in holders)
        {
            if (!profileOfUnit.TryGetValue(worker.UnitId, out var profile))
                profileOfUnit[worker.UnitId] = profile = await units.EffectiveProfileAsync(db, worker.Unit!, ct);
            var rules = profiles[profile].B3;
            // One entry per year whose days expired, on that year's cut-off day (so each year is recorded once, whenever the job runs).
            var posted = false;
            foreach (var (year, expiring) in B3Leave.ExpiringByYear(entriesOf[worker.Id], today, rules))
            {
                var cutOff = B3Leave.UsableUntil(year, rules);
                posted |= await PostAsync(db, new LeaveEntry
                {
                    Id = Guid.CreateVersion7(), WorkerId = worker.Id, Kind = LeaveEntryKind.Expired, Days = -expiring, Day = cutOff,
                    Reason = string.Format(Messages.LeaveExpiredReason, cutOff.ToString("yyyy-MM-dd")), CreatedAt = clock.GetUtcNow(), CreatedBy = Actor,
                }, ct);
            }
            if (posted) expired++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (expired > 0) logger.LogInformation("B3 expiry: {Count} people had owed days expire", expired);
        return expired;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private async Task<(FrontlineWorker? Worker, Result? Problem)> WorkerInJurisdictionAsync(AppDbContext db, Guid workerId, CancellationToken ct)
    {
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == workerId, ct);
        if (worker is null) return (null, Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        return jurisdiction.Contains(worker.Unit!.Path) ? (worker, null) : (null, Jurisdiction.Hidden());
    }

    /// <summary>Whether the balance (补休) or the year's remaining entitlement (annual leave) covers the days; null when it does.</summary>
    private async Task<string?> CheckCoverAsync(AppDbContext db, FrontlineWorker worker, LeaveKind kind, decimal days, DateOnly from, CancellationToken ct)
    {
        var year = from.Year;
        switch (kind)
        {
            case LeaveKind.CompensatoryLeave:
                // What is usable on the leave's first day: days expired by then are excluded whether or not the expiry has run.
                var b3 = (await PolicyProfileService.ForAsync(db, await units.EffectiveProfileAsync(db, worker.Unit!, ct), from, ct)).B3;
                var balance = await UsableBalanceAsync(db, worker.Id, from, b3, ct);
                return days > balance ? string.Format(Messages.LeaveMoreThanOwed, days.ToString("0.#"), balance.ToString("0.#")) : null;
            case LeaveKind.AnnualLeave:
                var rules = await PolicyProfileService.ForAsync(db, await units.EffectiveProfileAsync(db, worker.Unit!, ct), clock.Today(), ct);
                var entitled = worker.ServiceStartDate is { } start ? B3Leave.AnnualLeaveDays(B3Leave.ServiceYears(start, new DateOnly(year, 1, 1)), rules.B3) : 0;
                var left = entitled - await AnnualTakenAsync(db, worker.Id, year, ct);
                return days > left ? string.Format(Messages.LeaveMoreThanEntitled, days.ToString("0.#"), left.ToString("0.#")) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The 补休 balance usable on a day (B3): the stored balance less the days expired by then that the nightly expiry has not
    /// recorded yet. Once it has run, the stored balance.
    /// </summary>
    public static async Task<decimal> UsableBalanceAsync(AppDbContext db, Guid workerId, DateOnly day, B3LeaveRules rules, CancellationToken ct)
    {
        var stored = await db.LeaveAccounts.Where(a => a.WorkerId == workerId).Select(a => (decimal?)a.BalanceDays).FirstOrDefaultAsync(ct) ?? 0;
        if (stored <= 0) return 0;
        var entries = (await db.LeaveEntries.AsNoTracking().Where(e => e.WorkerId == workerId).Select(e => new { e.Day, e.Days }).ToListAsync(ct))
            .Select(e => (e.Day, e.Days));
        return B3Leave.UsableOn(stored, entries, day, rules);
    }

    private static async Task<decimal> AnnualTakenAsync(AppDbContext db, Guid workerId, int year, CancellationToken ct) =>
        await db.LeaveRequests.Where(r => r.WorkerId == workerId && r.Kind == LeaveKind.AnnualLeave && r.Status == LeaveRequestStatus.Approved
                                          && r.From >= new DateOnly(year, 1, 1) && r.From <= new DateOnly(year, 12, 31))
            .SumAsync(r => r.Days, ct);

    private static string? ReasonError(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? Messages.LeaveReasonRequired
        : reason.Trim().Length > ReasonMaxLength ? string.Format(Messages.TooLong, ReasonMaxLength) : null;
}
