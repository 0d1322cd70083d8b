using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Rotation;

public sealed class RotationPlanForm
{
    public string? Place { get; set; }
    public DateOnly? From { get; set; }
    public int? Days { get; set; } = 14;
    public int? MinStaffPerDay { get; set; }
}

/// <summary>One person of a plan: which days they can work and which they are on.</summary>
public sealed record RotationRow(Guid DeploymentId, Guid WorkerId, string WorkerName, string? SpouseName, bool[] Available, bool[] OnDuty);

public sealed record RotationPlanView(
    Guid Id, uint Version, string Place, string UnitName, int MinStaffPerDay, RotationPlanStatus Status, IReadOnlyList<DateOnly> Days,
    IReadOnlyList<RotationRow> Rows, IReadOnlyList<RotationIssue> Issues, bool CanEdit, string? PublishedBy, DateTimeOffset? PublishedAt, string? UnderstaffedConfirmedBy);

public sealed record RotationPlanItem(Guid Id, string Place, string UnitName, DateOnly From, DateOnly To, int MinStaffPerDay, RotationPlanStatus Status);

/// <summary>
/// B1 / A4 rotation plans for a post: proposed from who is deployed there and free (leave and forced rest
/// respected), adjusted by the user, and published — with a confirmation when days stay under-staffed.
/// </summary>
public sealed class RotationService(
    IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock, ILogger<RotationService> logger)
{
    public const int MinDays = 7;
    public const int MaxDays = 28;

    public async Task<IReadOnlyList<RotationPlanItem>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        return await db.RotationPlans.AsNoTracking().Where(p => scope.Contains(p.UnitId))
            .OrderByDescending(p => p.From).Take(200)
            .Select(p => new RotationPlanItem(p.Id, p.Place, p.Unit!.Name, p.From, p.To, p.MinStaffPerDay, p.Status))
            .ToListAsync(ct);
    }

    public async Task<Result<Guid>> ProposeAsync(RotationPlanForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<Guid>.From(Result.Forbidden(Messages.ReadOnlyRole));
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.Place)) errors.Add(new FieldError(nameof(form.Place), Messages.Required));
        if (form.From is not { } from) errors.Add(new FieldError(nameof(form.From), Messages.Required));
        else if (from < clock.Today()) errors.Add(new FieldError(nameof(form.From), Messages.RotationStartsInPast));
        if (form.Days is not (>= MinDays and <= MaxDays)) errors.Add(new FieldError(nameof(form.Days), string.Format(Messages.RotationDaysRange, MinDays, MaxDays)));
        if (form.MinStaffPerDay is not (>= 1 and <= 500)) errors.Add(new FieldError(nameof(form.MinStaffPerDay), string.Format(Messages.PolicyValueRange, 1, 500)));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var home = await db.Units.FirstOrDefaultAsync(u => u.Id == user.HomeUnitId, ct);
        if (home is null) return Result<Guid>.From(Jurisdiction.Hidden());
        var days = Enumerable.Range(0, form.Days!.Value).Select(i => form.From!.Value.AddDays(i)).ToList();
        var candidates = await CandidatesAsync(db, form.Place!.Trim(), days, ct);
        if (candidates.Count == 0) return Result<Guid>.From(Result.Invalid(nameof(form.Place), Messages.RotationNobodyDeployed));

        var limits = await LimitsAsync(db, home, form.MinStaffPerDay!.Value, ct);
        var (onDuty, _) = B1Rotation.Propose(days, candidates.Select(c => c.Candidate).ToList(), limits);
        var now = clock.GetUtcNow();
        var plan = new RotationPlan
        {
            Id = Guid.CreateVersion7(), UnitId = home.Id, Place = form.Place.Trim(), From = days[0], To = days[^1], MinStaffPerDay = limits.MinStaffPerDay,
            Status = RotationPlanStatus.Draft, CreatedAt = now, CreatedBy = user.UserName, UpdatedAt = now,
        };
        plan.Assignments.AddRange(onDuty.SelectMany(d => d.Value.Select(id => new RotationAssignment { PlanId = plan.Id, DeploymentId = id, Day = d.Key })));
        db.RotationPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Rotation plan {PlanId} proposed for {Days} days by {UserId}", plan.Id, days.Count, user.UserId);
        return Result<Guid>.Ok(plan.Id);
    }

    public async Task<Result<RotationPlanView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, problem) = await PlanAsync(db, id, tracked: false, ct);
        if (problem is not null) return Result<RotationPlanView>.From(problem);
        var days = Enumerable.Range(0, plan!.To.DayNumber - plan.From.DayNumber + 1).Select(i => plan.From.AddDays(i)).ToList();
        var candidates = await CandidatesAsync(db, plan.Place, days, ct);
        // People taken off the post since the plan was made still show, with no day available.
        var onDuty = plan.Assignments.Select(a => (a.DeploymentId, a.Day)).ToHashSet();
        var limits = await LimitsAsync(db, plan.Unit!, plan.MinStaffPerDay, ct);
        var issues = B1Rotation.Check(days, candidates.Select(c => c.Candidate).ToList(), onDuty, limits);
        var rows = candidates.Select(c => new RotationRow(c.Candidate.DeploymentId, c.Candidate.WorkerId, c.Name, c.SpouseName,
                days.Select(d => c.Candidate.Available.Contains(d)).ToArray(), days.Select(d => onDuty.Contains((c.Candidate.DeploymentId, d))).ToArray()))
            .ToList();
        return Result<RotationPlanView>.Ok(new RotationPlanView(plan.Id, plan.Version, plan.Place, plan.Unit!.Name, plan.MinStaffPerDay, plan.Status, days, rows,
            issues, plan.Status == RotationPlanStatus.Draft && user.CanEditPersonnel(), plan.PublishedBy, plan.PublishedAt, plan.UnderstaffedConfirmedBy));
    }

    /// <summary>Replaces who is on duty when, in a draft. Days someone cannot work are refused on their cell.</summary>
    public async Task<Result> SaveAsync(Guid id, IReadOnlyCollection<(Guid DeploymentId, DateOnly Day)> onDuty, uint version, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, problem) = await PlanAsync(db, id, tracked: true, ct);
        if (problem is not null) return problem;
        if (plan!.Status != RotationPlanStatus.Draft) return Result.Conflict(Messages.RotationPublished);
        var days = Enumerable.Range(0, plan.To.DayNumber - plan.From.DayNumber + 1).Select(i => plan.From.AddDays(i)).ToList();
        var candidates = (await CandidatesAsync(db, plan.Place, days, ct)).ToDictionary(c => c.Candidate.DeploymentId);
        var errors = onDuty
            .Where(a => !candidates.TryGetValue(a.DeploymentId, out var c) || !c.Candidate.Available.Contains(a.Day))
            .Select(a => new FieldError($"{a.DeploymentId}/{a.Day:yyyy-MM-dd}", Messages.RotationUnavailable))
            .ToList();
        if (errors.Count > 0) return Result.Invalid(errors);

        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        var wanted = onDuty.ToHashSet();
        plan.Assignments.RemoveAll(a => !wanted.Contains((a.DeploymentId, a.Day)));
        foreach (var (deploymentId, day) in wanted.Where(w => !plan.Assignments.Any(a => a.DeploymentId == w.DeploymentId && a.Day == w.Day)))
            plan.Assignments.Add(new RotationAssignment { PlanId = plan.Id, DeploymentId = deploymentId, Day = day });
        plan.UpdatedAt = clock.GetUtcNow();
        // The plan row is always written, so a stale copy fails on its version even if only assignments changed.
        db.Entry(plan).Property(p => p.UpdatedAt).IsModified = true;
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// Publishes a draft. Days under the minimum, people without their rest and couples on the same day are listed
    /// and need <paramref name="confirmed"/>; someone on a day they cannot work blocks publishing.
    /// </summary>
    public async Task<Result> PublishAsync(Guid id, uint version, bool confirmed, CancellationToken ct = default)
    {
        var view = await GetAsync(id, ct);
        if (!view.IsOk) return view;
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        var plan = view.Value!;
        if (plan.Status != RotationPlanStatus.Draft) return Result.Conflict(Messages.RotationPublished);
        if (plan.Issues.Any(i => i.Kind == RotationIssueKind.Unavailable)) return Result.Conflict(Messages.RotationHasUnavailable);
        var understaffed = plan.Issues.Where(i => i.Kind == RotationIssueKind.Understaffed).Select(i => i.Day).ToList();
        var warnings = plan.Issues.Count(i => i.Kind is RotationIssueKind.NoRest or RotationIssueKind.CoupleSameDay);
        if ((understaffed.Count > 0 || warnings > 0) && !confirmed)
            return Result.NeedsConfirmation(string.Format(Messages.RotationConfirmPublish, understaffed.Count,
                string.Join("、", understaffed.Select(d => d.ToString("M/d"))), warnings));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (entity, problem) = await PlanAsync(db, id, tracked: true, ct);
        if (problem is not null) return problem;
        db.Entry(entity!).Property(p => p.Version).OriginalValue = version;
        (entity!.Status, entity.PublishedAt, entity.PublishedBy, entity.UpdatedAt) = (RotationPlanStatus.Published, clock.GetUtcNow(), user.UserName, clock.GetUtcNow());
        if (understaffed.Count > 0 || warnings > 0) entity.UnderstaffedConfirmedBy = user.UserName;
        return await db.SaveOrConflictAsync(ct);
    }

    public async Task<Result> DeleteAsync(Guid id, uint version, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, problem) = await PlanAsync(db, id, tracked: true, ct);
        if (problem is not null) return problem;
        if (plan!.Status != RotationPlanStatus.Draft) return Result.Conflict(Messages.RotationPublished);
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        db.RotationPlans.Remove(plan);
        return await db.SaveOrConflictAsync(ct);
    }

    private async Task<(RotationPlan? Plan, Result? Problem)> PlanAsync(AppDbContext db, Guid id, bool tracked, CancellationToken ct)
    {
        var query = db.RotationPlans.Include(p => p.Unit).Include(p => p.Assignments).AsQueryable();
        if (!tracked) query = query.AsNoTracking();
        var plan = await query.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return (null, Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        return jurisdiction.Contains(plan.Unit!.Path) ? (plan, null) : (null, Jurisdiction.Hidden());
    }

    private async Task<RotationLimits> LimitsAsync(AppDbContext db, Units.Unit unit, int minStaff, CancellationToken ct)
    {
        var rules = await policies.ForUnitAsync(db, unit, ct);
        return new RotationLimits(minStaff, rules.B2.MaxConsecutiveDutyDays.Value, rules.B1MinRestDaysPer7.Value);
    }

    private sealed record Person(RotationCandidate Candidate, string Name, string? SpouseName);

    /// <summary>
    /// The people of the caller's jurisdiction deployed at the place during the days, with the days each can work:
    /// deployed, not on approved leave, and not in forced rest (an open case without rest dates keeps the person
    /// off the whole plan until their rest is scheduled).
    /// </summary>
    private async Task<List<Person>> CandidatesAsync(AppDbContext db, string place, IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        var (from, to) = (days[0], days[^1]);
        var deployments = await db.Deployments.AsNoTracking().Include(d => d.Worker)
            .Where(d => d.Place == place && scope.Contains(d.Worker!.UnitId) && d.StartDate <= to && (d.EndDate == null || d.EndDate >= from))
            .ToListAsync(ct);
        var workerIds = deployments.Select(d => d.WorkerId).Distinct().ToList();
        var leave = await db.LeaveRequests.AsNoTracking()
            .Where(r => workerIds.Contains(r.WorkerId) && r.Status == LeaveRequestStatus.Approved && r.From <= to && r.To >= from)
            .Select(r => new { r.WorkerId, r.From, r.To }).ToListAsync(ct);
        var rest = await db.ForcedRestCases.AsNoTracking()
            .Where(c => workerIds.Contains(c.WorkerId) && (c.Status == ForcedRestStatus.Open || c.Status == ForcedRestStatus.RestScheduled))
            .Select(c => new { c.WorkerId, c.RestFrom, c.RestTo }).ToListAsync(ct);
        var recent = await db.DutyLogs.AsNoTracking()
            .Where(l => workerIds.Contains(l.WorkerId) && l.Day >= from.AddDays(-60) && l.Day < from && l.Hours > 0)
            .Select(l => new { l.WorkerId, l.Day }).Distinct().ToListAsync(ct);
        var spouseIds = deployments.Where(d => d.Worker!.SpouseId != null).Select(d => d.Worker!.SpouseId!.Value).Distinct().ToList();
        // A spouse outside the jurisdiction still keeps the couple apart (B1/A6) but is not named.
        var spouseNames = await db.Workers.AsNoTracking().Where(w => spouseIds.Contains(w.Id))
            .Select(w => new { w.Id, Name = scope.Contains(w.UnitId) ? w.FullName : Messages.SpouseOutsideJurisdiction })
            .ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var names = StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false);

        return deployments.OrderBy(d => d.Worker!.FullName, names).Select(d =>
        {
            var available = days.Where(day =>
                A1Deployments.Overlaps(d.StartDate, d.EndDate, day, day)
                && !leave.Any(l => l.WorkerId == d.WorkerId && l.From <= day && l.To >= day)
                && !rest.Any(r => r.WorkerId == d.WorkerId && (r.RestFrom is null || (r.RestFrom <= day && r.RestTo >= day)))).ToHashSet();
            var worked = recent.Where(r => r.WorkerId == d.WorkerId).Select(r => r.Day).ToHashSet();
            var run = 0;
            while (worked.Contains(from.AddDays(-run - 1))) run++;
            var candidate = new RotationCandidate(d.Id, d.WorkerId, d.Worker!.SpouseId, available, run, worked.Where(w => w >= from.AddDays(-6)).ToList());
            return new Person(candidate, d.Worker.FullName, d.Worker.SpouseId is { } s ? spouseNames.GetValueOrDefault(s) : null);
        }).ToList();
    }
}
