using FluentValidation;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Couples;

/// <summary>What a unit sends: link its worker to the spouse with this ID number, or remove the worker's outside link.</summary>
public sealed class SpouseLinkForm
{
    public Guid WorkerId { get; set; }
    public SpouseLinkKind Kind { get; set; }
    public string? SpouseNationalId { get; set; }
    public string? Note { get; set; }
}

/// <summary>The organisation department's answer; a refusal says why.</summary>
public sealed class SpouseLinkDecision
{
    public Guid RequestId { get; set; }
    public uint Version { get; set; }
    public bool Confirm { get; set; }
    public string? Note { get; set; }
}

public sealed class SpouseLinkFormValidator : AbstractValidator<SpouseLinkForm>
{
    public SpouseLinkFormValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage(_ => Messages.Required);
        RuleFor(x => x.SpouseNationalId).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Messages.Required)
            .Must(v => NationalIdNumber.Check(v, clock.Today()) == NationalIdProblem.None).WithMessage(_ => Messages.NationalIdFormat)
            .When(x => x.Kind == SpouseLinkKind.Link);
        RuleFor(x => x.Note).RequiredText(SpouseLinkRequest.NoteMaxLength).When(x => x.Kind == SpouseLinkKind.Unlink)
            .WithMessage(_ => Messages.SpouseLinkReasonRequired);
        RuleFor(x => x.Note).OptionalText(SpouseLinkRequest.NoteMaxLength).When(x => x.Kind == SpouseLinkKind.Link);
    }
}

public sealed class SpouseLinkDecisionValidator : AbstractValidator<SpouseLinkDecision>
{
    public SpouseLinkDecisionValidator()
    {
        RuleFor(x => x.Note).RequiredText(SpouseLinkRequest.NoteMaxLength).When(x => !x.Confirm);
        RuleFor(x => x.Note).OptionalText(SpouseLinkRequest.NoteMaxLength).When(x => x.Confirm);
    }
}

/// <summary>A spouse-link request as one caller may see it: each side is named only when the caller may read it.</summary>
public sealed record SpouseLinkItem(
    Guid Id,
    uint Version,
    SpouseLinkKind Kind,
    SpouseLinkStatus Status,
    Guid? WorkerId,
    string? WorkerName,
    string? WorkerUnit,
    Guid? SpouseId,
    string? SpouseName,
    string? SpouseUnit,
    string? SpouseNationalId,
    string? Note,
    DateTimeOffset RequestedAt,
    string? RequestedBy,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? DecisionNote,
    bool CanDecide,
    bool CanWithdraw);

