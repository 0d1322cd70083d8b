using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Reports;

/// <summary>One unit's report for one period as a page shows it: the stored report, or the live figures of one not yet submitted.</summary>
public sealed record ReportRow(
    Guid UnitId, string UnitName, ReportPeriod Period, RestWelfareReport? Report, ReportFigures Figures, bool CanSubmit, bool Overdue)
{
    public ReportStatus? Status => Report?.Status;
}

/// <summary>The organisation department's view of one period: every reporting unit side by side, and the totals of the submitted ones.</summary>
public sealed record ReportOverview(DateOnly Day, IReadOnlyList<ReportRow> Units, ReportFigures SubmittedTotals, IReadOnlyList<OverdueReport> Overdue);

/// <summary>A report past its due day that is not submitted (or was returned and not resubmitted).</summary>
public sealed record OverdueReport(Guid UnitId, string UnitName, ReportPeriod Period, ReportStatus? Status);

public sealed class ReportSubmission
{
    public Guid UnitId { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public string? WelfareNotes { get; set; }
    /// <summary>The version of a returned report being resubmitted (0 for a first submission).</summary>
    public uint Version { get; set; }
}

/// <summary>
/// B5 rest &amp; welfare status reports: unit committees submit one per period with figures filled in from the data;
/// the organisation department accepts or returns them; accepted reports are locked, and so is the duty of their
/// period (see <see cref="AcceptedPeriodsAsync"/>).
/// </summary>
public sealed class RestWelfareReportService(
    IDbContextFactory<AppDbContext> dbFactory,
    UnitService units,
    ICurrentUser user,
    TimeProvider clock,
    ILogger<RestWelfareReportService> logger)
{
    public const int NotesMaxLength = 2000;
    /// <summary>How many past periods the pages list (and check for overdue reports).</summary>
    public const int PeriodsShown = 6;

    /// <summary>The caller's own unit's reports: the last periods, newest first. For unit committees.</summary>
    public async Task<IReadOnlyList<ReportRow>> MineAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (user.HomeUnitId is not { } home) return [];
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == home, ct);
        if (unit is null) return [];
        var (cadence, due) = await CadenceAsync(db, unit, ct);
        var today = clock.Today();
        var rows = new List<ReportRow>();
        foreach (var period in B5Reports.EndedPeriods(today, cadence, due, PeriodsShown))
            rows.Add(await RowAsync(db, unit, period, today, ct));
        return rows;
    }

    /// <summary>Every reporting unit of the jurisdiction for the period containing <paramref name="day"/>, with totals and the overdue list.</summary>
    public async Task<ReportOverview> OverviewAsync(DateOnly day, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var today = clock.Today();
        var rows = new List<ReportRow>();
        foreach (var unit in await ReportingUnitsAsync(db, jurisdiction, ct))
        {
            var (cadence, due) = await CadenceAsync(db, unit, ct);
            rows.Add(await RowAsync(db, unit, B5Reports.PeriodOf(day, cadence, due), today, ct));
        }
        var totals = ReportFigures.Sum(rows.Where(r => r.Status is ReportStatus.Submitted or ReportStatus.Accepted).Select(r => r.Figures));
        return new ReportOverview(day, rows, totals, await OverdueAsync(db, jurisdiction, today, ct));
    }

    /// <summary>The overdue reports of the jurisdiction over the last periods (for the overview and the dashboard).</summary>
    public async Task<IReadOnlyList<OverdueReport>> OverdueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OverdueAsync(db, await Jurisdiction.ForAsync(db, user, ct), clock.Today(), ct);
    }

    private async Task<IReadOnlyList<OverdueReport>> OverdueAsync(AppDbContext db, Jurisdiction jurisdiction, DateOnly today, CancellationToken ct)
    {
        var overdue = new List<OverdueReport>();
        foreach (var unit in await ReportingUnitsAsync(db, jurisdiction, ct))
        {
            var (cadence, due) = await CadenceAsync(db, unit, ct);
            var stored = await db.RestWelfareReports.AsNoTracking().Where(r => r.UnitId == unit.Id)
                .Select(r => new { r.PeriodFrom, r.Status }).ToDictionaryAsync(r => r.PeriodFrom, r => r.Status, ct);
            foreach (var period in B5Reports.EndedPeriods(today, cadence, due, PeriodsShown))
            {
                var status = stored.TryGetValue(period.From, out var s) ? s : (ReportStatus?)null;
                if (B5Reports.IsOverdue(period, today, status is ReportStatus.Submitted or ReportStatus.Accepted))
                    overdue.Add(new OverdueReport(unit.Id, unit.Name, period, status));
            }
        }
        return overdue.OrderBy(r => r.Period.Due).ToList();
    }

    public async Task<Result> SubmitAsync(ReportSubmission form, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.UnitCommittee) || user.HomeUnitId != form.UnitId) return Result.Forbidden(Messages.ReportOwnUnitOnly);
        var notes = string.IsNullOrWhiteSpace(form.WelfareNotes) ? null : form.WelfareNotes.Trim();
        if (notes?.Length > NotesMaxLength) return Result.Invalid(nameof(form.WelfareNotes), string.Format(Messages.TooLong, NotesMaxLength));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == form.UnitId, ct);
        if (unit is null) return Result.NotFound();
        var (cadence, due) = await CadenceAsync(db, unit, ct);
        var period = B5Reports.PeriodOf(form.PeriodFrom, cadence, due);
        var today = clock.Today();
        if (period.From != form.PeriodFrom) return Result.Invalid(nameof(form.PeriodFrom), Messages.ReportPeriodInvalid);
        if (!B5Reports.CanSubmit(period, today)) return Result.Invalid(nameof(form.PeriodFrom), Messages.ReportPeriodNotEnded);

        var figures = await FiguresAsync(db, unit, period, today, ct);
        var now = clock.GetUtcNow();
        var report = await db.RestWelfareReports.FirstOrDefaultAsync(r => r.UnitId == unit.Id && r.PeriodFrom == period.From, ct);
        if (report is null)
        {
            db.RestWelfareReports.Add(new RestWelfareReport
            {
                Id = Guid.CreateVersion7(), UnitId = unit.Id, PeriodFrom = period.From, PeriodTo = period.To, Status = ReportStatus.Submitted,
                Figures = figures, WelfareNotes = notes, SubmittedAt = now, SubmittedBy = user.UserName, Submissions = 1,
            });
        }
        else
        {
            db.Entry(report).Property(r => r.Version).OriginalValue = form.Version;
            if (!report.Resubmit(figures, notes, now, user.UserName))
                return Result.Conflict(report.Status == ReportStatus.Accepted ? Messages.ReportLocked : Messages.ReportAlreadySubmitted);
        }
        var saved = await db.SaveOrConflictAsync(ct, Messages.ReportAlreadySubmitted);
        if (saved.IsOk) logger.LogInformation("B5 report of unit {UnitId} for {PeriodFrom} submitted by {UserId}", unit.Id, period.From, user.UserId);
        return saved;
    }

    public Task<Result> AcceptAsync(Guid id, uint version, CancellationToken ct = default) =>
        ReviewAsync(id, version, r => r.Accept(clock.GetUtcNow(), user.UserName) ? null : Result.Conflict(Messages.ReportNotAwaitingReview), ct);

    public Task<Result> ReturnAsync(Guid id, string? comment, uint version, CancellationToken ct = default) =>
        ReviewAsync(id, version, r => string.IsNullOrWhiteSpace(comment)
            ? Result.Invalid("ReviewComment", Messages.ReportReturnCommentRequired)
            : comment.Trim().Length > 1000 ? Result.Invalid("ReviewComment", string.Format(Messages.TooLong, 1000))
            : r.Return(comment, clock.GetUtcNow(), user.UserName) ? null : Result.Conflict(Messages.ReportNotAwaitingReview), ct);

    private async Task<Result> ReviewAsync(Guid id, uint version, Func<RestWelfareReport, Result?> change, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result.Forbidden(Messages.OrgDepartmentOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.RestWelfareReports.Include(r => r.Unit).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(report.Unit!.Path)) return Jurisdiction.Hidden();
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        if (change(report) is { } refused) return refused;
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// Accepted reports whose period overlaps [from, to] and whose unit contains (is or is above) the given unit:
    /// duty in those days is part of an accepted report and can no longer change.
    /// </summary>
    public static async Task<IReadOnlyList<(string UnitPath, DateOnly From, DateOnly To)>> AcceptedPeriodsAsync(
        AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.RestWelfareReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Accepted && r.PeriodFrom <= to && r.PeriodTo >= from)
            .Select(r => new { Path = r.Unit!.Path.ToString(), r.PeriodFrom, r.PeriodTo })
            .ToListAsync(ct))
        .Select(r => (r.Path, r.PeriodFrom, r.PeriodTo)).ToList();

    /// <summary>Units that report: those with a unit-committee account at home there.</summary>
    private static async Task<List<Unit>> ReportingUnitsAsync(AppDbContext db, Jurisdiction jurisdiction, CancellationToken ct)
    {
        var committeeRole = db.Roles.Where(r => r.Name == Roles.UnitCommittee).Select(r => r.Id);
        var homes = db.UserRoles.Where(ur => committeeRole.Contains(ur.RoleId))
            .Join(db.Users, ur => ur.UserId, u => u.Id, (_, u) => u.HomeUnitId);
        var reporting = await jurisdiction.Units(db).AsNoTracking().Where(u => homes.Contains(u.Id)).ToListAsync(ct);
        var names = StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false);
        return reporting.OrderBy(u => u.Name, names).ToList();
    }

    private async Task<(int Cadence, int Due)> CadenceAsync(AppDbContext db, Unit unit, CancellationToken ct)
    {
        var parameters = await PolicyProfileService.ForAsync(db, await units.EffectiveProfileAsync(db, unit, ct), clock.Today(), ct);
        return (parameters.B5ReportCadenceDays.Value, parameters.B5ReportDueDays.Value);
    }

    private async Task<ReportRow> RowAsync(AppDbContext db, Unit unit, ReportPeriod period, DateOnly today, CancellationToken ct)
    {
        var report = await db.RestWelfareReports.AsNoTracking().FirstOrDefaultAsync(r => r.UnitId == unit.Id && r.PeriodFrom == period.From, ct);
        var figures = report is { Status: ReportStatus.Submitted or ReportStatus.Accepted } ? report.Figures : await FiguresAsync(db, unit, period, today, ct);
        var submittedOrAccepted = report?.Status is ReportStatus.Submitted or ReportStatus.Accepted;
        return new ReportRow(unit.Id, unit.Name, period, report, figures,
            B5Reports.CanSubmit(period, today) && report?.Status is null or ReportStatus.Returned,
            B5Reports.IsOverdue(period, today, submittedOrAccepted));
    }

    /// <summary>The figures of a unit (with its sub-units) for a period, from deployments, duty logs and forced-rest cases.</summary>
    public static async Task<ReportFigures> FiguresAsync(AppDbContext db, Unit unit, ReportPeriod period, DateOnly today, CancellationToken ct)
    {
        var last = period.To < today ? period.To : today;
        var workers = db.Workers.Where(w => db.Units.Where(u => u.Path.IsDescendantOf(unit.Path)).Select(u => u.Id).Contains(w.UnitId)).Select(w => w.Id);
        var deployments = await db.Deployments.AsNoTracking()
            .Where(d => workers.Contains(d.WorkerId) && d.StartDate <= period.To && (d.EndDate == null || d.EndDate >= period.From))
            .Select(d => new { d.WorkerId, d.StartDate, d.EndDate })
            .ToListAsync(ct);
        var dutyDays = await db.DutyLogs.AsNoTracking()
            .Where(l => workers.Contains(l.WorkerId) && l.Day >= period.From && l.Day <= last && l.Hours > 0)
            .GroupBy(l => new { l.WorkerId, l.Day })
            .Select(g => new { g.Key.WorkerId, g.Key.Day, Hours = g.Sum(l => l.Hours) })
            .ToListAsync(ct);
        var dutyByWorker = dutyDays.ToLookup(d => d.WorkerId, d => d.Day);

        // Rested: deployed on some day of the period (up to today) without any duty that day.
        var rested = deployments.GroupBy(d => d.WorkerId).Count(g =>
        {
            var onDuty = dutyByWorker[g.Key].ToHashSet();
            return g.Any(d =>
            {
                var first = d.StartDate > period.From ? d.StartDate : period.From;
                var end = d.EndDate is { } e && e < last ? e : last;
                for (var day = first; day <= end; day = day.AddDays(1))
                    if (!onDuty.Contains(day)) return true;
                return false;
            });
        });

        var periodEnd = ChinaDayStartUtc(period.To.AddDays(1));
        var periodStart = ChinaDayStartUtc(period.From);
        var cases = await db.ForcedRestCases.AsNoTracking()
            .Where(c => workers.Contains(c.WorkerId)
                        && (c.OpenedAt < periodEnd || (c.PeriodFrom <= period.To && c.PeriodTo >= period.From)))
            .Select(c => new { c.WorkerId, c.PeriodFrom, c.PeriodTo, c.OpenedAt, c.ClosedAt })
            .ToListAsync(ct);
        // Overloaded: any overload in the period, even if its case was opened later (by the sweep, or when late
        // duty was logged). Open and closed cases: as they stood at the end of the period.
        return new ReportFigures(
            PeopleDeployed: deployments.Select(d => d.WorkerId).Distinct().Count(),
            PeopleOnDuty: dutyDays.Select(d => d.WorkerId).Distinct().Count(),
            PeopleRested: rested,
            PeopleOverloaded: cases.Where(c => c.PeriodFrom <= period.To && c.PeriodTo >= period.From).Select(c => c.WorkerId).Distinct().Count(),
            CasesOpen: cases.Count(c => c.OpenedAt < periodEnd && (c.ClosedAt is null || c.ClosedAt >= periodEnd)),
            CasesClosed: cases.Count(c => c.ClosedAt is { } closed && closed >= periodStart && closed < periodEnd),
            DutyHours: dutyDays.Sum(d => d.Hours));
    }

    private static DateTimeOffset ChinaDayStartUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Clock.ChinaTime.BaseUtcOffset).ToUniversalTime();
}
