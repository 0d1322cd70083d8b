using FluentValidation;
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

namespace FrontlineCare.Core.Features.Deployments;

/// <summary>Deployments of workers to frontline posts (A1), with the dual-worker couple warning (A6).</summary>
public sealed class DeploymentService(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<DeploymentForm> validator,
    PolicyProfileService policies,
    ICurrentUser user,
    TimeProvider clock,
    ILogger<DeploymentService> logger)
{
    public async Task<Result<IReadOnlyList<DeploymentItem>>> ListForWorkerAsync(Guid workerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await WorkerAccessAsync(db, workerId, ct) is { } denied) return Result<IReadOnlyList<DeploymentItem>>.From(denied);
        var items = await db.Deployments.AsNoTracking().Where(d => d.WorkerId == workerId)
            .OrderByDescending(d => d.StartDate)
            .Select(d => new DeploymentItem(d.Id, d.Version, d.WorkerId, d.PostKind, d.Place, d.StartDate, d.EndDate, d.RiskClass,
                d.Note, d.SpouseWarningConfirmedAt != null))
            .ToListAsync(ct);
        return Result<IReadOnlyList<DeploymentItem>>.Ok(items);
    }

    public async Task<Result<DeploymentForm>> GetFormAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Deployments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Result<DeploymentForm>.From(Result.NotFound());
        if (await WorkerAccessAsync(db, d.WorkerId, ct) is { } denied) return Result<DeploymentForm>.From(denied);
        return Result<DeploymentForm>.Ok(new DeploymentForm
        {
            Id = d.Id,
            Version = d.Version,
            WorkerId = d.WorkerId,
            PostKind = d.PostKind,
            Place = d.Place,
            StartDate = d.StartDate,
            EndDate = d.EndDate,
            RiskClass = d.RiskClass,
            Note = d.Note,
        });
    }

    /// <summary>Creates or updates a deployment. Returns NeedsConfirmation (A6) when the spouse is deployed in the same
    /// period and the form does not carry the user's confirmation yet.</summary>
    public async Task<Result<Guid>> SaveAsync(DeploymentForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<Guid>.From(Result.Forbidden(Messages.ReadOnlyRole));
        if (await validator.CheckAsync(form, ct) is { } invalid) return Result<Guid>.From(invalid);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == form.WorkerId, ct);
        if (worker is null) return Result<Guid>.From(Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(worker.Unit!.Path)) return Result<Guid>.From(Jurisdiction.Hidden());

        Deployment deployment;
        if (form.Id is { } id)
        {
            var existing = await db.Deployments.FirstOrDefaultAsync(d => d.Id == id, ct);
            if (existing is null) return Result<Guid>.From(Result.NotFound());
            // A deployment belongs to its worker for good; moving it to someone else is a new deployment. One of a
            // worker outside the jurisdiction is answered like a missing one.
            if (existing.WorkerId != form.WorkerId)
                return Result<Guid>.From(await WorkerAccessAsync(db, existing.WorkerId, ct) is not null
                    ? Jurisdiction.Hidden()
                    : Result.Invalid(nameof(DeploymentForm.WorkerId), Messages.DeploymentWorkerFixed));
            db.Entry(existing).Property(d => d.Version).OriginalValue = form.Version;
            deployment = existing;
        }
        else
        {
            deployment = new Deployment { Id = Guid.CreateVersion7(), WorkerId = form.WorkerId, Place = "" };
            db.Deployments.Add(deployment);
        }

        var start = form.StartDate!.Value;
        var end = form.EndDate;
        var others = await db.Deployments.AsNoTracking().Where(d => d.WorkerId == form.WorkerId && d.Id != deployment.Id).ToListAsync(ct);
        if (A1Deployments.FindOverlap(others, start, end) is { } clash)
        {
            return Result<Guid>.From(Result.Invalid(nameof(DeploymentForm.StartDate),
                string.Format(Messages.DeploymentOverlap, clash.Place, clash.StartDate.ToString("yyyy-MM-dd"),
                    clash.EndDate?.ToString("yyyy-MM-dd") ?? Messages.OpenEnded)));
        }

        var spouseWarning = await SpouseWarningAsync(db, jurisdiction, worker, start, end, ct);
        if (spouseWarning is not null && !form.ConfirmSpouseDeployed)
            return Result<Guid>.From(Result.NeedsConfirmation(spouseWarning));
        if (spouseWarning is not null)
        {
            // A6: the warning was shown and the user deployed anyway; who and when is kept on the record and audited.
            deployment.SpouseWarningConfirmedBy = user.UserId;
            deployment.SpouseWarningConfirmedAt = clock.GetUtcNow();
        }

        deployment.PostKind = form.PostKind!.Value;
        deployment.Place = form.Place!.Trim();
        deployment.StartDate = start;
        deployment.EndDate = end;
        if (deployment.RiskClass != form.RiskClass!.Value)
        {
            // Duty logs carry the risk class for B2; they follow the deployment (audited with it).
            foreach (var log in await db.DutyLogs.Where(l => l.DeploymentId == deployment.Id).ToListAsync(ct))
                log.HighRisk = form.RiskClass.Value == RiskClass.I;
        }
        deployment.RiskClass = form.RiskClass.Value;
        deployment.Note = TextRules.Stored(form.Note);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.From(Result.Conflict(Messages.ConcurrencyConflict));
        }
        catch (DbUpdateException ex) when (ex.IsExclusionViolation())
        {
            // Another save for the same worker won the race; the exclusion constraint kept the registry consistent.
            return Result<Guid>.From(Result.Invalid(nameof(DeploymentForm.StartDate), Messages.ConcurrencyConflict));
        }
        logger.LogInformation("Deployment {DeploymentId} of worker {WorkerId} saved by {UserId}", deployment.Id, worker.Id, user.UserId);
        return Result<Guid>.Ok(deployment.Id);
    }

    public async Task<Result> DeleteAsync(Guid id, uint version, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Deployments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Result.NotFound();
        if (await WorkerAccessAsync(db, d.WorkerId, ct) is { } denied) return denied;
        if (await db.DutyLogs.AnyAsync(l => l.DeploymentId == id, ct)) return Result.Conflict(Messages.DeploymentHasDuty);
        db.Entry(d).Property(x => x.Version).OriginalValue = version;
        db.Deployments.Remove(d);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(Messages.ConcurrencyConflict);
        }
        return Result.Ok();
    }

    /// <summary>
    /// A6: the warning when the spouse is deployed in the same period. It names the spouse, the place and the start only
    /// when the caller may read the spouse; a couple across jurisdictions is still warned about, without those details.
    /// </summary>
    private async Task<string?> SpouseWarningAsync(AppDbContext db, Jurisdiction jurisdiction, FrontlineWorker worker, DateOnly start, DateOnly? end, CancellationToken ct)
    {
        if (worker.SpouseId is not { } spouseId) return null;
        if (!(await policies.ForUnitAsync(db, worker.Unit!, ct)).A6WarnWhenSpouseDeployed.Value) return null;
        var spouse = await db.Workers.AsNoTracking().Where(w => w.Id == spouseId)
            .Select(w => new { w.FullName, w.Unit!.Path }).FirstOrDefaultAsync(ct);
        if (spouse is null) return null;
        var spouseDeployments = await db.Deployments.AsNoTracking().Where(d => d.WorkerId == spouseId).ToListAsync(ct);
        var concurrent = A6DualWorkerCouples.ConcurrentSpouseDeployment(spouseDeployments, start, end);
        if (concurrent is null) return null;
        return jurisdiction.Contains(spouse.Path)
            ? string.Format(Messages.SpouseDeployedWarning, spouse.FullName, concurrent.Place, concurrent.StartDate.ToString("yyyy-MM-dd"))
            : Messages.SpouseDeployedOutsideWarning;
    }

    private async Task<Result?> WorkerAccessAsync(AppDbContext db, Guid workerId, CancellationToken ct)
    {
        var path = await db.Workers.Where(w => w.Id == workerId).Select(w => (LTree?)w.Unit!.Path).FirstOrDefaultAsync(ct);
        if (path is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        return jurisdiction.Contains(path.Value) ? null : Jurisdiction.Hidden();
    }
}
