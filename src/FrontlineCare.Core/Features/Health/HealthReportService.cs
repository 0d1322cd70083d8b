using FluentValidation;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Health;

/// <summary>
/// C3 daily health reports: the committee (or the organisation department) files each on-duty person's report for a
/// day, from the sheet or the API; the sheet shows at once who is missing and whose report is abnormal by the profile's
/// rule. Health details are sensitive: only the roles that keep personnel records read or write them.
/// </summary>
public sealed class HealthReportService(
    IDbContextFactory<AppDbContext> dbFactory, IValidator<HealthReportForm> validator, PolicyProfileService policies, ICurrentUser user,
    TimeProvider clock, ILogger<HealthReportService> logger)
{
    /// <summary>The sheet shows at most this many rows; the counts always cover everyone.</summary>
    public const int MaxRows = 500;

    public const int LateDays = HealthReportFormValidator.LateDays;

    public async Task<Result<HealthDaySheet>> DayAsync(DateOnly day, Guid? unitId = null, bool problemsOnly = false, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<HealthDaySheet>.From(Result.Forbidden(Messages.HealthDataRestricted));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await (await Jurisdiction.ForAsync(db, user, ct)).UnitsUnderAsync(db, unitId, ct);
        if (units is null) return Result<HealthDaySheet>.From(Jurisdiction.Hidden());
        var unitIds = units.Select(x => x.Id);
        var onDuty = db.Deployments.Where(d => unitIds.Contains(d.Worker!.UnitId) && d.StartDate <= day && (d.EndDate == null || d.EndDate >= day));
        var workerIds = onDuty.Select(d => d.WorkerId).Distinct();
        var reports = db.DailyHealthReports.Where(r => r.Day == day && workerIds.Contains(r.WorkerId));
        var total = await workerIds.CountAsync(ct);
        var reported = await reports.CountAsync(ct);
        var abnormal = await reports.CountAsync(r => r.Findings != HealthFinding.None, ct);

        var rows = db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).Select(w => new
        {
            w.Id, w.FullName, UnitName = w.Unit!.Name,
            Deployment = onDuty.Where(d => d.WorkerId == w.Id).OrderBy(d => d.StartDate).Select(d => new { d.Place, d.RiskClass }).First(),
            Report = db.DailyHealthReports.FirstOrDefault(r => r.WorkerId == w.Id && r.Day == day),
        });
        if (problemsOnly) rows = rows.Where(r => r.Report == null || r.Report.Findings != HealthFinding.None);
        var page = await rows
            .OrderBy(r => r.Report == null ? 1 : r.Report.Findings != HealthFinding.None ? 0 : 2)
            .ThenBy(r => r.FullName).ThenBy(r => r.Id)
            .Take(MaxRows + 1)
            .ToListAsync(ct);
        var sheetRows = page.Take(MaxRows)
            .Select(r => new HealthSheetRow(r.Id, r.FullName, r.UnitName, r.Deployment.Place, r.Deployment.RiskClass, r.Report)).ToList();
        return Result<HealthDaySheet>.Ok(new HealthDaySheet(day, total, reported, abnormal, sheetRows, page.Count > MaxRows));
    }

    /// <summary>Files the day's report of a person on duty that day, or updates it when <see cref="HealthReportForm.Version"/> is the one read.</summary>
    public async Task<Result> SaveAsync(HealthReportForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.HealthDataRestricted);
        if (await validator.CheckAsync(form, ct) is { } invalid) return invalid;
        var day = form.Day!.Value;
        var testDate = HealthReportFormValidator.Tested(form) ? form.TestDate : null;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == form.WorkerId, ct);
        if (worker is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(worker.Unit!.Path)) return Jurisdiction.Hidden();
        if (!await db.Deployments.AnyAsync(d => d.WorkerId == worker.Id && d.StartDate <= day && (d.EndDate == null || d.EndDate >= day), ct))
            return Result.Invalid(nameof(form.Day), Messages.HealthNotOnDuty);
        var rules = (await policies.ForUnitAsync(db, worker.Unit, day, ct)).C3;

        var report = await db.DailyHealthReports.FirstOrDefaultAsync(r => r.WorkerId == worker.Id && r.Day == day, ct);
        if (report is null)
        {
            if (form.Version is not null) return Result.Conflict(Messages.ConcurrencyConflict);
            report = new DailyHealthReport { Id = Guid.CreateVersion7(), WorkerId = worker.Id, Day = day };
            db.DailyHealthReports.Add(report);
        }
        else
        {
            // Someone filed or changed this day's report since it was read: show theirs rather than overwrite it.
            if (form.Version is not { } version) return Result.Conflict(Messages.HealthAlreadyReported);
            db.Entry(report).Property(r => r.Version).OriginalValue = version;
        }
        report.MorningTemperature = form.MorningTemperature;
        report.EveningTemperature = form.EveningTemperature;
        report.Symptoms = form.Symptoms!.Value;
        report.TestResult = form.TestResult!.Value;
        report.TestDate = testDate;
        report.Note = TextRules.Stored(form.Note);
        report.Findings = C3HealthMonitoring.Findings(form.MorningTemperature, form.EveningTemperature, report.Symptoms, report.TestResult, rules);
        report.ReportedAt = clock.GetUtcNow();
        report.ReportedBy = user.UserName;
        var saved = await db.SaveOrConflictAsync(ct, Messages.HealthAlreadyReported);
        if (saved.IsOk && report.Findings != HealthFinding.None)
            logger.LogWarning("Abnormal health report ({Findings}) for {WorkerId} on {Day} filed by {UserId}", report.Findings, worker.Id, day, user.UserId);
        return saved;
    }
}
