using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Funds;

public sealed class CareFundForm
{
    public Guid? UnitId { get; set; }
    public string? Name { get; set; }
    public CareFundKind Kind { get; set; }
    public string? Source { get; set; }
}

public sealed class FundEntryForm
{
    public Guid FundId { get; set; }
    public FundEntryKind Kind { get; set; }
    public FundPurpose? Purpose { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly? OccurredOn { get; set; }
    /// <summary>The unit the money goes to (allocation) or is spent for; for spending on a person, their unit is taken.</summary>
    public Guid? UnitId { get; set; }
    public Guid? WorkerId { get; set; }
    /// <summary>For an allocation: the receiving unit's fund, when it keeps one.</summary>
    public Guid? TargetFundId { get; set; }
    public string? Note { get; set; }
}

public sealed record CareFundSummary(Guid Id, string Name, CareFundKind Kind, Guid UnitId, string UnitName, string Source, decimal Balance, int Entries, uint Version);

public sealed record FundEntryRow(
    Guid Id, int Number, FundEntryKind Kind, FundPurpose? Purpose, decimal Amount, decimal BalanceAfter, DateOnly OccurredOn,
    string? UnitName, Guid? WorkerId, string? WorkerName, string? TargetFundName, Guid? ReversesEntryId, int? ReversesNumber, bool Reversed,
    string Note, DateTimeOffset RecordedAt, string? RecordedBy, bool TransferReceipt)
{
    /// <summary>Whether it may be reversed: not a reversal, not already reversed, not the receipt of a transfer (reverse the allocation).</summary>
    public bool Reversible => Kind != FundEntryKind.Reversal && !Reversed && !TransferReceipt;
}

/// <summary>A fund statement for a period: opening + in − out = closing, and what went out by unit and purpose (net of reversals).</summary>
public sealed record FundStatement(
    DateOnly From, DateOnly To, decimal Opening, decimal In, decimal Out, decimal Closing, IReadOnlyList<FundStatementLine> ByUnitAndPurpose);

public sealed record FundStatementLine(string UnitName, FundPurpose Purpose, int Entries, decimal Amount);

/// <summary>
/// E2 care funds: the organisation department sets up a fund held by a unit (e.g. Shaoxing's special Party-fee fund),
/// records money in, and allocates to units; committees and the organisation department record spending on a purpose
/// for a person or a unit. The balance is checked and changed under a row lock, and a check constraint keeps it at or
/// above zero, so concurrent spending can never overdraw it or lose an entry. Nothing is deleted: corrections are
/// reversal entries. Statements for any period sum the entries.
/// </summary>
public sealed class FundService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, TimeProvider clock, ILogger<FundService> logger)
{
    /// <summary>The largest amount one entry may carry (one hundred million yuan).</summary>
    public const decimal MaxAmount = 100_000_000m;

    public async Task<Result<IReadOnlyList<CareFundSummary>>> ListAsync(CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<IReadOnlyList<CareFundSummary>>.From(Result.Forbidden(Messages.FundRolesOnly));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var units = jurisdiction.Units(db).Select(u => u.Id);
        var funds = await db.CareFunds.AsNoTracking().Where(f => units.Contains(f.UnitId)).OrderBy(f => f.Unit!.Path).ThenBy(f => f.Name)
            .Select(f => new CareFundSummary(f.Id, f.Name, f.Kind, f.UnitId, f.Unit!.Name, f.Source, f.Balance, f.Entries, f.Version))
            .ToListAsync(ct);
        return Result<IReadOnlyList<CareFundSummary>>.Ok(funds);
    }

