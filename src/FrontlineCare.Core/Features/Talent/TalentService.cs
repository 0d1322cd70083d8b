using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Talent;

/// <summary>
/// A person on a talent or priority list (F2, F3, F4, F10), with the evidence that put them there. Taking them off
/// records who, when and why; the entry is kept.
/// </summary>
public sealed class TalentListEntry
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; }
    public TalentList List { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public required string Evidence { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedBy { get; set; }
    public string? RemovedReason { get; set; }
    public uint Version { get; set; }
}

public sealed class TalentEntryForm
{
    public TalentList List { get; set; }
    public Guid? WorkerId { get; set; }
    public string? Evidence { get; set; }
}

public sealed record TalentRow(
    Guid Id, uint Version, Guid WorkerId, string FullName, string NationalId, string UnitName, WorkerCategory Category, string? Position,
    string Evidence, DateTimeOffset AddedAt, string? AddedBy, DateTimeOffset? RemovedAt, string? RemovedReason)
{
    /// <summary>G1: the cadre's decided tolerance, shown where promotion is considered so that it is not held against them.</summary>
    public IReadOnlyList<Protection.ToleratedCaseNote> Tolerated { get; init; } = [];
}

/// <summary>
/// The talent pool, reserve cadres and priority lists (F2, F3, F4) and the talent card (F10): the organisation
/// department adds proven people of its jurisdiction with the evidence, takes them off with a reason, and exports each
/// list; everyone of the jurisdiction reads them (ID numbers masked except for the organisation department).
/// </summary>
public sealed class TalentService(
    IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock, ILogger<TalentService> logger)
{
    public async Task<IReadOnlyList<TalentRow>> ListAsync(TalentList list, bool includeRemoved = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        var rows = await db.TalentListEntries.AsNoTracking()
            .Where(e => e.List == list && scope.Contains(e.Worker!.UnitId) && (includeRemoved || e.RemovedAt == null))
            .OrderByDescending(e => e.AddedAt)
            .Select(e => new TalentRow(e.Id, e.Version, e.WorkerId, e.Worker!.FullName, e.Worker.NationalId, e.Worker.Unit!.Name, e.Worker.Category,
                e.Worker.Position, e.Evidence, e.AddedAt, e.AddedBy, e.RemovedAt, e.RemovedReason))
            .ToListAsync(ct);
        var tolerated = await Protection.ToleranceService.ToleratedAsync(db, rows.Select(r => r.WorkerId).Distinct().ToList(), ct);
        return rows.Select(r => r with
        {
            NationalId = user.SeesPersonalData() ? r.NationalId : Masking.NationalId(r.NationalId), Tolerated = tolerated[r.WorkerId].ToList(),
        }).ToList();
    }

    public async Task<Result> AddAsync(TalentEntryForm form, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result.Forbidden(Messages.OrgDepartmentOnly);
        var evidence = form.Evidence?.Trim();
        if (string.IsNullOrEmpty(evidence)) return Result.Invalid(nameof(form.Evidence), Messages.TalentEvidenceRequired);
        if (evidence.Length > TalentListEntry.TextMaxLength) return Result.Invalid(nameof(form.Evidence), string.Format(Messages.TooLong, TalentListEntry.TextMaxLength));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == form.WorkerId, ct);
        if (worker is null) return Result.Invalid(nameof(form.WorkerId), Messages.Required);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(worker.Unit!.Path)) return Result.Invalid(nameof(form.WorkerId), Messages.Required);
        var rules = await policies.ForUnitAsync(db, worker.Unit, ct);
        var deployed = await db.Deployments.AnyAsync(d => d.WorkerId == worker.Id, ct);
        var today = clock.Today();
        if (F2F4TalentLists.Check(form.List, worker.Category, worker.StaffCategory, F2F4TalentLists.Age(worker.NationalId, today), deployed, rules.F2YouthMaxAge.Value) is { } why)
        {
            return Result.Invalid(nameof(form.WorkerId), why switch
            {
                TalentIneligibility.NoFrontlineRecord => Messages.TalentNoFrontline,
                TalentIneligibility.NotCommunityCadreOrYouth => string.Format(Messages.TalentNotCommunityCadreOrYouth, rules.F2YouthMaxAge.Value),
                TalentIneligibility.NotCommunityCadre => Messages.TalentNotCommunityCadre,
                _ => Messages.TalentNoStaffPost,
            });
        }

        db.TalentListEntries.Add(new TalentListEntry
        {
            Id = Guid.CreateVersion7(), List = form.List, WorkerId = worker.Id, Evidence = evidence, AddedAt = clock.GetUtcNow(), AddedBy = user.UserName,
        });
        var saved = await db.SaveOrConflictAsync(ct, Messages.TalentAlreadyOnList);
        if (saved.Status == ResultStatus.Conflict) return Result.Invalid(nameof(form.WorkerId), saved.Message!);
        if (saved.IsOk) logger.LogInformation("Worker {WorkerId} put on {List} by {UserId}", worker.Id, form.List, user.UserId);
        return saved;
    }

    public async Task<Result> RemoveAsync(Guid id, uint version, string? reason, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result.Forbidden(Messages.OrgDepartmentOnly);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Result.Invalid("RemovedReason", Messages.TalentRemoveReason);
        if (reason.Length > TalentListEntry.TextMaxLength) return Result.Invalid("RemovedReason", string.Format(Messages.TooLong, TalentListEntry.TextMaxLength));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.TalentListEntries.Include(e => e.Worker).ThenInclude(w => w!.Unit).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(entry.Worker!.Unit!.Path)) return Jurisdiction.Hidden();
        if (entry.RemovedAt is not null) return Result.Conflict(Messages.ConcurrencyConflict);
        db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        (entry.RemovedAt, entry.RemovedBy, entry.RemovedReason) = (clock.GetUtcNow(), user.UserName, reason);
        return await db.SaveOrConflictAsync(ct);
    }
}
