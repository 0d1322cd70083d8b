using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Volunteers;

public enum VolunteerServiceKind
{
    /// <summary>An organised volunteer activity.</summary>
    Activity,
    /// <summary>双报到: a Party member's service in the residential community they reported to (A2).</summary>
    CommunityCheckIn,
}

/// <summary>One stretch of volunteer service by a person (F9, A2): recorded by the organising unit, verified by a named person.</summary>
public sealed class VolunteerServiceRecord
{
    public const int TextMaxLength = 100;

    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public VolunteerServiceKind Kind { get; set; }
    public required string Activity { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    /// <summary>Time actually served, tenths of an hour rounded down (<see cref="F9VolunteerHours.Hours"/>).</summary>
    public decimal Hours { get; set; }
    public required string VerifiedBy { get; set; }
    /// <summary>Where else it is recorded (e.g. 志愿汇, 广州志愿时), when it is.</summary>
    public string? SourceSystem { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
    public uint Version { get; set; }
}

public sealed class VolunteerServiceForm
{
    public Guid WorkerId { get; set; }
    public VolunteerServiceKind Kind { get; set; }
    public string? Activity { get; set; }
    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }
    public string? VerifiedBy { get; set; }
    public string? SourceSystem { get; set; }
}

/// <summary>A person's service: records, total hours, stars, and what the next star needs.</summary>
public sealed record VolunteerSummary(
    Guid WorkerId, string FullName, string UnitName, decimal TotalHours, int Stars, decimal? ToNextStar, IReadOnlyList<int> Thresholds,
    IReadOnlyList<VolunteerServiceRecord> Records, bool CanEdit);

/// <summary>One row of the recognition list: who reached how many stars.</summary>
public sealed record VolunteerStarRow(Guid WorkerId, string FullName, string UnitName, decimal TotalHours, int Records, int Stars);

/// <summary>
/// F9 / A2 volunteer service hours: recorded by unit committees and the organisation department for people of their
/// jurisdiction ("谁组织谁记录，谁记录谁证明"), star levels by total hours per the profile, the list of who crossed
/// which threshold, and the data of a service-record certificate.
/// </summary>
public sealed class VolunteerService(
    IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock, ILogger<VolunteerService> logger)
{
    public async Task<Result<VolunteerSummary>> SummaryAsync(Guid workerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == workerId, ct);
        if (worker is null) return Result<VolunteerSummary>.From(Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(worker.Unit!.Path)) return Result<VolunteerSummary>.From(Jurisdiction.Hidden());
        var records = await db.VolunteerServiceRecords.AsNoTracking().Where(r => r.WorkerId == workerId).OrderByDescending(r => r.Start).ToListAsync(ct);
        var rules = (await policies.ForUnitAsync(db, worker.Unit, ct)).F9;
        var total = records.Sum(r => r.Hours);
        return Result<VolunteerSummary>.Ok(new VolunteerSummary(worker.Id, worker.FullName, worker.Unit.Name, total,
            F9VolunteerHours.Stars(total, rules), F9VolunteerHours.ToNextStar(total, rules), rules.Thresholds.Order().ToList(), records, user.CanEditPersonnel()));
    }