/// <summary>
/// A6 across jurisdictions: dual-worker couples mostly work in different units, and neither unit may read the other's
/// person. A unit committee links its worker to a spouse outside its jurisdiction by the spouse's ID number — the answer
/// is the same whether or not that number is registered — and asks the same way to remove such a link. The organisation
/// department whose jurisdiction holds both people confirms or refuses; only then are both workers' rows written, by a
/// caller who may change both. Each unit sees the request and its outcome for its own person, the other side unnamed.
/// A spouse within the caller's jurisdiction is linked directly on the worker's record (<see cref="WorkerService"/>).
/// </summary>
public sealed class SpouseLinkService(
    IDbContextFactory<AppDbContext> dbFactory, IValidator<SpouseLinkForm> validator, IValidator<SpouseLinkDecision> decisionValidator,
    ICurrentUser user, TimeProvider clock, ILogger<SpouseLinkService> logger)
{
    public const int MaxListed = 200;

    public async Task<Result<Guid>> RequestAsync(SpouseLinkForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<Guid>.From(Result.Forbidden(Messages.ReadOnlyRole));
        if (await validator.CheckAsync(form, ct) is { } invalid) return Result<Guid>.From(invalid);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == form.WorkerId, ct);
        if (worker is null || !jurisdiction.Contains(worker.Unit!.Path)) return Result<Guid>.From(Jurisdiction.Hidden());
        string? number = null;
        if (form.Kind == SpouseLinkKind.Link)
        {
            if (worker.SpouseId is not null) return Result<Guid>.From(Result.Invalid(nameof(form.SpouseNationalId), Messages.SpouseLinkAlreadyLinked));
            number = NationalIdNumber.Normalize(form.SpouseNationalId!);
            if (number == worker.NationalId) return Result<Guid>.From(Result.Invalid(nameof(form.SpouseNationalId), Messages.SpouseLinkSelf));
            // Someone the caller may read is linked directly; saying so tells them nothing they could not find themselves.
            // Anyone else — registered outside or not at all — gets the same answer: the request is sent.
            if (await SpouseCandidates(db, jurisdiction).AnyAsync(w => w.NationalId == number, ct))
                return Result<Guid>.From(Result.Invalid(nameof(form.SpouseNationalId), Messages.SpouseLinkInsideJurisdiction));
        }
        else
        {
            var spousePath = worker.SpouseId is { } sid
                ? await db.Workers.Where(w => w.Id == sid).Select(w => (LTree?)w.Unit!.Path).FirstOrDefaultAsync(ct)
                : null;
            if (spousePath is not { } path || jurisdiction.Contains(path))
                return Result<Guid>.From(Result.Invalid(nameof(form.Note), Messages.SpouseLinkNoOutsideSpouse));
        }
        return await AddAsync(db, worker.Id, form.Kind, number, form.Note, ct);
    }

    private async Task<Result<Guid>> AddAsync(AppDbContext db, Guid workerId, SpouseLinkKind kind, string? number, string? note, CancellationToken ct)
    {
        if (await db.SpouseLinkRequests.AnyAsync(r => r.WorkerId == workerId && r.Status == SpouseLinkStatus.Pending, ct))
            return Result<Guid>.From(Result.Conflict(Messages.SpouseLinkPending));
        var request = new SpouseLinkRequest
        {
            Id = Guid.CreateVersion7(), WorkerId = workerId, Kind = kind, SpouseNationalId = number, Note = TextRules.Stored(note),
            Status = SpouseLinkStatus.Pending, RequestedAt = clock.GetUtcNow(), RequestedBy = user.UserName,
        };
        db.SpouseLinkRequests.Add(request);
        var saved = await db.SaveOrConflictAsync(ct, Messages.SpouseLinkPending);
        if (!saved.IsOk) return Result<Guid>.From(saved);
        logger.LogInformation("Spouse {Kind} request {RequestId} for worker {WorkerId} by {UserId}", kind, request.Id, workerId, user.UserId);
        return Result<Guid>.Ok(request.Id);
    }

    /// <summary>The requesting side takes back a request still waiting.</summary>
    public async Task<Result> WithdrawAsync(Guid id, uint version, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (request, _, denied) = await LoadAsync(db, id, version, ct);
        if (denied is not null) return denied;
        request!.Status = SpouseLinkStatus.Withdrawn;
        request.DecidedAt = clock.GetUtcNow();
        request.DecidedBy = user.UserName;
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// The organisation department above both people confirms (and both rows are written, in one save with the request)
    /// or refuses with a reason.
    /// </summary>
    public async Task<Result> DecideAsync(SpouseLinkDecision decision, CancellationToken ct = default)
    {
        if (!user.CanManageUnits()) return Result.Forbidden(Messages.SpouseLinkDecideRole);
        if (await decisionValidator.CheckAsync(decision, ct) is { } invalid) return invalid;
        var (id, confirm, note) = (decision.RequestId, decision.Confirm, decision.Note);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (request, jurisdiction, denied) = await LoadAsync(db, id, decision.Version, ct);
        if (denied is not null) return denied;
        if (confirm)
        {
            var worker = await db.Workers.FirstAsync(w => w.Id == request!.WorkerId, ct);
            if (request!.Kind == SpouseLinkKind.Link)
            {
                var spouse = await SpouseCandidates(db, jurisdiction!).FirstOrDefaultAsync(w => w.NationalId == request.SpouseNationalId, ct);
                if (spouse is null || spouse.Id == worker.Id) return Result.Conflict(Messages.SpouseLinkCannotDecide);
                if (worker.SpouseId is not null) return Result.Conflict(Messages.SpouseLinkAlreadyLinked);
                if (spouse.SpouseId is not null) return Result.Conflict(Messages.SpouseLinkTargetTaken);
                worker.SpouseId = spouse.Id;
                spouse.SpouseId = worker.Id;
                request.SpouseId = spouse.Id;
            }
            else
            {
                var spouse = worker.SpouseId is { } sid ? await SpouseCandidates(db, jurisdiction!).FirstOrDefaultAsync(w => w.Id == sid, ct) : null;
                if (worker.SpouseId is null) return Result.Conflict(Messages.SpouseLinkNoOutsideSpouse);
                if (spouse is null) return Result.Conflict(Messages.SpouseLinkCannotDecide);
                worker.SpouseId = null;
                if (spouse.SpouseId == worker.Id) spouse.SpouseId = null;
                request.SpouseId = spouse.Id;
            }
        }
        request!.Status = confirm ? SpouseLinkStatus.Confirmed : SpouseLinkStatus.Refused;
        request.DecidedAt = clock.GetUtcNow();
        request.DecidedBy = user.UserName;
        request.DecisionNote = TextRules.Stored(note);
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsOk) logger.LogInformation("Spouse link request {RequestId} {Status} by {UserId}", id, request.Status, user.UserId);
        return saved;
    }

    /// <summary>
    /// The requests the caller may see: those of their own people (as the requesting side) and, once decided, those that
    /// linked or unlinked one of their people as the spouse. Newest first, pending first.
    /// </summary>
    public async Task<IReadOnlyList<SpouseLinkItem>> ListAsync(Guid? workerId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!user.CanEditPersonnel()) return [];
        var units = jurisdiction.Units(db).Select(u => u.Id);
        var mine = db.Workers.Where(w => units.Contains(w.UnitId));
        var query = db.SpouseLinkRequests.AsNoTracking()
            .Where(r => mine.Any(w => w.Id == r.WorkerId) || (r.SpouseId != null && mine.Any(w => w.Id == r.SpouseId)));
        if (workerId is { } wid) query = query.Where(r => r.WorkerId == wid || r.SpouseId == wid);
        var rows = await query
            .OrderBy(r => r.Status == SpouseLinkStatus.Pending ? 0 : 1).ThenByDescending(r => r.RequestedAt)
            .Take(MaxListed)
            .Select(r => new
            {
                Request = r,
                Worker = mine.Where(w => w.Id == r.WorkerId).Select(w => new { w.Id, w.FullName, Unit = w.Unit!.Name }).FirstOrDefault(),
                // The spouse named by the decision, or (pending link) the registered holder of the number, if readable.
                // (pending unlink) the current spouse — each only if the caller may read them.
                Spouse = mine.Where(w => w.Id == r.SpouseId
                                         || (r.SpouseId == null && r.Kind == SpouseLinkKind.Link && w.NationalId == r.SpouseNationalId)
                                         || (r.SpouseId == null && r.Kind == SpouseLinkKind.Unlink && db.Workers.Any(x => x.Id == r.WorkerId && x.SpouseId == w.Id)))
                    .Select(w => new { w.Id, w.FullName, Unit = w.Unit!.Name }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var decides = user.CanManageUnits();
        return rows.Select(x =>
        {
            var r = x.Request;
            var pending = r.Status == SpouseLinkStatus.Pending;
            var spouse = x.Spouse;
            var canDecide = decides && pending && x.Worker is not null && spouse is not null;
            return new SpouseLinkItem(
                r.Id, r.Version, r.Kind, r.Status,
                x.Worker?.Id, x.Worker?.FullName, x.Worker?.Unit,
                spouse?.Id, spouse?.FullName, spouse?.Unit,
                x.Worker is null ? null : user.SeesPersonalData() ? r.SpouseNationalId : Masking.NationalId(r.SpouseNationalId ?? ""),
                x.Worker is null ? null : r.Note,
                r.RequestedAt, x.Worker is null ? null : r.RequestedBy, r.DecidedAt, r.DecidedBy, r.DecisionNote,
                canDecide, pending && x.Worker is not null);
        }).ToList();
    }

    /// <summary>Requests the caller's organisation department can decide now; and for units, outcomes of the last 14 days.</summary>
    public async Task<int> AttentionCountAsync(CancellationToken ct = default)
    {
        var items = await ListAsync(null, ct);
        var since = clock.GetUtcNow().AddDays(-14);
        return user.CanManageUnits()
            ? items.Count(i => i.CanDecide)
            : items.Count(i => i.Status is SpouseLinkStatus.Confirmed or SpouseLinkStatus.Refused && i.DecidedAt >= since);
    }

    /// <summary>A pending request of the caller's own people, at the version read.</summary>
    private async Task<(SpouseLinkRequest?, Jurisdiction?, Result?)> LoadAsync(AppDbContext db, Guid id, uint version, CancellationToken ct)
    {
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var request = await db.SpouseLinkRequests.Include(r => r.Worker).ThenInclude(w => w!.Unit).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !jurisdiction.Contains(request.Worker!.Unit!.Path)) return (null, null, Jurisdiction.Hidden());
        if (request.Status != SpouseLinkStatus.Pending) return (null, null, Result.Conflict(Messages.SpouseLinkNotPending));
        db.Entry(request).Property(r => r.Version).OriginalValue = version;
        return (request, jurisdiction, null);
    }

    private static IQueryable<FrontlineWorker> SpouseCandidates(AppDbContext db, Jurisdiction jurisdiction)
    {
        var units = jurisdiction.Units(db).Select(u => u.Id);
        return db.Workers.Where(w => units.Contains(w.UnitId));
    }
}
