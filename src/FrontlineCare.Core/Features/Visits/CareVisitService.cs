using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Funds;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Visits;

public sealed class CareVisitForm
{
    public Guid? Id { get; set; }
    public Guid? WorkerId { get; set; }
    public Guid? UnitId { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public string? Leader { get; set; }
    /// <summary>Set to record the visit as done on that day (with what was given); null keeps it planned.</summary>
    public DateOnly? VisitedOn { get; set; }
    public string? Gifts { get; set; }
    public decimal? Amount { get; set; }
    public Guid? FundId { get; set; }
    public string? Note { get; set; }
    public uint Version { get; set; }
}

/// <summary>
/// A visit as the list shows it. The person (and the fund paid from) are named only while the caller may read them: a
/// person who has since moved out of the jurisdiction shows as <see cref="PersonOutside"/>, without id or name.
/// </summary>
public sealed record CareVisitRow(
    Guid Id, CareVisitStatus Status, Guid? WorkerId, string? FullName, Guid UnitId, string UnitName, DateOnly PlannedOn, DateOnly? VisitedOn,
    string Leader, string? Gifts, decimal? Amount, string? FundName, string? Note, uint Version, bool PersonOutside = false);

/// <summary>Why someone is on the priority list, in the order E1 puts them.</summary>
public enum VisitPriority
{
    /// <summary>The family of a person who died on duty.</summary>
    Bereaved,
    /// <summary>Injured, disabled or infected on duty (an open case).</summary>
    InjuredOrIll,
    /// <summary>On duty now, longest without a visit.</summary>
    LongOnDuty,
}

public sealed record VisitPriorityRow(Guid WorkerId, string FullName, string UnitName, VisitPriority Reason, DateOnly Since, DateOnly? LastVisit, int DaysWithoutVisit);

/// <summary>
/// E1 condolence visits: committees and the organisation department plan visits to people and units, record them with
/// the leader, gifts and money — paid from a care fund of their jurisdiction in the same transaction as the visit —
/// and work from a priority list: the bereaved first, then the injured and ill, then those longest on duty without a visit.
/// </summary>
public sealed class CareVisitService(
    IDbContextFactory<AppDbContext> dbFactory, FundService funds, ICurrentUser user, TimeProvider clock, ILogger<CareVisitService> logger)
{
    /// <summary>How many people the priority list shows.</summary>
    public const int PriorityListSize = 100;

    public async Task<Result<IReadOnlyList<CareVisitRow>>> ListAsync(CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<IReadOnlyList<CareVisitRow>>.From(Result.Forbidden(Messages.VisitRolesOnly));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var units = jurisdiction.Units(db).Select(u => u.Id);
        var rows = await db.CareVisits.AsNoTracking().Where(v => units.Contains(v.UnitId))
            .OrderBy(v => v.Status).ThenByDescending(v => v.VisitedOn ?? v.PlannedOn).Take(500)
            .Select(v => new
            {
                Visit = v,
                Readable = v.WorkerId == null || units.Contains(v.Worker!.UnitId),
                FullName = v.Worker!.FullName,
                UnitName = v.Unit!.Name,
                FundName = db.CareFunds.Where(f => f.Id == v.FundEntry!.FundId && units.Contains(f.UnitId)).Select(f => f.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        IReadOnlyList<CareVisitRow> list = rows.Select(x => new CareVisitRow(
                x.Visit.Id, x.Visit.Status, x.Readable ? x.Visit.WorkerId : null, x.Readable ? x.FullName : null, x.Visit.UnitId, x.UnitName, x.Visit.PlannedOn,
                x.Visit.VisitedOn, x.Visit.Leader, x.Visit.Gifts, x.Visit.Amount, x.FundName, x.Visit.Note, x.Visit.Version, PersonOutside: !x.Readable))
            .ToList();
        return Result<IReadOnlyList<CareVisitRow>>.Ok(list);
    }

    /// <summary>Plans a visit, changes a planned one, or records it as done (paying money from a fund when given).</summary>
    public async Task<Result<Guid>> SaveAsync(CareVisitForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<Guid>.From(Result.Forbidden(Messages.VisitRolesOnly));
        var today = clock.Today();
        var errors = new List<FieldError>();
        string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var (leader, gifts, note) = (Text(form.Leader), Text(form.Gifts), Text(form.Note));
        if (form.WorkerId is null && form.UnitId is null) errors.Add(new FieldError(nameof(form.UnitId), Messages.VisitWhomRequired));
        if (form.PlannedOn is null) errors.Add(new FieldError(nameof(form.PlannedOn), Messages.Required));
        if (leader is null) errors.Add(new FieldError(nameof(form.Leader), Messages.Required));
        else if (leader.Length > CareVisit.TextMaxLength) errors.Add(new FieldError(nameof(form.Leader), string.Format(Messages.TooLong, CareVisit.TextMaxLength)));
        if (gifts?.Length > CareVisit.TextMaxLength) errors.Add(new FieldError(nameof(form.Gifts), string.Format(Messages.TooLong, CareVisit.TextMaxLength)));
        if (note?.Length > CareVisit.NoteMaxLength) errors.Add(new FieldError(nameof(form.Note), string.Format(Messages.TooLong, CareVisit.NoteMaxLength)));
        if (form.VisitedOn is { } visited && visited > today) errors.Add(new FieldError(nameof(form.VisitedOn), Messages.VisitDateFuture));
        if (form.Amount is not null && form.VisitedOn is null) errors.Add(new FieldError(nameof(form.Amount), Messages.VisitMoneyWhenDone));
        if (form.Amount is not null && form.FundId is null) errors.Add(new FieldError(nameof(form.FundId), Messages.VisitFundRequired));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
            Guid unitId;
            if (form.WorkerId is { } workerId)
            {
                var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == workerId, ct);
                if (worker is null || !jurisdiction.Contains(worker.Unit!.Path)) return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), Messages.Required));
                unitId = worker.UnitId;
            }
            else
            {
                if (!await jurisdiction.ContainsUnitAsync(db, form.UnitId!.Value, ct)) return Result<Guid>.From(Result.Invalid(nameof(form.UnitId), Messages.UnitOutsideJurisdiction));
                unitId = form.UnitId.Value;
            }

            CareVisit visit;
            if (form.Id is { } id)
            {
                var existing = await db.CareVisits.FirstOrDefaultAsync(v => v.Id == id, ct);
                if (existing is null) return Result<Guid>.From(Result.NotFound());
                if (!await jurisdiction.ContainsUnitAsync(db, existing.UnitId, ct)) return Result<Guid>.From(Jurisdiction.Hidden());
                if (existing.Status != CareVisitStatus.Planned) return Result<Guid>.From(Result.Conflict(Messages.VisitAlreadyDone));
                db.Entry(existing).Property(v => v.Version).OriginalValue = form.Version;
                visit = existing;
            }
            else
            {
                visit = new CareVisit { Id = Guid.CreateVersion7(), Leader = "", CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName };
                db.CareVisits.Add(visit);
            }
            (visit.WorkerId, visit.UnitId, visit.PlannedOn, visit.Leader, visit.Gifts, visit.Note) = (form.WorkerId, unitId, form.PlannedOn!.Value, leader!, gifts, note);
            if (form.VisitedOn is { } on)
            {
                (visit.Status, visit.VisitedOn, visit.Amount) = (CareVisitStatus.Done, on, form.Amount);
                if (form.Amount is { } amount)
                {
                    // The money leaves the fund in the same transaction as the visit is recorded: both or neither.
                    var spending = new FundEntryForm
                    {
                        FundId = form.FundId!.Value, Kind = FundEntryKind.Spending, Purpose = FundPurpose.Visit, Amount = amount, OccurredOn = on,
                        WorkerId = form.WorkerId, UnitId = form.WorkerId is null ? unitId : null, Note = FundNote(leader!, note ?? gifts),
                    };
                    if (funds.Check(spending) is { } invalid) return Result<Guid>.From(Rename(invalid));
                    var posted = await funds.PostAsync(db, spending, ct);
                    if (!posted.IsOk) return Result<Guid>.From(Rename(posted));
                    visit.FundEntryId = posted.Value!.Id;
                }
            }
            var saved = await db.SaveOrConflictAsync(ct);
            if (!saved.IsOk) return Result<Guid>.From(saved);
            await tx.CommitAsync(ct);
            logger.LogInformation("Visit {VisitId} ({Status}) saved by {UserId}", visit.Id, visit.Status, user.UserId);
            return Result<Guid>.Ok(visit.Id);
        });
    }

    public async Task<Result> CancelAsync(Guid id, uint version, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.VisitRolesOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await db.CareVisits.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!await jurisdiction.ContainsUnitAsync(db, visit.UnitId, ct)) return Jurisdiction.Hidden();
        if (visit.Status != CareVisitStatus.Planned) return Result.Conflict(Messages.VisitAlreadyDone);
        db.Entry(visit).Property(v => v.Version).OriginalValue = version;
        visit.Status = CareVisitStatus.Cancelled;
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// Who to visit first: families of those who died on duty, then people with an open injury, disability or infection
    /// case, then people on duty now — each group by days since their last visit (or since the event or deployment).
    /// </summary>
    public async Task<Result<IReadOnlyList<VisitPriorityRow>>> PriorityAsync(CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<IReadOnlyList<VisitPriorityRow>>.From(Result.Forbidden(Messages.VisitRolesOnly));
        var today = clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var units = jurisdiction.Units(db).Select(u => u.Id);
        var lastVisits = db.CareVisits.Where(v => v.Status == CareVisitStatus.Done && v.WorkerId != null);

        var cases = await db.CasualtyCases.AsNoTracking()
            .Where(c => c.ClosedOn == null && units.Contains(c.Worker!.UnitId))
            .Select(c => new { c.WorkerId, c.Worker!.FullName, UnitName = c.Worker.Unit!.Name, c.Kind, c.OccurredOn,
                LastVisit = lastVisits.Where(v => v.WorkerId == c.WorkerId).Max(v => v.VisitedOn) })
            .ToListAsync(ct);
        var rows = cases
            .GroupBy(c => c.WorkerId)
            .Select(g => g.OrderBy(c => c.Kind == CasualtyKind.Death ? 0 : 1).First())
            .Select(c => Row(c.WorkerId, c.FullName, c.UnitName, c.Kind == CasualtyKind.Death ? VisitPriority.Bereaved : VisitPriority.InjuredOrIll, c.OccurredOn, c.LastVisit, today))
            .ToList();
        var listed = rows.Select(r => r.WorkerId).ToHashSet();

        var onDuty = await db.Deployments.AsNoTracking()
            .Where(d => units.Contains(d.Worker!.UnitId) && d.StartDate <= today && (d.EndDate == null || d.EndDate >= today))
            .GroupBy(d => new { d.WorkerId, d.Worker!.FullName, UnitName = d.Worker.Unit!.Name })
            .Select(g => new { g.Key.WorkerId, g.Key.FullName, g.Key.UnitName, Since = g.Min(d => d.StartDate),
                LastVisit = lastVisits.Where(v => v.WorkerId == g.Key.WorkerId).Max(v => v.VisitedOn) })
            .OrderBy(x => x.LastVisit != null && x.LastVisit > x.Since ? x.LastVisit : x.Since).ThenBy(x => x.Since)
            .Take(PriorityListSize + listed.Count)
            .ToListAsync(ct);
        rows.AddRange(onDuty.Where(d => !listed.Contains(d.WorkerId)).Select(d => Row(d.WorkerId, d.FullName, d.UnitName, VisitPriority.LongOnDuty, d.Since, d.LastVisit, today)));
        return Result<IReadOnlyList<VisitPriorityRow>>.Ok(rows
            .OrderBy(r => r.Reason).ThenByDescending(r => r.DaysWithoutVisit).ThenBy(r => r.FullName)
            .Take(PriorityListSize).ToList());
    }

    private static VisitPriorityRow Row(Guid workerId, string name, string unit, VisitPriority reason, DateOnly since, DateOnly? lastVisit, DateOnly today) =>
        new(workerId, name, unit, reason, since, lastVisit, today.DayNumber - (lastVisit is { } l && l > since ? l : since).DayNumber);

    /// <summary>The spending's note: the leader and what the visit was, cut to what a fund entry holds.</summary>
    private static string FundNote(string leader, string? what)
    {
        var text = what is null ? leader : $"{leader}: {what}";
        return text.Length <= FundEntry.NoteMaxLength ? text : text[..(FundEntry.NoteMaxLength - 1)] + "…";
    }

    /// <summary>A fund's field errors named as the visit form names them.</summary>
    private static Result Rename(Result result) => result.Errors.Count == 0 ? result : Result.Invalid(result.Errors.Select(e => e.Field switch
    {
        nameof(FundEntryForm.OccurredOn) => e with { Field = nameof(CareVisitForm.VisitedOn) },
        nameof(FundEntryForm.Note) => e with { Field = nameof(CareVisitForm.Note) },
        nameof(FundEntryForm.WorkerId) or nameof(FundEntryForm.UnitId) => e with { Field = nameof(CareVisitForm.FundId) },
        _ => e,
    }).ToList());
}