    public async Task<Result<CareFundSummary>> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (fund, denied) = await FundAsync(db, id, ct);
        return fund is null ? Result<CareFundSummary>.From(denied!) : Result<CareFundSummary>.Ok(Summary(fund));
    }

    public async Task<Result<Guid>> CreateAsync(CareFundForm form, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result<Guid>.From(Result.Forbidden(Messages.FundOrgDepartmentOnly));
        var errors = new List<FieldError>();
        var name = form.Name?.Trim();
        var source = form.Source?.Trim();
        if (form.UnitId is null) errors.Add(new FieldError(nameof(form.UnitId), Messages.Required));
        if (string.IsNullOrEmpty(name)) errors.Add(new FieldError(nameof(form.Name), Messages.Required));
        else if (name.Length > CareFund.NameMaxLength) errors.Add(new FieldError(nameof(form.Name), string.Format(Messages.TooLong, CareFund.NameMaxLength)));
        if (string.IsNullOrEmpty(source)) errors.Add(new FieldError(nameof(form.Source), Messages.FundSourceRequired));
        else if (source.Length > CareFund.SourceMaxLength) errors.Add(new FieldError(nameof(form.Source), string.Format(Messages.TooLong, CareFund.SourceMaxLength)));
        if (!Enum.IsDefined(form.Kind)) errors.Add(new FieldError(nameof(form.Kind), Messages.Required));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!await jurisdiction.ContainsUnitAsync(db, form.UnitId!.Value, ct)) return Result<Guid>.From(Result.Invalid(nameof(form.UnitId), Messages.UnitOutsideJurisdiction));
        var fund = new CareFund
        {
            Id = Guid.CreateVersion7(), Name = name!, Kind = form.Kind, UnitId = form.UnitId.Value, Source = source!,
            CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName,
        };
        db.CareFunds.Add(fund);
        var saved = await db.SaveOrConflictAsync(ct, Messages.FundNameTaken);
        return saved.IsOk ? Result<Guid>.Ok(fund.Id) : Result<Guid>.From(saved.Status == ResultStatus.Conflict ? Result.Invalid(nameof(form.Name), Messages.FundNameTaken) : saved);
    }

    /// <summary>Records money in, an allocation to a unit (and into its fund), or spending for a person or unit.</summary>
    public async Task<Result> RecordAsync(FundEntryForm form, CancellationToken ct = default)
    {
        var invalid = Check(form);
        if (invalid is not null) return invalid;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var posted = await PostAsync(db, form, ct);
            if (!posted.IsOk) return posted;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("Fund {FundId} entry {Number} ({Kind}, {Amount} yuan) by {UserId}", form.FundId, posted.Value!.Number, form.Kind, posted.Value.Amount, user.UserId);
            return Result.Ok();
        });
    }

    /// <summary>The role and field checks of an entry; null when it may be posted.</summary>
    internal Result? Check(FundEntryForm form)
    {
        if (form.Kind == FundEntryKind.Spending ? !user.CanEditPersonnel() : !user.IsInRole(Roles.OrgDepartment))
            return Result.Forbidden(form.Kind == FundEntryKind.Spending ? Messages.FundRolesOnly : Messages.FundOrgDepartmentOnly);
        if (form.Kind == FundEntryKind.Reversal || !Enum.IsDefined(form.Kind)) return Result.Invalid(nameof(form.Kind), Messages.Required);
        var errors = new List<FieldError>();
        var note = form.Note?.Trim();
        CheckAmount(form.Amount, errors);
        if (form.OccurredOn is null) errors.Add(new FieldError(nameof(form.OccurredOn), Messages.Required));
        else if (form.OccurredOn > clock.Today()) errors.Add(new FieldError(nameof(form.OccurredOn), Messages.FundDateFuture));
        if (string.IsNullOrEmpty(note)) errors.Add(new FieldError(nameof(form.Note), Messages.FundNoteRequired));
        else if (note.Length > FundEntry.NoteMaxLength) errors.Add(new FieldError(nameof(form.Note), string.Format(Messages.TooLong, FundEntry.NoteMaxLength)));
        if (form.Kind == FundEntryKind.Spending)
        {
            if (form.Purpose is null or FundPurpose.Allocation || !Enum.IsDefined(form.Purpose.Value)) errors.Add(new FieldError(nameof(form.Purpose), Messages.Required));
            if (form.WorkerId is null && form.UnitId is null) errors.Add(new FieldError(nameof(form.UnitId), Messages.FundRecipientRequired));
        }
        if (form.Kind == FundEntryKind.Allocation && form.UnitId is null) errors.Add(new FieldError(nameof(form.UnitId), Messages.Required));
        return errors.Count > 0 ? Result.Invalid(errors) : null;
    }

    /// <summary>
    /// Adds a checked entry (<see cref="Check"/>) to the context inside the caller's transaction: the fund and the
    /// recipient in the caller's jurisdiction, the recipient under the fund's unit, the fund row locked, the balance
    /// enough. The caller saves and commits — with its own records, when the money pays for them (a visit, E1).
    /// </summary>
    internal async Task<Result<FundEntry>> PostAsync(AppDbContext db, FundEntryForm form, CancellationToken ct)
    {
        var (found, denied) = await FundAsync(db, form.FundId, ct);
        // A fund unknown or outside the jurisdiction: the same field error, so the form does not tell them apart.
        if (found is null) return Result<FundEntry>.From(denied!.Status == ResultStatus.NotFound
            ? Result.Invalid(nameof(form.FundId), Messages.FundOfAnotherJurisdiction) : denied);
        var amount = form.Amount!.Value;
        var note = form.Note!.Trim();

        // Whom the money reaches: inside the fund's unit and the caller's jurisdiction.
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        Guid? unitId = form.UnitId;
        if (form.WorkerId is { } workerId)
        {
            var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == workerId, ct);
            if (worker is null || !jurisdiction.Contains(worker.Unit!.Path) || !Jurisdiction.IsDescendant(worker.Unit.Path, found.Unit!.Path))
                return Result<FundEntry>.From(Result.Invalid(nameof(form.WorkerId), Messages.FundRecipientOutside));
            unitId = worker.UnitId;
        }
        else if (unitId is { } u)
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(x => x.Id == u, ct);
            if (unit is null || !jurisdiction.Contains(unit.Path) || !Jurisdiction.IsDescendant(unit.Path, found.Unit!.Path))
                return Result<FundEntry>.From(Result.Invalid(nameof(form.UnitId), Messages.FundRecipientOutside));
        }
        CareFund? target = null;
        if (form.Kind == FundEntryKind.Allocation && form.TargetFundId is { } targetId)
        {
            var (t, _) = await FundAsync(db, targetId, ct);
            if (t is null || t.UnitId != unitId || t.Id == found.Id) return Result<FundEntry>.From(Result.Invalid(nameof(form.TargetFundId), Messages.FundTargetWrong));
            target = t;
        }

        // Lock the funds in id order (no deadlock between two transfers), then read their balances.
        var locked = await LockAsync(db, target is null ? [found.Id] : [found.Id, target.Id], ct);
        var fund = locked[found.Id];
        // A ledger in date order: an entry dated before the fund's last one would make earlier statements wrong.
        var lastOn = await db.FundEntries.Where(e => e.FundId == fund.Id || (target != null && e.FundId == target.Id)).MaxAsync(e => (DateOnly?)e.OccurredOn, ct);
        if (lastOn is { } last && form.OccurredOn < last)
            return Result<FundEntry>.From(Result.Invalid(nameof(form.OccurredOn),
                string.Format(Messages.FundDateBeforeLast, last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        var signed = form.Kind == FundEntryKind.Receipt ? amount : -amount;
        if (fund.Balance + signed < 0)
            return Result<FundEntry>.From(Result.Invalid(nameof(form.Amount),
                string.Format(Messages.FundInsufficient, fund.Balance.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture))));
        var entry = Append(db, fund, form.Kind, form.Kind == FundEntryKind.Allocation ? FundPurpose.Allocation : form.Purpose, signed,
            form.OccurredOn!.Value, unitId, form.WorkerId, note);
        entry.TargetFundId = target?.Id;
        if (target is not null)
            Append(db, locked[target.Id], FundEntryKind.Receipt, null, amount, form.OccurredOn.Value, found.UnitId, null, note).TransferOfEntryId = entry.Id;
        return Result<FundEntry>.Ok(entry);
    }

    /// <summary>Corrects an entry by its exact opposite (and, for an allocation into a fund, that fund's receipt too).</summary>
    public async Task<Result> ReverseAsync(Guid entryId, string? reason, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result.Forbidden(Messages.FundOrgDepartmentOnly);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Result.Invalid("Reason", Messages.FundReasonRequired);
        if (reason.Length > FundEntry.NoteMaxLength) return Result.Invalid("Reason", string.Format(Messages.TooLong, FundEntry.NoteMaxLength));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var original = await db.FundEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct);
            if (original is null) return Result.NotFound();
            var (found, denied) = await FundAsync(db, original.FundId, ct);
            if (found is null) return denied!;
            if (original.Kind == FundEntryKind.Reversal || original.TransferOfEntryId is not null) return Result.Conflict(Messages.FundNotReversible);
            var mirror = original.TargetFundId is null ? null
                : await db.FundEntries.AsNoTracking().FirstOrDefaultAsync(e => e.TransferOfEntryId == original.Id, ct);
            var locked = await LockAsync(db, mirror is null ? [original.FundId] : [original.FundId, mirror.FundId], ct);
            if (await db.FundEntries.AnyAsync(e => e.ReversesEntryId == original.Id, ct)) return Result.Conflict(Messages.FundAlreadyReversed);
            foreach (var e in mirror is null ? [original] : new[] { original, mirror })
            {
                var fund = locked[e.FundId];
                if (fund.Balance - e.Amount < 0)
                    return Result.Conflict(string.Format(Messages.FundReversalOverdraws, fund.Name, fund.Balance.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture)));
                Append(db, fund, FundEntryKind.Reversal, e.Purpose, -e.Amount, clock.Today(), e.UnitId, e.WorkerId, reason).ReversesEntryId = e.Id;
            }
            var saved = await db.SaveOrConflictAsync(ct, Messages.FundAlreadyReversed);
            if (saved.IsOk) await tx.CommitAsync(ct);
            return saved;
        });
    }

    /// <summary>The fund's entries, newest first.</summary>
    public async Task<Result<IReadOnlyList<FundEntryRow>>> EntriesAsync(Guid fundId, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (fund, denied) = await FundAsync(db, fundId, ct);
        if (fund is null) return Result<IReadOnlyList<FundEntryRow>>.From(denied!);
        // A person paid who has since moved out of the jurisdiction is not named (the entry and its amount stay).
        var scope = (await Jurisdiction.ForAsync(db, user, ct)).Units(db).Select(u => u.Id);
        var rows = await db.FundEntries.AsNoTracking().Where(e => e.FundId == fundId).OrderByDescending(e => e.Number).Take(take)
            .Select(e => new FundEntryRow(e.Id, e.Number, e.Kind, e.Purpose, e.Amount, e.BalanceAfter, e.OccurredOn, e.Unit!.Name,
                e.Worker != null && scope.Contains(e.Worker.UnitId) ? e.WorkerId : null,
                e.Worker != null && scope.Contains(e.Worker.UnitId) ? e.Worker.FullName : null, db.CareFunds.Where(f => f.Id == e.TargetFundId).Select(f => f.Name).FirstOrDefault(), e.ReversesEntryId,
                db.FundEntries.Where(o => o.Id == e.ReversesEntryId).Select(o => (int?)o.Number).FirstOrDefault(),
                db.FundEntries.Any(r => r.ReversesEntryId == e.Id), e.Note, e.RecordedAt, e.RecordedBy, e.TransferOfEntryId != null))
            .ToListAsync(ct);
        return Result<IReadOnlyList<FundEntryRow>>.Ok(rows);
    }

    /// <summary>Opening, in, out and closing for [from, to] by the entries' dates, and the money out by unit and purpose, net of reversals.</summary>
    public async Task<Result<FundStatement>> StatementAsync(Guid fundId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from) return Result<FundStatement>.From(Result.Invalid("To", Messages.FundPeriodWrong));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (fund, denied) = await FundAsync(db, fundId, ct);
        if (fund is null) return Result<FundStatement>.From(denied!);
        var entries = db.FundEntries.AsNoTracking().Where(e => e.FundId == fundId);
        var opening = await entries.Where(e => e.OccurredOn < from).SumAsync(e => e.Amount, ct);
        var period = entries.Where(e => e.OccurredOn >= from && e.OccurredOn <= to);
        var moneyIn = await period.Where(e => e.Amount > 0).SumAsync(e => e.Amount, ct);
        var moneyOut = await period.Where(e => e.Amount < 0).SumAsync(e => -e.Amount, ct);
        var byUnit = await period.Where(e => e.Purpose != null)
            .GroupBy(e => new { e.Unit!.Name, Purpose = e.Purpose!.Value })
            .Select(g => new FundStatementLine(g.Key.Name, g.Key.Purpose, g.Count(e => e.Kind != FundEntryKind.Reversal), -g.Sum(e => e.Amount)))
            .ToListAsync(ct);
        return Result<FundStatement>.Ok(new FundStatement(from, to, opening, moneyIn, moneyOut, opening + moneyIn - moneyOut,
            byUnit.Where(l => l.Amount != 0 || l.Entries > 0).OrderBy(l => l.UnitName).ThenBy(l => l.Purpose).ToList()));
    }

    private FundEntry Append(AppDbContext db, CareFund fund, FundEntryKind kind, FundPurpose? purpose, decimal signed, DateOnly on,
        Guid? unitId, Guid? workerId, string note)
    {
        fund.Balance += signed;
        fund.Entries += 1;
        var entry = new FundEntry
        {
            Id = Guid.CreateVersion7(), FundId = fund.Id, Number = fund.Entries, Kind = kind, Purpose = purpose, Amount = signed,
            BalanceAfter = fund.Balance, OccurredOn = on, UnitId = unitId, WorkerId = workerId, Note = note,
            RecordedAt = clock.GetUtcNow(), RecordedBy = user.UserName,
        };
        db.FundEntries.Add(entry);
        return entry;
    }

    /// <summary>The funds locked FOR UPDATE until the transaction ends, in id order, tracked.</summary>
    private static async Task<Dictionary<Guid, CareFund>> LockAsync(AppDbContext db, Guid[] ids, CancellationToken ct)
    {
        var result = new Dictionary<Guid, CareFund>();
        foreach (var id in ids.Distinct().Order())
            result[id] = await db.CareFunds.FromSql($"SELECT *, xmin FROM care_funds WHERE id = {id} FOR UPDATE").SingleAsync(ct);
        return result;
    }

    private async Task<(CareFund? Fund, Result? Denied)> FundAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        if (!user.CanEditPersonnel()) return (null, Result.Forbidden(Messages.FundRolesOnly));
        var fund = await db.CareFunds.AsNoTracking().Include(f => f.Unit).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (fund is null) return (null, Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        return jurisdiction.Contains(fund.Unit!.Path) ? (fund, null) : (null, Jurisdiction.Hidden());
    }

    private static void CheckAmount(decimal? amount, List<FieldError> errors)
    {
        if (amount is not { } a) errors.Add(new FieldError(nameof(FundEntryForm.Amount), Messages.Required));
        else if (a <= 0 || a > MaxAmount || decimal.Round(a, 2) != a)
            errors.Add(new FieldError(nameof(FundEntryForm.Amount), Messages.FundAmountInvalid));
    }

    private static CareFundSummary Summary(CareFund f) => new(f.Id, f.Name, f.Kind, f.UnitId, f.Unit!.Name, f.Source, f.Balance, f.Entries, f.Version);
}
