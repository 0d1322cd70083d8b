using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Titles;

public enum TitleApplicationStatus
{
    Preparing,
    Submitted,
    Passed,
    NotPassed,
}

/// <summary>A worker's professional-title application (glossary: TitleEvaluation, F5) and the privileges it uses.</summary>
public sealed class TitleApplication
{
    public const int TextMaxLength = 100;

    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    /// <summary>The title applied for, e.g. 副主任医师.</summary>
    public required string TargetTitle { get; set; }
    /// <summary>The review year (cycle) the privileges are used in.</summary>
    public int Year { get; set; }
    public List<TitlePrivilege> Privileges { get; set; } = [];
    public TitleApplicationStatus Status { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
    public uint Version { get; set; }
}

public sealed class TitleApplicationForm
{
    public Guid WorkerId { get; set; }
    public string? TargetTitle { get; set; }
    public int Year { get; set; }
    public HashSet<TitlePrivilege> Privileges { get; set; } = [];
}

/// <summary>The worker page's title panel: what the profile offers this person (with the rule for each), or why nothing.</summary>
public sealed record TitleSummary(
    IReadOnlyList<(TitlePrivilege Privilege, string Rule)> Offered, TitleIneligibility? NotOffered, IReadOnlyList<TitleApplication> Applications, bool CanEdit);

/// <summary>
/// F5: title applications of frontline health professionals with the privileges their profile grants. Only qualifying
/// people are offered privileges, and an application can claim only privileges the profile grants.
/// </summary>
public sealed class TitleService(
    IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock, ILogger<TitleService> logger)
{
    public async Task<Result<TitleSummary>> SummaryAsync(Guid workerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == workerId, ct);
        if (worker is null) return Result<TitleSummary>.From(Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(worker.Unit!.Path)) return Result<TitleSummary>.From(Jurisdiction.Hidden());
        var (offered, why) = await OfferAsync(db, worker, ct);
        var applications = await db.TitleApplications.AsNoTracking().Where(a => a.WorkerId == workerId).OrderByDescending(a => a.Year).ThenByDescending(a => a.RecordedAt).ToListAsync(ct);
        return Result<TitleSummary>.Ok(new TitleSummary(offered.Select(p => (p, F5TitlePrivileges.Rule(p))).ToList(), why, applications, user.CanEditPersonnel()));
    }

    public async Task<Result> RecordAsync(TitleApplicationForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        var errors = new List<FieldError>();
        var title = form.TargetTitle?.Trim();
        if (string.IsNullOrEmpty(title)) errors.Add(new FieldError(nameof(form.TargetTitle), Messages.Required));
        else if (title.Length > TitleApplication.TextMaxLength) errors.Add(new FieldError(nameof(form.TargetTitle), string.Format(Messages.TooLong, TitleApplication.TextMaxLength)));
        var today = clock.Today();
        if (form.Year < 2020 || form.Year > today.Year + 1) errors.Add(new FieldError(nameof(form.Year), string.Format(Messages.NominationYearRange, 2020, today.Year + 1)));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == form.WorkerId, ct);
        if (worker is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(worker.Unit!.Path)) return Jurisdiction.Hidden();
        var (offered, why) = await OfferAsync(db, worker, ct);
        if (form.Privileges.Count > 0 && why is not null)
            errors.Add(new FieldError(nameof(form.Privileges), why == TitleIneligibility.NotAHealthProfessional ? Messages.TitleNotHealthProfessional : Messages.TalentNoFrontline));
        else if (form.Privileges.Except(offered).Any())
            errors.Add(new FieldError(nameof(form.Privileges), Messages.TitlePrivilegeNotGranted));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result.Invalid(errors);

        db.TitleApplications.Add(new TitleApplication
        {
            Id = Guid.CreateVersion7(), WorkerId = worker.Id, TargetTitle = title!, Year = form.Year, Privileges = form.Privileges.Order().ToList(),
            Status = TitleApplicationStatus.Preparing, RecordedAt = clock.GetUtcNow(), RecordedBy = user.UserName,
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Title application of {WorkerId} recorded by {UserId}", worker.Id, user.UserId);
        return Result.Ok();
    }

    /// <summary>Moves an application on: preparing → submitted → passed or not passed.</summary>
    public async Task<Result> SetStatusAsync(Guid id, uint version, TitleApplicationStatus status, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.TitleApplications.Include(a => a.Worker).ThenInclude(w => w!.Unit).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(application.Worker!.Unit!.Path)) return Jurisdiction.Hidden();
        var allowed = (application.Status, status) is (TitleApplicationStatus.Preparing, TitleApplicationStatus.Submitted)
            or (TitleApplicationStatus.Submitted, TitleApplicationStatus.Passed or TitleApplicationStatus.NotPassed);
        if (!allowed) return Result.Conflict(Messages.TitleWrongStep);
        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        application.Status = status;
        return await db.SaveOrConflictAsync(ct);
    }

    private async Task<(IReadOnlyList<TitlePrivilege> Offered, TitleIneligibility? Why)> OfferAsync(AppDbContext db, FrontlineWorker worker, CancellationToken ct)
    {
        var deployed = await db.Deployments.AnyAsync(d => d.WorkerId == worker.Id, ct);
        if (F5TitlePrivileges.Check(worker.Category, deployed) is { } why) return ([], why);
        return ((await policies.ForUnitAsync(db, worker.Unit!, ct)).F5Privileges.Value, null);
    }
}
