using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Supervision;

public sealed class FindingForm
{
    public Guid? UnitId { get; set; }
    public DateOnly? FoundOn { get; set; }
    public string? Inspector { get; set; }
    public string? Problem { get; set; }
    public string? Owner { get; set; }
    /// <summary>Empty: the profile's default (<c>H4.deadlineDays</c> after it was found).</summary>
    public DateOnly? Deadline { get; set; }
}

public sealed record FindingRow(SupervisionFinding Finding, string UnitName, IReadOnlyList<FindingRectification> Rectifications, bool Overdue);

/// <summary>
/// H4 supervision findings. Inspectors (supervisors) and the organisation department record findings against units of
/// their jurisdiction; unit committees (and the organisation department) record rectifications; the organisation
/// department closes a finding once a rectification is on record. Everyone reads the findings of their jurisdiction.
/// </summary>
public sealed class SupervisionService(
    IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock, ILogger<SupervisionService> logger)
{
    public async Task<IReadOnlyList<FindingRow>> ListAsync(bool includeClosed = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var units = jurisdiction.Units(db).Select(u => u.Id);
        var findings = await db.SupervisionFindings.AsNoTracking().Include(f => f.Unit)
            .Where(f => units.Contains(f.UnitId) && (includeClosed || f.ClosedOn == null))
            .OrderBy(f => f.ClosedOn != null).ThenBy(f => f.Deadline).Take(500).ToListAsync(ct);
        var ids = findings.Select(f => f.Id).ToList();
        var rectifications = (await db.FindingRectifications.AsNoTracking().Where(r => ids.Contains(r.FindingId)).OrderBy(r => r.On).ToListAsync(ct))
            .ToLookup(r => r.FindingId);
        var today = clock.Today();
        return findings.Select(f => new FindingRow(f, f.Unit!.Name, rectifications[f.Id].ToList(), H4Supervision.Overdue(f.Deadline, f.ClosedOn, today))).ToList();
    }

    /// <summary>The overdue findings of the jurisdiction, for the dashboard.</summary>
    public async Task<int> OverdueCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var units = jurisdiction.Units(db).Select(u => u.Id);
        var today = clock.Today();
        return await db.SupervisionFindings.CountAsync(f => units.Contains(f.UnitId) && f.ClosedOn == null && f.Deadline < today, ct);
    }

    public async Task<Result<Guid>> CreateAsync(FindingForm form, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Supervisor) && !user.IsInRole(Roles.OrgDepartment)) return Result<Guid>.From(Result.Forbidden(Messages.FindingInspectorsOnly));
        var today = clock.Today();
        var errors = new List<FieldError>();
        if (form.UnitId is null) errors.Add(new FieldError(nameof(form.UnitId), Messages.Required));
        if (form.FoundOn is not { } found) errors.Add(new FieldError(nameof(form.FoundOn), Messages.Required));
        else if (found > today) errors.Add(new FieldError(nameof(form.FoundOn), Messages.DateNotAfterToday));
        var inspector = Texts.Clean(form.Inspector, nameof(form.Inspector), SupervisionFinding.ShortMaxLength, required: true, errors);
        var problem = Texts.Clean(form.Problem, nameof(form.Problem), SupervisionFinding.TextMaxLength, required: true, errors);
        var owner = Texts.Clean(form.Owner, nameof(form.Owner), SupervisionFinding.ShortMaxLength, required: true, errors);
        if (form.Deadline < form.FoundOn) errors.Add(new FieldError(nameof(form.Deadline), Messages.FindingDeadlineBeforeFound));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == form.UnitId, ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (unit is null || !jurisdiction.Contains(unit.Path)) return Result<Guid>.From(Result.Invalid(nameof(form.UnitId), Messages.UnitOutsideJurisdiction));
        var rules = await policies.ForUnitAsync(db, unit, form.FoundOn!.Value, ct);
        var finding = new SupervisionFinding
        {
            Id = Guid.CreateVersion7(), UnitId = unit.Id, FoundOn = form.FoundOn!.Value, Inspector = inspector!, Problem = problem!, Owner = owner!,
            Deadline = form.Deadline ?? H4Supervision.DefaultDeadline(form.FoundOn.Value, rules.H4DeadlineDays), CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName,
        };
        db.SupervisionFindings.Add(finding);
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsOk) logger.LogInformation("Supervision finding {FindingId} at unit {UnitId} recorded by {UserId}", finding.Id, unit.Id, user.UserId);
        return saved.IsOk ? Result<Guid>.Ok(finding.Id) : Result<Guid>.From(saved);
    }

    /// <summary>The unit's record of what it did about the finding (unit committee or organisation department).</summary>
    public async Task<Result> RectifyAsync(Guid findingId, DateOnly? on, string? description, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.FindingRectifyRoles);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (finding, denied) = await FindingAsync(db, findingId, ct);
        if (finding is null) return denied!;
        if (finding.ClosedOn is not null) return Result.Conflict(Messages.FindingClosed);
        var errors = new List<FieldError>();
        var text = Texts.Clean(description, "Description", SupervisionFinding.TextMaxLength, required: true, errors);
        if (on is not { } day || day > clock.Today() || day < finding.FoundOn) errors.Add(new FieldError("On", Messages.FindingRectifiedDateOrder));
        errors.AddRange(ValidationExtensions.UnsafeText(new { Description = description }));
        if (errors.Count > 0) return Result.Invalid(errors);
        db.FindingRectifications.Add(new FindingRectification
            { Id = Guid.CreateVersion7(), FindingId = findingId, On = on!.Value, Description = text!, RecordedAt = clock.GetUtcNow(), RecordedBy = user.UserName });
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>销号: the organisation department closes a finding whose rectification is on record.</summary>
    public async Task<Result> CloseAsync(Guid findingId, uint version, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result.Forbidden(Messages.FindingCloseOrgDepartmentOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (finding, denied) = await FindingAsync(db, findingId, ct);
        if (finding is null) return denied!;
        if (finding.ClosedOn is not null) return Result.Conflict(Messages.FindingClosed);
        if (!H4Supervision.MayClose(await db.FindingRectifications.CountAsync(r => r.FindingId == findingId, ct)))
            return Result.Invalid("Rectification", Messages.FindingNoRectification);
        db.Entry(finding).Property(f => f.Version).OriginalValue = version;
        (finding.ClosedOn, finding.ClosedBy) = (clock.Today(), user.UserName);
        return await db.SaveOrConflictAsync(ct);
    }

    private async Task<(SupervisionFinding? Finding, Result? Denied)> FindingAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var finding = await db.SupervisionFindings.Include(f => f.Unit).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (finding is null) return (null, Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        return jurisdiction.Contains(finding.Unit!.Path) ? (finding, null) : (null, Jurisdiction.Hidden());
    }
}