    public async Task<Result> RecordAsync(VolunteerServiceForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        var errors = new List<FieldError>();
        var activity = form.Activity?.Trim();
        var verifiedBy = form.VerifiedBy?.Trim();
        var source = string.IsNullOrWhiteSpace(form.SourceSystem) ? null : form.SourceSystem.Trim();
        if (string.IsNullOrEmpty(activity)) errors.Add(new FieldError(nameof(form.Activity), Messages.Required));
        else if (activity.Length > VolunteerServiceRecord.TextMaxLength) errors.Add(new FieldError(nameof(form.Activity), string.Format(Messages.TooLong, VolunteerServiceRecord.TextMaxLength)));
        if (string.IsNullOrEmpty(verifiedBy)) errors.Add(new FieldError(nameof(form.VerifiedBy), Messages.VolunteerVerifierRequired));
        else if (verifiedBy.Length > VolunteerServiceRecord.TextMaxLength) errors.Add(new FieldError(nameof(form.VerifiedBy), string.Format(Messages.TooLong, VolunteerServiceRecord.TextMaxLength)));
        if (source?.Length > VolunteerServiceRecord.TextMaxLength) errors.Add(new FieldError(nameof(form.SourceSystem), string.Format(Messages.TooLong, VolunteerServiceRecord.TextMaxLength)));
        if (form.Start is null) errors.Add(new FieldError(nameof(form.Start), Messages.Required));
        if (form.End is null) errors.Add(new FieldError(nameof(form.End), Messages.Required));
        DateTimeOffset start = default, end = default;
        if (form.Start is { } s && form.End is { } e)
        {
            (start, end) = (Clock.Beijing(s).ToUniversalTime(), Clock.Beijing(e).ToUniversalTime());
            if (end <= start) errors.Add(new FieldError(nameof(form.End), Messages.VolunteerEndBeforeStart));
            else if (end - start > TimeSpan.FromHours(F9VolunteerHours.MaxHoursPerRecord))
                errors.Add(new FieldError(nameof(form.End), string.Format(Messages.VolunteerTooLong, F9VolunteerHours.MaxHoursPerRecord)));
            else if (end > clock.GetUtcNow()) errors.Add(new FieldError(nameof(form.End), Messages.VolunteerFuture));
        }
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == form.WorkerId, ct);
        if (worker is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(worker.Unit!.Path)) return Jurisdiction.Hidden();
        // The same hour cannot be served twice; the exclusion constraint stops two saves racing past this check.
        if (await db.VolunteerServiceRecords.AnyAsync(r => r.WorkerId == worker.Id && r.Start < end && r.End > start, ct))
            return Result.Invalid(nameof(form.Start), Messages.VolunteerOverlap);

        db.VolunteerServiceRecords.Add(new VolunteerServiceRecord
        {
            Id = Guid.CreateVersion7(), WorkerId = worker.Id, Kind = form.Kind, Activity = activity!, Start = start, End = end,
            Hours = F9VolunteerHours.Hours(start, end), VerifiedBy = verifiedBy!, SourceSystem = source, RecordedAt = clock.GetUtcNow(), RecordedBy = user.UserName,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ExclusionViolation })
        {
            return Result.Invalid(nameof(form.Start), Messages.VolunteerOverlap);
        }
        logger.LogInformation("Volunteer service of {WorkerId} recorded by {UserId}", worker.Id, user.UserId);
        return Result.Ok();
    }

    /// <summary>Removes a wrong record (the audit trail keeps what it was).</summary>
    public async Task<Result> DeleteAsync(Guid id, uint version, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.VolunteerServiceRecords.Include(r => r.Worker).ThenInclude(w => w!.Unit).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(record.Worker!.Unit!.Path)) return Jurisdiction.Hidden();
        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        db.Remove(record);
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// Everyone of the jurisdiction with recorded service, most hours first, with their stars by their unit's profile;
    /// <paramref name="minStars"/> keeps those with at least that many.
    /// </summary>
    public async Task<IReadOnlyList<VolunteerStarRow>> StarListAsync(int minStars = 0, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        var totals = await db.VolunteerServiceRecords.AsNoTracking()
            .Where(r => scope.Contains(r.Worker!.UnitId))
            .GroupBy(r => new { r.WorkerId, r.Worker!.FullName, r.Worker.UnitId, UnitName = r.Worker.Unit!.Name })
            .Select(g => new { g.Key.WorkerId, g.Key.FullName, g.Key.UnitId, g.Key.UnitName, Hours = g.Sum(r => r.Hours), Records = g.Count() })
            .OrderByDescending(t => t.Hours)
            .ToListAsync(ct);
        var rules = new Dictionary<Guid, F9StarRules>();
        var rows = new List<VolunteerStarRow>(totals.Count);
        foreach (var t in totals)
        {
            if (!rules.TryGetValue(t.UnitId, out var unitRules))
            {
                var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == t.UnitId, ct);
                rules[t.UnitId] = unitRules = (await policies.ForUnitAsync(db, unit, ct)).F9;
            }
            var stars = F9VolunteerHours.Stars(t.Hours, unitRules);
            if (stars >= minStars) rows.Add(new VolunteerStarRow(t.WorkerId, t.FullName, t.UnitName, t.Hours, t.Records, stars));
        }
        return rows;
    }
}
