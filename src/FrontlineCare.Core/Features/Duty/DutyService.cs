using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Reports;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FrontlineCare.Core.Features.Duty;

/// <summary>
/// Duty logs as a week grid per post (B1, B4), with the overload findings of B2 shown at once for everyone in
/// the grid. Posts are the places of deployments; a cell is one deployment on one day.
/// </summary>
public sealed class DutyService(
    IDbContextFactory<AppDbContext> dbFactory,
    PolicyProfileService policies,
    ICurrentUser user,
    TimeProvider clock,
    ILogger<DutyService> logger)
{
    public const decimal MaxHoursPerDay = 24;

    public static DateOnly WeekStartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Places with a deployment of the jurisdiction during the last 90 days, for the post picker.</summary>
    public async Task<IReadOnlyList<string>> PlacesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var since = clock.Today().AddDays(-90);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        return await db.Deployments
            .Where(d => scope.Contains(d.Worker!.UnitId) && (d.EndDate == null || d.EndDate >= since))
            .Select(d => d.Place).Distinct().OrderBy(p => p).ToListAsync(ct);
    }

    /// <summary>Most posts the post picker lists at once; a search narrows them.</summary>
    public const int MaxPlaces = 50;

    /// <summary>
    /// The posts of a week, for the duty grid's post picker: the places of the jurisdiction's deployments that overlap
    /// the week (any week, however long ago), containing <paramref name="search"/> when one is given, at most
    /// <see cref="MaxPlaces"/> in order.
    /// </summary>
    public async Task<IReadOnlyList<string>> PlacesOfWeekAsync(DateOnly weekStart, string? search = null, CancellationToken ct = default)
    {
        weekStart = WeekStartOf(weekStart);
        var weekEnd = weekStart.AddDays(6);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        var deployments = db.Deployments.Where(d => scope.Contains(d.Worker!.UnitId)
                                                    && d.StartDate <= weekEnd && (d.EndDate == null || d.EndDate >= weekStart));
        if (search?.Trim() is { Length: > 0 } text)
        {
            var pattern = "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            deployments = deployments.Where(d => EF.Functions.ILike(d.Place, pattern));
        }
        return await deployments.Select(d => d.Place).Distinct().OrderBy(p => p).Take(MaxPlaces).ToListAsync(ct);
    }

    public async Task<DutyWeek> GetWeekAsync(DutyWeekKey key, CancellationToken ct = default)
    {
        key = key with { WeekStart = WeekStartOf(key.WeekStart) };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deployments = await DeploymentsOfWeekAsync(db, key, ct);
        var workerIds = deployments.Select(d => d.WorkerId).Distinct().ToList();
        var weekEnd = key.WeekStart.AddDays(6);
        var logs = await db.DutyLogs.AsNoTracking()
            .Where(l => workerIds.Contains(l.WorkerId) && l.Day >= key.WeekStart && l.Day <= weekEnd)
            .Select(l => new { l.DeploymentId, l.Day, l.Hours })
            .ToListAsync(ct);

        var overload = await OverloadAsync(db, deployments, key.WeekStart, weekEnd, ct);
        var rows = new List<DutyRow>(deployments.Count);
        foreach (var d in deployments.OrderBy(d => d.Worker!.FullName, StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false)))
        {
            var hours = new decimal?[7];
            foreach (var log in logs.Where(l => l.DeploymentId == d.Id && l.Day >= key.WeekStart))
                hours[log.Day.DayNumber - key.WeekStart.DayNumber] = log.Hours;
            rows.Add(new DutyRow(d.Id, d.WorkerId, d.Worker!.FullName, d.RiskClass, d.StartDate, d.EndDate, hours,
                overload[d.WorkerId].Where(f => f.To >= key.WeekStart).ToList()));
        }
        return new DutyWeek(key, rows);
    }

    /// <summary>Saves the whole grid or nothing. Cell errors are reported per cell as "deploymentId/yyyy-MM-dd".</summary>
    /// <remarks>Runs whole again after a transient failure (<see cref="Data.Retrying"/>).</remarks>
    public Task<Result> SaveWeekAsync(DutyWeekForm form, CancellationToken ct = default) =>
        dbFactory.RetryingAsync(() => SaveWeekOnceAsync(form, ct), ct);

    private async Task<Result> SaveWeekOnceAsync(DutyWeekForm form, CancellationToken ct)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        var key = form.Key with { WeekStart = WeekStartOf(form.Key.WeekStart) };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deployments = (await DeploymentsOfWeekAsync(db, key, ct)).ToDictionary(d => d.Id);
        var errors = new List<FieldError>();
        var cells = new List<(Deployment Deployment, DateOnly Day, decimal? Hours, Seen Seen)>();
        foreach (var row in form.Rows)
        {
            if (!deployments.TryGetValue(row.DeploymentId, out var deployment))
            {
                errors.Add(new FieldError(row.DeploymentId.ToString(), Messages.DutyUnknownRow));
                continue;
            }
            for (var i = 0; i < 7 && i < row.Hours.Length; i++)
            {
                var day = key.WeekStart.AddDays(i);
                var hours = row.Hours[i];
                var field = CellField(row.DeploymentId, day);
                var seen = row.Loaded is { } loaded && i < loaded.Length ? new Seen(true, loaded[i]) : default;
                // A cell the user did not touch keeps whatever is stored, even if someone else changed it meanwhile.
                if (seen.Known && seen.Hours == hours) continue;
                if (hours is null) { cells.Add((deployment, day, null, seen)); continue; }
                if (hours < 0 || hours > MaxHoursPerDay) errors.Add(new FieldError(field, Messages.DutyHoursRange));
                else if (hours > 0 && day > clock.Today()) errors.Add(new FieldError(field, Messages.DutyFuture));
                else if (hours > 0 && !A1Deployments.Overlaps(deployment.StartDate, deployment.EndDate, day, day)) errors.Add(new FieldError(field, Messages.DutyOutsideDeployment));
                else cells.Add((deployment, day, hours, seen));
            }
        }
        if (errors.Count > 0) return Result.Invalid(errors);

        var ids = deployments.Keys.ToList();
        var workerIds = deployments.Values.Select(d => d.WorkerId).Distinct().ToList();
        var weekEnd = key.WeekStart.AddDays(6);
        // Read without tracking: the changed cells are written set-based (DutyLogChanges), with their audit entries.
        var logs = await db.DutyLogs.AsNoTracking()
            .Where(l => workerIds.Contains(l.WorkerId) && l.Day >= key.WeekStart && l.Day <= weekEnd)
            .ToDictionaryAsync(l => (l.DeploymentId, l.Day), ct);

        // B5: duty inside the period of an accepted report (of the person's unit or a unit above it) is locked.
        var locked = await RestWelfareReportService.AcceptedPeriodsAsync(db, key.WeekStart, weekEnd, ct);
        var changes = new DutyLogChanges();
        foreach (var (deployment, day, hours, seen) in cells)
        {
            var log = logs.GetValueOrDefault((deployment.Id, day));
            if (log?.Hours == hours || (log is null && hours is null or 0)) continue;
            if (seen.Known && log?.Hours != seen.Hours)
            {
                // Changed here and, since this user loaded the grid, by someone else: neither change is lost silently.
                errors.Add(new FieldError(CellField(deployment.Id, day),
                    string.Format(Messages.DutyCellChanged, log?.Hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? Messages.DutyCellEmpty)));
                continue;
            }
            if (locked.Any(r => day >= r.From && day <= r.To && Jurisdiction.IsDescendant(deployment.Worker!.Unit!.Path, new LTree(r.UnitPath))))
            {
                errors.Add(new FieldError(CellField(deployment.Id, day), Messages.DutyReportAccepted));
                continue;
            }
            if (log is null)
            {
                log = new DutyLog
                {
                    Id = Guid.CreateVersion7(), DeploymentId = deployment.Id, WorkerId = deployment.WorkerId, Day = day, Hours = hours!.Value,
                    HighRisk = deployment.RiskClass == RiskClass.I,
                };
                changes.Add(log);
                logs[(deployment.Id, day)] = log;
            }
            else if (hours is null or 0)
            {
                changes.Remove(log);
                logs.Remove((deployment.Id, day));
            }
            else
            {
                changes.Update(log, hours.Value);
            }
        }

        // A person's day across all posts (this grid and any other) may not exceed 24 hours.
        foreach (var day in logs.Values.GroupBy(l => (l.WorkerId, l.Day)).Where(g => g.Sum(l => l.Hours) > MaxHoursPerDay))
        {
            var ownCell = cells.First(c => c.Deployment.WorkerId == day.Key.WorkerId && c.Day == day.Key.Day);
            errors.Add(new FieldError(CellField(ownCell.Deployment.Id, day.Key.Day), Messages.DutyDayTotal));
        }
        if (errors.Count > 0) return Result.Invalid(errors);

        try
        {
            // The hours and the forced-rest cases they cause (B2) are saved together or not at all.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await changes.SaveAsync(db, user.UserId, user.UserName, clock.GetUtcNow(), ct))
                return Result.Conflict(Messages.ConcurrencyConflict);
            // B3: duty on rest days and holidays earns compensatory leave; a correction that would take back days
            // already spent is refused, on its cell.
            var rules = await policies.ForWorkersAsync(db, deployments.Values.Select(d => d.Worker!), ct);
            var spent = await LeaveService.SyncAccrualsAsync(db, rules, key.WeekStart, weekEnd, user.UserName, clock.GetUtcNow(), ct);
            if (spent.Count > 0)
                return Result.Invalid(spent.Select(s => new FieldError(
                    CellField(cells.First(c => c.Deployment.WorkerId == s.WorkerId && c.Day == s.Day).Deployment.Id, s.Day), Messages.DutyLeaveSpent)).ToList());

            var today = clock.Today();
            var overload = await OverloadAsync(db, deployments.Values.ToList(), today, today, ct);
            await ForcedRestService.OpenOrExtendAsync(db, overload, clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(Messages.ConcurrencyConflict);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Result.Conflict(Messages.ConcurrencyConflict);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Someone else logged a cell of this grid since it was read.
            return Result.Conflict(Messages.ConcurrencyConflict);
        }
        logger.LogInformation("Duty week {WeekStart} saved for {Rows} deployments by {UserId}", key.WeekStart, ids.Count, user.UserId);
        return Result.Ok();
    }

    /// <summary>
    /// Imports a filled-in template (<see cref="DutySheet"/>) for the post and week: the whole sheet or nothing.
    /// Errors name their cell ("D5"), both those of the sheet itself and those the save finds (a day outside the
    /// deployment, more than 24 hours in a day, a locked period …). Returns the number of rows imported.
    /// </summary>
    public async Task<Result<int>> ImportAsync(DutyWeekKey key, Stream sheet, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<int>.From(Result.Forbidden(Messages.ReadOnlyRole));
        var week = await GetWeekAsync(key, ct);
        var (form, errors, rowOf) = DutySheet.Read(sheet, week);
        if (form is null) return Result<int>.From(Result.Invalid(errors));
        var saved = await SaveWeekAsync(form, ct);
        if (saved.Status == ResultStatus.Invalid)
            return Result<int>.From(Result.Invalid(saved.Errors.Select(e => new FieldError(DutySheet.CellOf(e.Field, week.Key.WeekStart, rowOf), e.Message)).ToList()));
        return saved.IsOk ? Result<int>.Ok(rowOf.Count) : Result<int>.From(saved);
    }

    /// <summary>A worker's duty over the last <paramref name="days"/> days (all posts summed per day) and the B2 findings in it.</summary>
    public async Task<Result<DutyHistory>> HistoryAsync(Guid workerId, int days = 90, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == workerId, ct);
        if (worker is null) return Result<DutyHistory>.From(Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(worker.Unit!.Path)) return Result<DutyHistory>.From(Jurisdiction.Hidden());

        var to = clock.Today();
        var from = to.AddDays(-(days - 1));
        var limits = (await policies.ForUnitAsync(db, worker.Unit, ct)).B2;
        var logs = await db.DutyLogs.AsNoTracking()
            .Where(l => l.WorkerId == workerId && l.Day >= from.AddDays(-B2Overload.LookBackDays(limits)) && l.Day <= to)
            .Select(l => new DutyDay(l.Day, l.Hours, l.HighRisk))
            .ToListAsync(ct);
        var overload = B2Overload.Find(logs, limits).Where(f => f.To >= from).ToList();
        var byDay = logs.Where(l => l.Day >= from).GroupBy(l => l.Day).ToDictionary(g => g.Key, g => g.Sum(l => l.Hours));
        return Result<DutyHistory>.Ok(new DutyHistory(from, to, byDay, overload));
    }

    /// <summary>B2 findings per worker of the deployments that reach [shownFrom, to], from their duty at all posts,
    /// with each worker's own profile thresholds: the duty is read as far back as the longest of them can reach.</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<OverloadFinding>>> OverloadAsync(
        AppDbContext db, IReadOnlyCollection<Deployment> deployments, DateOnly shownFrom, DateOnly to, CancellationToken ct)
    {
        var workerIds = deployments.Select(d => d.WorkerId).Distinct().ToList();
        var rules = await policies.ForWorkersAsync(db, deployments.Select(d => d.Worker!), ct);
        var from = shownFrom.AddDays(-rules.Values.Select(r => B2Overload.LookBackDays(r.B2)).DefaultIfEmpty(0).Max());
        var days = await db.DutyLogs.AsNoTracking()
            .Where(l => workerIds.Contains(l.WorkerId) && l.Day >= from && l.Day <= to)
            .Select(l => new { l.WorkerId, Day = new DutyDay(l.Day, l.Hours, l.HighRisk) })
            .ToListAsync(ct);
        var byWorker = days.ToLookup(d => d.WorkerId, d => d.Day);
        return rules.ToDictionary(r => r.Key, r => B2Overload.Find(byWorker[r.Key], r.Value.B2));
    }

    /// <summary>The hours of a cell as the user loaded the grid, when the form says (<see cref="DutyRowForm.Loaded"/>).</summary>
    private readonly record struct Seen(bool Known, decimal? Hours);

    public static string CellField(Guid deploymentId, DateOnly day) => $"{deploymentId}/{day:yyyy-MM-dd}";

    /// <summary>Deployments at the place that overlap the week, of workers in the caller's jurisdiction.</summary>
    private async Task<List<Deployment>> DeploymentsOfWeekAsync(AppDbContext db, DutyWeekKey key, CancellationToken ct)
    {
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        var weekEnd = key.WeekStart.AddDays(6);
        return await db.Deployments
            .Include(d => d.Worker).ThenInclude(w => w!.Unit)
            .Where(d => d.Place == key.Place && scope.Contains(d.Worker!.UnitId)
                        && d.StartDate <= weekEnd && (d.EndDate == null || d.EndDate >= key.WeekStart))
            .AsNoTracking()
            .ToListAsync(ct);
    }
}
