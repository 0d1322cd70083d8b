using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Audit;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Casualties;

public sealed class CasualtyCaseForm
{
    public Guid? Id { get; set; }
    public Guid? WorkerId { get; set; }
    public CasualtyKind Kind { get; set; }
    public CasualtyTrack Track { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public string? Description { get; set; }
    public DateOnly? UnitFiledOn { get; set; }
    public DateOnly? PersonFiledOn { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public WorkInjuryDecision? Decision { get; set; }
    public string? Liaison { get; set; }
    public string? LiaisonPhone { get; set; }
    public bool Closed { get; set; }
    public uint Version { get; set; }
}

/// <summary>A case as the list shows it: the next deadline and the follow-up due, as they stand today.</summary>
public sealed record CasualtyCaseRow(
    Guid Id, Guid WorkerId, string FullName, string UnitName, CasualtyKind Kind, CasualtyTrack Track, DateOnly OccurredOn,
    Deadline? NextDeadline, DateOnly? FollowUpDue, bool FollowUpOverdue, bool Closed);

public sealed record CasualtyCaseView(
    CasualtyCase Case, string FullName, string UnitName, IReadOnlyList<Deadline> Deadlines, IReadOnlyList<CasualtyStep> Steps,
    IReadOnlyList<CasualtyCaseStep> Done, IReadOnlyList<CasualtyFollowUp> FollowUps, DateOnly? FollowUpDue, bool FollowUpOverdue);

/// <summary>
/// D5 injury, illness and death cases and the E4 family liaison. Only the organisation department and unit committees
/// of the jurisdiction read or write them; every opening of a case is written to the audit trail as a view.
/// </summary>
public sealed class CasualtyService(
    IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock, ILogger<CasualtyService> logger)
{
    public const int FollowUpNoteMaxLength = 500;

    public async Task<Result<IReadOnlyList<CasualtyCaseRow>>> ListAsync(bool includeClosed = false, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<IReadOnlyList<CasualtyCaseRow>>.From(Result.Forbidden(Messages.CasualtyRolesOnly));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var units = jurisdiction.Units(db).Select(u => u.Id);
        var cases = await db.CasualtyCases.AsNoTracking().Include(c => c.Worker).ThenInclude(w => w!.Unit)
            .Where(c => units.Contains(c.Worker!.UnitId) && (includeClosed || c.ClosedOn == null))
            .OrderByDescending(c => c.OccurredOn).Take(500).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var lastFollowUps = await db.CasualtyFollowUps.AsNoTracking().Where(f => ids.Contains(f.CaseId))
            .GroupBy(f => f.CaseId).Select(g => new { g.Key, Last = g.Max(f => f.On) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var today = clock.Today();
        var rows = new List<CasualtyCaseRow>();
        var rulesOf = new Dictionary<Guid, D5CaseRules>();
        foreach (var c in cases)
        {
            if (!rulesOf.TryGetValue(c.Worker!.UnitId, out var rules))
                rulesOf[c.Worker.UnitId] = rules = (await policies.ForUnitAsync(db, c.Worker.Unit!, ct)).D5;
            var next = D5Casualties.ClaimDeadlines(c.OccurredOn, c.UnitFiledOn, c.PersonFiledOn, c.AcceptedOn, c.DecidedOn, rules)
                .Where(d => d.MetOn is null).OrderBy(d => d.Due).FirstOrDefault();
            DateOnly? due = c.Liaison is null || c.ClosedOn is not null ? null
                : D5Casualties.NextFollowUp(c.OpenedOn, lastFollowUps.TryGetValue(c.Id, out var last) ? last : null, rules);
            rows.Add(new CasualtyCaseRow(c.Id, c.WorkerId, c.Worker.FullName, c.Worker.Unit!.Name, c.Kind, c.Track, c.OccurredOn,
                c.ClosedOn is null ? next : null, due, due < today, c.ClosedOn is not null));
        }
        return Result<IReadOnlyList<CasualtyCaseRow>>.Ok(rows);
    }

    /// <summary>The case, its deadlines, steps and follow-ups; the opening is audited as a view.</summary>
    public async Task<Result<CasualtyCaseView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (found, denied) = await CaseAsync(db, id, ct);
        if (found is null) return Result<CasualtyCaseView>.From(denied!);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), UserId = user.UserId, UserName = user.UserName, Entity = "CasualtyCase", EntityKey = id.ToString(),
            WorkerId = found.WorkerId, Action = AuditAction.View,
        });
        await db.SaveChangesAsync(ct);
        var rules = (await policies.ForUnitAsync(db, found.Worker!.Unit!, ct)).D5;
        var done = await db.CasualtyCaseSteps.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.DoneOn).ToListAsync(ct);
        var followUps = await db.CasualtyFollowUps.AsNoTracking().Where(f => f.CaseId == id).OrderByDescending(f => f.On).ToListAsync(ct);
        DateOnly? due = found.Liaison is null || found.ClosedOn is not null ? null
            : D5Casualties.NextFollowUp(found.OpenedOn, followUps.Count > 0 ? followUps[0].On : null, rules);
        return Result<CasualtyCaseView>.Ok(new CasualtyCaseView(found, found.Worker.FullName, found.Worker.Unit!.Name,
            D5Casualties.ClaimDeadlines(found.OccurredOn, found.UnitFiledOn, found.PersonFiledOn, found.AcceptedOn, found.DecidedOn, rules),
            D5Casualties.Steps(found.Track), done, followUps, due, due < clock.Today()));
    }

    public async Task<Result<Guid>> SaveAsync(CasualtyCaseForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<Guid>.From(Result.Forbidden(Messages.CasualtyRolesOnly));
        var today = clock.Today();
        var errors = new List<FieldError>();
        var description = form.Description?.Trim();
        string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var (liaison, phone) = (Text(form.Liaison), Text(form.LiaisonPhone));
        if (form.WorkerId is null) errors.Add(new FieldError(nameof(form.WorkerId), Messages.Required));
        if (!Enum.IsDefined(form.Kind)) errors.Add(new FieldError(nameof(form.Kind), Messages.Required));
        if (!Enum.IsDefined(form.Track) || (form.Track != CasualtyTrack.WorkInjury && form.Kind != CasualtyKind.Death))
            errors.Add(new FieldError(nameof(form.Track), Messages.CasualtyTrackNeedsDeath));
        if (form.OccurredOn is not { } occurred) errors.Add(new FieldError(nameof(form.OccurredOn), Messages.Required));
        else if (occurred > today) errors.Add(new FieldError(nameof(form.OccurredOn), Messages.CasualtyDateFuture));
        if (string.IsNullOrEmpty(description)) errors.Add(new FieldError(nameof(form.Description), Messages.Required));
        else if (description.Length > CasualtyCase.TextMaxLength) errors.Add(new FieldError(nameof(form.Description), string.Format(Messages.TooLong, CasualtyCase.TextMaxLength)));
        void Order(DateOnly? earlier, DateOnly? later, string field)
        {
            if (later is { } l && (l > today || (earlier is { } e && l < e))) errors.Add(new FieldError(field, Messages.CasualtyDateOrder));
        }
        Order(form.OccurredOn, form.UnitFiledOn, nameof(form.UnitFiledOn));
        Order(form.OccurredOn, form.PersonFiledOn, nameof(form.PersonFiledOn));
        Order(form.UnitFiledOn ?? form.PersonFiledOn ?? form.OccurredOn, form.AcceptedOn, nameof(form.AcceptedOn));
        Order(form.AcceptedOn, form.DecidedOn, nameof(form.DecidedOn));
        if (form.AcceptedOn is not null && form.UnitFiledOn is null && form.PersonFiledOn is null) errors.Add(new FieldError(nameof(form.AcceptedOn), Messages.CasualtyAcceptedBeforeFiled));
        if (form.DecidedOn is not null && form.AcceptedOn is null) errors.Add(new FieldError(nameof(form.DecidedOn), Messages.CasualtyAcceptedBeforeFiled));
        if ((form.DecidedOn is null) != (form.Decision is null)) errors.Add(new FieldError(nameof(form.Decision), Messages.CasualtyDecisionWithDate));
        if (liaison?.Length > 50) errors.Add(new FieldError(nameof(form.Liaison), string.Format(Messages.TooLong, 50)));
        if (phone is not null && !ValidationExtensions.IsContactPhone(phone)) errors.Add(new FieldError(nameof(form.LiaisonPhone), Messages.ContactPhoneInvalid));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == form.WorkerId, ct);
        if (worker is null) return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), Messages.Required));
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        // A person outside the jurisdiction is answered as one unknown.
        if (!jurisdiction.Contains(worker.Unit!.Path)) return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), Messages.Required));
        // On duty: the event cannot come before the person's first deployment.
        var firstDeployed = await db.Deployments.Where(d => d.WorkerId == worker.Id).MinAsync(d => (DateOnly?)d.StartDate, ct);
        if (firstDeployed is null || firstDeployed > form.OccurredOn)
            return Result<Guid>.From(Result.Invalid(nameof(form.OccurredOn), firstDeployed is null
                ? Messages.CasualtyNoDeployment
                : string.Format(Messages.CasualtyBeforeDeployment, firstDeployed.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

        CasualtyCase? c;
        if (form.Id is { } id)
        {
            c = await db.CasualtyCases.FirstOrDefaultAsync(x => x.Id == id && x.WorkerId == worker.Id, ct);
            if (c is null) return Result<Guid>.From(Result.NotFound());
            db.Entry(c).Property(x => x.Version).OriginalValue = form.Version;
            if (c.Track != form.Track && await db.CasualtyCaseSteps.AnyAsync(s => s.CaseId == id, ct))
                return Result<Guid>.From(Result.Invalid(nameof(form.Track), Messages.CasualtyTrackHasSteps));
        }
        else
        {
            c = new CasualtyCase { Id = Guid.CreateVersion7(), WorkerId = worker.Id, Description = "", OpenedOn = today, CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName };
            db.CasualtyCases.Add(c);
        }
        (c.Kind, c.Track, c.OccurredOn, c.Description) = (form.Kind, form.Track, form.OccurredOn!.Value, description!);
        (c.UnitFiledOn, c.PersonFiledOn, c.AcceptedOn, c.DecidedOn, c.Decision) = (form.UnitFiledOn, form.PersonFiledOn, form.AcceptedOn, form.DecidedOn, form.Decision);
        (c.Liaison, c.LiaisonPhone) = (liaison, phone);
        c.ClosedOn = form.Closed ? c.ClosedOn ?? today : null;
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsOk) logger.LogInformation("Casualty case {CaseId} of {WorkerId} saved by {UserId}", c.Id, worker.Id, user.UserId);
        return saved.IsOk ? Result<Guid>.Ok(c.Id) : Result<Guid>.From(saved);
    }

    /// <summary>Marks the next step of the case's procedure done.</summary>
    public async Task<Result> CompleteStepAsync(Guid caseId, CasualtyStep step, DateOnly? on, string? note, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (found, denied) = await CaseAsync(db, caseId, ct);
        if (found is null) return denied!;
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > 200) return Result.Invalid("Note", string.Format(Messages.TooLong, 200));
        var done = await db.CasualtyCaseSteps.Where(s => s.CaseId == caseId).Select(s => new { s.Step, s.DoneOn }).ToListAsync(ct);
        var lastDone = done.Count > 0 ? done.Max(s => s.DoneOn) : found.OccurredOn;
        if (on is not { } day || day > clock.Today() || day < lastDone) return Result.Invalid("On", Messages.CasualtyDateOrder);
        if (!D5Casualties.MayComplete(found.Track, step, done.Select(s => s.Step).ToList())) return Result.Conflict(Messages.CasualtyStepOrder);
        db.CasualtyCaseSteps.Add(new CasualtyCaseStep { Id = Guid.CreateVersion7(), CaseId = caseId, Step = step, DoneOn = day, Note = note, RecordedBy = user.UserName });
        return await db.SaveOrConflictAsync(ct, Messages.CasualtyStepOrder);
    }

    public async Task<Result> FollowUpAsync(Guid caseId, DateOnly? on, string? by, string? note, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (found, denied) = await CaseAsync(db, caseId, ct);
        if (found is null) return denied!;
        var errors = new List<FieldError>();
        (by, note) = (by?.Trim(), note?.Trim());
        if (on is not { } day || day > clock.Today() || day < found.OccurredOn) errors.Add(new FieldError("On", Messages.CasualtyDateOrder));
        if (string.IsNullOrEmpty(by)) errors.Add(new FieldError("By", Messages.Required));
        else if (by.Length > 50) errors.Add(new FieldError("By", string.Format(Messages.TooLong, 50)));
        if (string.IsNullOrEmpty(note)) errors.Add(new FieldError("Note", Messages.Required));
        else if (note.Length > FollowUpNoteMaxLength) errors.Add(new FieldError("Note", string.Format(Messages.TooLong, FollowUpNoteMaxLength)));
        errors.AddRange(ValidationExtensions.UnsafeText(new { By = by, Note = note }));
        if (errors.Count > 0) return Result.Invalid(errors);
        db.CasualtyFollowUps.Add(new CasualtyFollowUp { Id = Guid.CreateVersion7(), CaseId = caseId, On = on!.Value, By = by!, Note = note!, RecordedBy = user.UserName });
        return await db.SaveOrConflictAsync(ct);
    }

    private async Task<(CasualtyCase? Case, Result? Denied)> CaseAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        if (!user.CanEditPersonnel()) return (null, Result.Forbidden(Messages.CasualtyRolesOnly));
        var c = await db.CasualtyCases.AsNoTracking().Include(x => x.Worker).ThenInclude(w => w!.Unit).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return (null, Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        return jurisdiction.Contains(c.Worker!.Unit!.Path) ? (c, null) : (null, Jurisdiction.Hidden());
    }
}
