using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Features.Difficulties;

public sealed class FamilyDifficultyForm
{
    public Guid? Id { get; set; }
    public Guid? WorkerId { get; set; }
    public string? PersonName { get; set; }
    public bool IsPartyMember { get; set; }
    public Guid? UnitId { get; set; }
    public DifficultyKind Kind { get; set; }
    public string? Description { get; set; }
    public string? Liaison { get; set; }
    public string? LiaisonPhone { get; set; }
    public uint Version { get; set; }
}

public sealed record FamilyDifficultyRow(
    Guid Id, Guid? WorkerId, string Name, bool IsWorker, bool IsPartyMember, string UnitName, DifficultyKind Kind, string Description,
    string Liaison, string? LiaisonPhone, DateOnly OpenedOn, DateOnly? ResolvedOn, string? Resolution, int DaysOpen, bool Overdue,
    DateOnly? LastAction, IReadOnlyList<FamilyDifficultyAction> Actions, uint Version);

/// <summary>
/// E3 / E5 family-difficulty ledger: committees and the organisation department record a difficulty with a one-to-one
/// liaison, log what is done, and resolve it with the outcome; open items older than <c>E3.openLimitDays</c> (the unit's
/// profile) are flagged; the ledger of a unit and below exports. Family circumstances are for those roles only.
/// </summary>
public sealed class FamilyDifficultyService(IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<FamilyDifficultyRow>>> ListAsync(Guid? unitId = null, bool openOnly = false, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<IReadOnlyList<FamilyDifficultyRow>>.From(Result.Forbidden(Messages.DifficultyRolesOnly));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await (await Jurisdiction.ForAsync(db, user, ct)).UnitsUnderAsync(db, unitId, ct);
        if (units is null) return Result<IReadOnlyList<FamilyDifficultyRow>>.From(Jurisdiction.Hidden());
        var unitIds = units.Select(x => x.Id);
        var items = await db.FamilyDifficulties.AsNoTracking().Include(d => d.Worker).Include(d => d.Unit)
            .Where(d => unitIds.Contains(d.UnitId) && (!openOnly || d.ResolvedOn == null))
            .OrderBy(d => d.ResolvedOn != null).ThenBy(d => d.OpenedOn).Take(2000).ToListAsync(ct);
        var ids = items.Select(d => d.Id).ToList();
        var actions = (await db.FamilyDifficultyActions.AsNoTracking().Where(a => ids.Contains(a.DifficultyId)).OrderByDescending(a => a.On).ToListAsync(ct))
            .ToLookup(a => a.DifficultyId);
        var today = clock.Today();
        var limits = new Dictionary<Guid, int>();
        var rows = new List<FamilyDifficultyRow>(items.Count);
        foreach (var d in items)
        {
            if (!limits.TryGetValue(d.UnitId, out var limit))
                limits[d.UnitId] = limit = (await policies.ForUnitAsync(db, d.Unit!, ct)).E3OpenLimitDays.Value;
            var daysOpen = (d.ResolvedOn ?? today).DayNumber - d.OpenedOn.DayNumber;
            var done = actions[d.Id].ToList();
            rows.Add(new FamilyDifficultyRow(d.Id, d.WorkerId, d.Worker?.FullName ?? d.PersonName!, d.WorkerId is not null, d.IsPartyMember, d.Unit!.Name, d.Kind,
                d.Description, d.Liaison, d.LiaisonPhone, d.OpenedOn, d.ResolvedOn, d.Resolution, daysOpen, d.ResolvedOn is null && daysOpen > limit,
                done.Count > 0 ? done[0].On : null, done, d.Version));
        }
        return Result<IReadOnlyList<FamilyDifficultyRow>>.Ok(rows);
    }

    public async Task<Result<Guid>> SaveAsync(FamilyDifficultyForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<Guid>.From(Result.Forbidden(Messages.DifficultyRolesOnly));
        var errors = new List<FieldError>();
        string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var (name, description, liaison, phone) = (Text(form.PersonName), Text(form.Description), Text(form.Liaison), Text(form.LiaisonPhone));
        if (form.WorkerId is null && (name is null || form.UnitId is null))
            errors.Add(new FieldError(nameof(form.WorkerId), Messages.DifficultyWhoRequired));
        if (name?.Length > FamilyDifficulty.NameMaxLength) errors.Add(new FieldError(nameof(form.PersonName), string.Format(Messages.TooLong, FamilyDifficulty.NameMaxLength)));
        if (!Enum.IsDefined(form.Kind)) errors.Add(new FieldError(nameof(form.Kind), Messages.Required));
        if (description is null) errors.Add(new FieldError(nameof(form.Description), Messages.Required));
        else if (description.Length > FamilyDifficulty.TextMaxLength) errors.Add(new FieldError(nameof(form.Description), string.Format(Messages.TooLong, FamilyDifficulty.TextMaxLength)));
        if (liaison is null) errors.Add(new FieldError(nameof(form.Liaison), Messages.DifficultyLiaisonRequired));
        else if (liaison.Length > FamilyDifficulty.NameMaxLength) errors.Add(new FieldError(nameof(form.Liaison), string.Format(Messages.TooLong, FamilyDifficulty.NameMaxLength)));
        if (phone is not null && !ValidationExtensions.IsContactPhone(phone)) errors.Add(new FieldError(nameof(form.LiaisonPhone), Messages.ContactPhoneInvalid));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        Guid unitId;
        if (form.WorkerId is { } workerId)
        {
            var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == workerId, ct);
            if (worker is null || !jurisdiction.Contains(worker.Unit!.Path)) return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), Messages.Required));
            (unitId, name) = (worker.UnitId, null);
        }
        else
        {
            if (!await jurisdiction.ContainsUnitAsync(db, form.UnitId!.Value, ct)) return Result<Guid>.From(Result.Invalid(nameof(form.UnitId), Messages.UnitOutsideJurisdiction));
            unitId = form.UnitId.Value;
        }
        FamilyDifficulty item;
        if (form.Id is { } id)
        {
            var existing = await db.FamilyDifficulties.FirstOrDefaultAsync(d => d.Id == id, ct);
            if (existing is null) return Result<Guid>.From(Result.NotFound());
            if (!await jurisdiction.ContainsUnitAsync(db, existing.UnitId, ct)) return Result<Guid>.From(Jurisdiction.Hidden());
            db.Entry(existing).Property(d => d.Version).OriginalValue = form.Version;
            item = existing;
        }
        else
        {
            item = new FamilyDifficulty { Id = Guid.CreateVersion7(), Description = "", Liaison = "", OpenedOn = clock.Today(), CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName };
            db.FamilyDifficulties.Add(item);
        }
        (item.WorkerId, item.PersonName, item.IsPartyMember, item.UnitId, item.Kind) = (form.WorkerId, name, form.IsPartyMember, unitId, form.Kind);
        (item.Description, item.Liaison, item.LiaisonPhone) = (description!, liaison!, phone);
        var saved = await db.SaveOrConflictAsync(ct);
        return saved.IsOk ? Result<Guid>.Ok(item.Id) : Result<Guid>.From(saved);
    }

    public async Task<Result> AddActionAsync(Guid id, DateOnly? on, string? by, string? note, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (item, denied) = await ItemAsync(db, id, ct);
        if (item is null) return denied!;
        var errors = new List<FieldError>();
        (by, note) = (by?.Trim(), note?.Trim());
        if (on is not { } day || day > clock.Today() || day < item.OpenedOn) errors.Add(new FieldError("On", Messages.DifficultyDateOrder));
        if (string.IsNullOrEmpty(by)) errors.Add(new FieldError("By", Messages.Required));
        else if (by.Length > FamilyDifficulty.NameMaxLength) errors.Add(new FieldError("By", string.Format(Messages.TooLong, FamilyDifficulty.NameMaxLength)));
        if (string.IsNullOrEmpty(note)) errors.Add(new FieldError("Note", Messages.Required));
        else if (note.Length > FamilyDifficulty.TextMaxLength) errors.Add(new FieldError("Note", string.Format(Messages.TooLong, FamilyDifficulty.TextMaxLength)));
        errors.AddRange(ValidationExtensions.UnsafeText(new { By = by, Note = note }));
        if (errors.Count > 0) return Result.Invalid(errors);
        db.FamilyDifficultyActions.Add(new FamilyDifficultyAction { Id = Guid.CreateVersion7(), DifficultyId = id, On = on!.Value, By = by!, Note = note!, RecordedBy = user.UserName });
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Closes the item with how it was resolved; a resolved item stays resolved (a new difficulty is a new entry).</summary>
    public async Task<Result> ResolveAsync(Guid id, uint version, string? resolution, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (found, denied) = await ItemAsync(db, id, ct);
        if (found is null) return denied!;
        resolution = resolution?.Trim();
        if (string.IsNullOrEmpty(resolution)) return Result.Invalid("Resolution", Messages.DifficultyResolutionRequired);
        if (resolution.Length > FamilyDifficulty.TextMaxLength) return Result.Invalid("Resolution", string.Format(Messages.TooLong, FamilyDifficulty.TextMaxLength));
        var item = await db.FamilyDifficulties.FirstAsync(d => d.Id == id, ct);
        if (item.ResolvedOn is not null) return Result.Conflict(Messages.DifficultyAlreadyResolved);
        db.Entry(item).Property(d => d.Version).OriginalValue = version;
        (item.ResolvedOn, item.Resolution) = (clock.Today(), resolution);
        return await db.SaveOrConflictAsync(ct);
    }

    private async Task<(FamilyDifficulty? Item, Result? Denied)> ItemAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        if (!user.CanEditPersonnel()) return (null, Result.Forbidden(Messages.DifficultyRolesOnly));
        var item = await db.FamilyDifficulties.AsNoTracking().Include(d => d.Unit).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (item is null) return (null, Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        return jurisdiction.Contains(item.Unit!.Path) ? (item, null) : (null, Jurisdiction.Hidden());
    }
}
