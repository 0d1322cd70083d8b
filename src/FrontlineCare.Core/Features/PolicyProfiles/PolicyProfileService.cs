using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.PolicyProfiles;

/// <summary>One parameter of a profile as the policy page shows it: in force today, and what is scheduled or past.</summary>
public sealed record PolicyParameterRow(
    PolicyParameter<string> Current, PolicyParameterRange Range, string DefaultValue, IReadOnlyList<PolicyParameterChange> Changes);

public sealed class PolicyParameterForm
{
    public PolicyProfileCode Profile { get; set; }
    public string Key { get; set; } = "";
    public string? Value { get; set; }
    public DateTime? EffectiveFrom { get; set; }
    public string? Source { get; set; }
}

/// <summary>
/// The parameters of the policy profiles: the catalog's sourced defaults, overridden from their day on by the
/// effective-dated changes OrgDepartment records. Every rule reads its numbers through here.
/// </summary>
public sealed class PolicyProfileService(
    IDbContextFactory<AppDbContext> dbFactory, UnitService units, ICurrentUser user, TimeProvider clock, ILogger<PolicyProfileService> logger)
{
    /// <summary>The parameters of a profile in force on a day.</summary>
    public static async Task<PolicyParameters> ForAsync(AppDbContext db, PolicyProfileCode profile, DateOnly asOf, CancellationToken ct)
    {
        var changes = await db.PolicyParameterChanges.AsNoTracking()
            .Where(c => c.Profile == profile && c.EffectiveFrom <= asOf)
            .OrderBy(c => c.EffectiveFrom)
            .ToListAsync(ct);
        return Apply(profile, asOf, changes);
    }

    /// <summary>The parameters of every profile in force on a day (for set-based runs over all units).</summary>
    public static async Task<IReadOnlyDictionary<PolicyProfileCode, PolicyParameters>> AllAsync(AppDbContext db, DateOnly asOf, CancellationToken ct)
    {
        var changes = await db.PolicyParameterChanges.AsNoTracking()
            .Where(c => c.EffectiveFrom <= asOf)
            .OrderBy(c => c.EffectiveFrom)
            .ToListAsync(ct);
        return Enum.GetValues<PolicyProfileCode>()
            .ToDictionary(p => p, p => Apply(p, asOf, changes.Where(c => c.Profile == p)));
    }

    /// <summary>
    /// A lookup of the parameters of any profile in force on any day up to <paramref name="upTo"/>, the changes read once:
    /// for rules applied day by day over a period that may span a change (D1).
    /// </summary>
    public static async Task<Func<PolicyProfileCode, DateOnly, PolicyParameters>> DailyAsync(AppDbContext db, DateOnly upTo, CancellationToken ct)
    {
        var changes = await db.PolicyParameterChanges.AsNoTracking()
            .Where(c => c.EffectiveFrom <= upTo)
            .OrderBy(c => c.EffectiveFrom)
            .ToListAsync(ct);
        // Safe to call from several threads (the subsidy rule runs people in parallel).
        var cache = new System.Collections.Concurrent.ConcurrentDictionary<(PolicyProfileCode Profile, DateOnly Day), PolicyParameters>();
        return (profile, day) => cache.GetOrAdd((profile, day),
            key => Apply(key.Profile, key.Day, changes.Where(c => c.Profile == key.Profile)));
    }

    /// <summary>The parameters in force today for a unit (its own profile, else its nearest ancestor's).</summary>
    public Task<PolicyParameters> ForUnitAsync(AppDbContext db, Unit unit, CancellationToken ct) => ForUnitAsync(db, unit, clock.Today(), ct);

    /// <summary>The parameters in force on a day for a unit (its own profile, else its nearest ancestor's).</summary>
    public async Task<PolicyParameters> ForUnitAsync(AppDbContext db, Unit unit, DateOnly asOf, CancellationToken ct) =>
        await ForAsync(db, await units.EffectiveProfileAsync(db, unit, ct), asOf, ct);

    /// <summary>The parameters in force today for each worker (Unit loaded), each unit's profile looked up once.</summary>
    public async Task<IReadOnlyDictionary<Guid, PolicyParameters>> ForWorkersAsync(AppDbContext db, IEnumerable<Workers.FrontlineWorker> workers, CancellationToken ct)
    {
        var ofUnit = new Dictionary<Guid, PolicyParameters>();
        var result = new Dictionary<Guid, PolicyParameters>();
        foreach (var worker in workers.DistinctBy(w => w.Id))
        {
            if (!ofUnit.TryGetValue(worker.UnitId, out var parameters))
                ofUnit[worker.UnitId] = parameters = await ForUnitAsync(db, worker.Unit!, ct);
            result[worker.Id] = parameters;
        }
        return result;
    }

    /// <summary>
    /// The parameters of a profile in force on a day: the catalog's first values, then the catalog's later values and the
    /// recorded changes dated on or before the day, all in date order (a recorded change after a catalog value of the same
    /// day). Before <see cref="PolicyCatalog.ResponseStart"/> no value is in force (<see cref="PolicyParameter{T}.InForceOn"/>).
    /// </summary>
    private static PolicyParameters Apply(PolicyProfileCode profile, DateOnly day, IEnumerable<PolicyParameterChange> changes) =>
        Timeline(profile, changes).Where(v => v.EffectiveFrom <= day)
            .Aggregate(PolicyCatalog.First(profile), (p, v) => p.With(v.Key, v.Value, v.EffectiveFrom, v.Source));

    /// <summary>The catalog's later values and the recorded changes of a profile, in date order.</summary>
    private static IEnumerable<PolicyCatalogValue> Timeline(PolicyProfileCode profile, IEnumerable<PolicyParameterChange> changes) =>
        PolicyCatalog.Later(profile).Select(v => (Value: v, Recorded: 0))
            .Concat(changes.Where(c => c.Profile == profile).Select(c => (Value: new PolicyCatalogValue(c.Key, c.Value, c.EffectiveFrom, c.Source), Recorded: 1)))
            .OrderBy(x => x.Value.EffectiveFrom).ThenBy(x => x.Recorded)
            .Select(x => x.Value);

    /// <summary>The profiles in force somewhere in the caller's jurisdiction: the ones they may read and change.</summary>
    public async Task<IReadOnlyList<PolicyProfileCode>> ProfilesAsync(CancellationToken ct = default) =>
        (await units.TreeAsync(ct)).Select(n => n.Profile).Distinct().Order().ToList();

    public async Task<Result<IReadOnlyList<PolicyParameterRow>>> ParametersAsync(PolicyProfileCode profile, CancellationToken ct = default)
    {
        if (!(await ProfilesAsync(ct)).Contains(profile))
            return Result<IReadOnlyList<PolicyParameterRow>>.From(Jurisdiction.Hidden());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changes = await db.PolicyParameterChanges.AsNoTracking()
            .Where(c => c.Profile == profile).OrderByDescending(c => c.EffectiveFrom).ToListAsync(ct);
        var today = clock.Today();
        var current = Apply(profile, today, changes);
        var defaults = PolicyCatalog.For(profile, today).All().ToDictionary(p => p.Key, p => p.Value);
        // The catalog's own later values are listed with the recorded changes (no author: they come with the portal).
        var later = PolicyCatalog.Later(profile)
            .Select(v => new PolicyParameterChange { Profile = profile, Key = v.Key, Value = v.Value, EffectiveFrom = v.EffectiveFrom, Source = v.Source })
            .ToList();
        IReadOnlyList<PolicyParameterRow> rows = current.All()
            .Select(p => new PolicyParameterRow(p, PolicyCatalog.Ranges[p.Key], defaults[p.Key],
                changes.Where(c => c.Key == p.Key).Concat(later.Where(c => c.Key == p.Key)).OrderByDescending(c => c.EffectiveFrom).ToList()))
            .ToList();
        return Result<IReadOnlyList<PolicyParameterRow>>.Ok(rows);
    }

    /// <summary>Records a new value from a day on. OrgDepartment only, for a profile of its jurisdiction.</summary>
    public async Task<Result> ChangeAsync(PolicyParameterForm form, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result.Forbidden(Messages.OrgDepartmentOnly);
        if (!PolicyCatalog.Ranges.TryGetValue(form.Key, out var range)) return Result.NotFound();
        if (!(await ProfilesAsync(ct)).Contains(form.Profile)) return Jurisdiction.Hidden();

        var errors = new List<FieldError>();
        var value = PolicyCatalog.Check(form.Key, form.Value);
        if (value is null)
            errors.Add(new FieldError(nameof(form.Value), range.IsSwitch || range.IsChoice ? Messages.Required : string.Format(Messages.PolicyValueRange, range.Min, range.Max)));
        var earliest = PolicyCatalog.First(form.Profile).All().First(p => p.Key == form.Key).EffectiveFrom;
        if (form.EffectiveFrom is not { } from) errors.Add(new FieldError(nameof(form.EffectiveFrom), Messages.Required));
        else if (DateOnly.FromDateTime(from) < earliest)
            errors.Add(new FieldError(nameof(form.EffectiveFrom), string.Format(Messages.PolicyEffectiveTooEarly, earliest.ToString("yyyy-MM-dd"))));
        if (string.IsNullOrWhiteSpace(form.Source)) errors.Add(new FieldError(nameof(form.Source), Messages.PolicySourceRequired));
        else if (form.Source.Trim().Length > 1000) errors.Add(new FieldError(nameof(form.Source), string.Format(Messages.TooLong, 1000)));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.PolicyParameterChanges.Add(new PolicyParameterChange
        {
            Id = Guid.CreateVersion7(), Profile = form.Profile, Key = form.Key, Value = value!,
            EffectiveFrom = DateOnly.FromDateTime(form.EffectiveFrom!.Value), Source = form.Source!.Trim(), CreatedBy = user.UserName,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Result.Invalid(nameof(form.EffectiveFrom), Messages.PolicyChangeSameDay);
        }
        logger.LogInformation("Policy parameter {Key} of {Profile} changed from {EffectiveFrom} by {UserId}", form.Key, form.Profile, form.EffectiveFrom, user.UserId);
        return Result.Ok();
    }
}
