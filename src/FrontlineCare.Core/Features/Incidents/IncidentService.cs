using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Incidents;

public sealed class IncidentForm
{
    public Guid? Id { get; set; }
    public Guid? WorkerId { get; set; }
    public IncidentKind Kind { get; set; }
    public IncidentVictim Victim { get; set; }
    public string? FamilyMember { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public string? Place { get; set; }
    public string? Description { get; set; }
    public IncidentReferral Referral { get; set; }
    public DateOnly? ReferredOn { get; set; }
    public string? ReferredTo { get; set; }
    public string? Outcome { get; set; }
    public bool Closed { get; set; }
    public uint Version { get; set; }
}

public sealed record IncidentRow(FrontlineIncident Incident, string FullName, string UnitName, Deadline Referral);

/// <summary>G3 incidents against frontline staff and their families; the organisation department and unit committees of the jurisdiction keep them.</summary>
public sealed class IncidentService(
    IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock, ILogger<IncidentService> logger)
{
    public async Task<Result<IReadOnlyList<IncidentRow>>> ListAsync(bool includeClosed = false, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<IReadOnlyList<IncidentRow>>.From(Result.Forbidden(Messages.IncidentRolesOnly));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var units = jurisdiction.Units(db).Select(u => u.Id);
        var incidents = await db.FrontlineIncidents.AsNoTracking().Include(i => i.Worker).ThenInclude(w => w!.Unit)
            .Where(i => units.Contains(i.Worker!.UnitId) && (includeClosed || i.ClosedOn == null))
            .OrderByDescending(i => i.OccurredOn).Take(500).ToListAsync(ct);
        var rulesOf = new Dictionary<Guid, G3IncidentRules>();
        var rows = new List<IncidentRow>(incidents.Count);
        foreach (var i in incidents)
        {
            if (!rulesOf.TryGetValue(i.Worker!.UnitId, out var rules))
                rulesOf[i.Worker.UnitId] = rules = (await policies.ForUnitAsync(db, i.Worker.Unit!, ct)).G3;
            rows.Add(new IncidentRow(i, i.Worker.FullName, i.Worker.Unit!.Name, G3Incidents.ReferralDeadline(i.RecordedOn, i.ReferredOn, rules)));
        }
        return Result<IReadOnlyList<IncidentRow>>.Ok(rows);
    }

    /// <summary>Records an incident, or its referral and outcome; closing needs the referral the kind calls for and the outcome.</summary>
    public async Task<Result<Guid>> SaveAsync(IncidentForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<Guid>.From(Result.Forbidden(Messages.IncidentRolesOnly));
        var today = clock.Today();
        var errors = new List<FieldError>();
        if (form.WorkerId is null) errors.Add(new FieldError(nameof(form.WorkerId), Messages.Required));
        if (!Enum.IsDefined(form.Kind)) errors.Add(new FieldError(nameof(form.Kind), Messages.Required));
        if (!Enum.IsDefined(form.Victim)) errors.Add(new FieldError(nameof(form.Victim), Messages.Required));
        var family = Texts.Clean(form.FamilyMember, nameof(form.FamilyMember), FrontlineIncident.ShortMaxLength, required: form.Victim == IncidentVictim.Family, errors);
        if (form.OccurredOn is not { } occurred) errors.Add(new FieldError(nameof(form.OccurredOn), Messages.Required));
        else if (occurred > today) errors.Add(new FieldError(nameof(form.OccurredOn), Messages.DateNotAfterToday));
        var place = Texts.Clean(form.Place, nameof(form.Place), FrontlineIncident.ShortMaxLength, required: true, errors);
        var description = Texts.Clean(form.Description, nameof(form.Description), FrontlineIncident.TextMaxLength, required: true, errors);
        var referredTo = Texts.Clean(form.ReferredTo, nameof(form.ReferredTo), FrontlineIncident.ShortMaxLength, required: form.Referral != IncidentReferral.None, errors);
        var outcome = Texts.Clean(form.Outcome, nameof(form.Outcome), FrontlineIncident.TextMaxLength, required: false, errors);
        if ((form.Referral & ~(IncidentReferral.Police | IncidentReferral.Unit)) != 0) errors.Add(new FieldError(nameof(form.Referral), Messages.Required));
        if ((form.Referral == IncidentReferral.None) != (form.ReferredOn is null)) errors.Add(new FieldError(nameof(form.ReferredOn), Messages.IncidentReferralWithDate));
        else if (form.ReferredOn is { } referred && (referred > today || referred < form.OccurredOn)) errors.Add(new FieldError(nameof(form.ReferredOn), Messages.IncidentDateOrder));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == form.WorkerId, ct);
        if (worker is null) return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), Messages.Required));
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(worker.Unit!.Path)) return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), Messages.Required));
        if (form.Closed)
        {
            var rules = (await policies.ForUnitAsync(db, worker.Unit, ct)).G3;
            switch (G3Incidents.CheckClose(form.Kind, form.Referral, outcome is not null, rules))
            {
                case IncidentRefusal.NotReferred: return Result<Guid>.From(Result.Invalid(nameof(form.Referral), Messages.IncidentNotReferred));
                case IncidentRefusal.PoliceRequired: return Result<Guid>.From(Result.Invalid(nameof(form.Referral), Messages.IncidentPoliceRequired));
                case IncidentRefusal.NoOutcome: return Result<Guid>.From(Result.Invalid(nameof(form.Outcome), Messages.IncidentOutcomeRequired));
            }
        }

        FrontlineIncident? incident;
        if (form.Id is { } id)
        {
            incident = await db.FrontlineIncidents.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null) return Result<Guid>.From(Result.NotFound());
            var current = await db.Workers.Where(w => w.Id == incident.WorkerId).Select(w => w.Unit!.Path).FirstAsync(ct);
            if (!jurisdiction.Contains(current)) return Result<Guid>.From(Jurisdiction.Hidden());
            if (incident.WorkerId != worker.Id) return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), Messages.ToleranceWorkerFixed));
            db.Entry(incident).Property(i => i.Version).OriginalValue = form.Version;
        }
        else
        {
            incident = new FrontlineIncident { Id = Guid.CreateVersion7(), WorkerId = worker.Id, Place = "", Description = "", RecordedOn = today, CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName };
            db.FrontlineIncidents.Add(incident);
        }
        (incident.Kind, incident.Victim, incident.FamilyMember, incident.OccurredOn, incident.Place, incident.Description) =
            (form.Kind, form.Victim, form.Victim == IncidentVictim.Family ? family : null, form.OccurredOn!.Value, place!, description!);
        (incident.Referral, incident.ReferredOn, incident.ReferredTo, incident.Outcome) = (form.Referral, form.ReferredOn, referredTo, outcome);
        incident.ClosedOn = form.Closed ? incident.ClosedOn ?? today : null;
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsOk) logger.LogInformation("Incident {IncidentId} of {WorkerId} saved by {UserId}", incident.Id, worker.Id, user.UserId);
        return saved.IsOk ? Result<Guid>.Ok(incident.Id) : Result<Guid>.From(saved);
    }
}
