using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Features.Leave;

public sealed class HolidayDayForm
{
    /// <summary>Null: the national calendar (Admin only); else a profile's own day (OrgDepartment of that profile).</summary>
    public PolicyProfileCode? Profile { get; set; }
    public DateOnly? Day { get; set; }
    public CalendarDayKind? Kind { get; set; }
    public string? Name { get; set; }
    public string? Source { get; set; }
}

/// <summary>
/// The holiday calendars behind B3 accrual and leave days: the national one (kept by Admin) and each profile's own
/// days (kept by the organisation department of that profile). A change re-checks the accruals of duty already
/// logged on that day, and is refused if it would take back leave already spent.
/// </summary>
public sealed class HolidayCalendarService(
    IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<HolidayCalendarDay>> YearAsync(int year, PolicyProfileCode profile, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.HolidayCalendar.AsNoTracking()
            .Where(d => d.Day >= new DateOnly(year, 1, 1) && d.Day <= new DateOnly(year, 12, 31) && (d.Profile == null || d.Profile == profile))
            .OrderBy(d => d.Day).ThenBy(d => d.Profile)
            .ToListAsync(ct);
    }

    /// <remarks>Runs whole again after a transient failure (<see cref="Data.Retrying"/>).</remarks>
    public Task<Result> AddAsync(HolidayDayForm form, CancellationToken ct = default) =>
        dbFactory.RetryingAsync(() => AddOnceAsync(form, ct), ct);

    private async Task<Result> AddOnceAsync(HolidayDayForm form, CancellationToken ct)
    {
        if (await MayChangeAsync(form.Profile, ct) is { } refused) return refused;
        var errors = new List<FieldError>();
        if (form.Day is null) errors.Add(new FieldError(nameof(form.Day), Messages.Required));
        if (form.Kind is null) errors.Add(new FieldError(nameof(form.Kind), Messages.Required));
        else if (form.Kind == CalendarDayKind.Workday && form.Day is { } d && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            errors.Add(new FieldError(nameof(form.Day), Messages.HolidayWorkdayNotWeekend));
        if (string.IsNullOrWhiteSpace(form.Name)) errors.Add(new FieldError(nameof(form.Name), Messages.Required));
        else if (form.Name.Trim().Length > 50) errors.Add(new FieldError(nameof(form.Name), string.Format(Messages.TooLong, 50)));
        if (string.IsNullOrWhiteSpace(form.Source)) errors.Add(new FieldError(nameof(form.Source), Messages.PolicySourceRequired));
        else if (form.Source.Trim().Length > 300) errors.Add(new FieldError(nameof(form.Source), string.Format(Messages.TooLong, 300)));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.HolidayCalendar.AnyAsync(x => x.Day == form.Day && x.Profile == form.Profile, ct))
            return Result.Invalid(nameof(form.Day), Messages.HolidayDayTaken);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.HolidayCalendar.Add(new HolidayCalendarDay
        {
            Id = Guid.CreateVersion7(), Profile = form.Profile, Day = form.Day!.Value, Kind = form.Kind!.Value, Name = form.Name!.Trim(), Source = form.Source!.Trim(),
        });
        return await SaveAndResyncAsync(db, tx, form.Day.Value, ct);
    }

    /// <remarks>Runs whole again after a transient failure (<see cref="Data.Retrying"/>).</remarks>
    public Task<Result> RemoveAsync(Guid id, CancellationToken ct = default) =>
        dbFactory.RetryingAsync(() => RemoveOnceAsync(id, ct), ct);

    private async Task<Result> RemoveOnceAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = await db.HolidayCalendar.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null) return Result.NotFound();
        if (await MayChangeAsync(day.Profile, ct) is { } refused) return refused;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.HolidayCalendar.Remove(day);
        return await SaveAndResyncAsync(db, tx, day.Day, ct);
    }

    private async Task<Result?> MayChangeAsync(PolicyProfileCode? profile, CancellationToken ct)
    {
        if (profile is null) return user.IsInRole(Roles.Admin) ? null : Result.Forbidden(Messages.HolidayNationalAdminOnly);
        if (!user.IsInRole(Roles.OrgDepartment)) return Result.Forbidden(Messages.OrgDepartmentOnly);
        return (await policies.ProfilesAsync(ct)).Contains(profile.Value) ? null : Jurisdiction.Hidden();
    }

    /// <summary>Saves the calendar change and brings the accruals of everyone with duty that day in line, or nothing.</summary>
    private async Task<Result> SaveAndResyncAsync(AppDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, DateOnly day, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var workers = await db.DutyLogs.Where(l => l.Day == day).Select(l => l.WorkerId).Distinct()
            .Join(db.Workers.Include(w => w.Unit), id => id, w => w.Id, (_, w) => w).ToListAsync(ct);
        var rules = await policies.ForWorkersAsync(db, workers, ct);
        var spent = await LeaveService.SyncAccrualsAsync(db, rules, day, day, user.UserName, clock.GetUtcNow(), ct);
        if (spent.Count > 0) return Result.Conflict(string.Format(Messages.HolidayChangeSpent, spent.Count));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}
