using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Protection;

public sealed class ClarificationCaseForm
{
    public Guid? Id { get; set; }
    public Guid? WorkerId { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public string? Source { get; set; }
    public string? Allegation { get; set; }
    public Guid? SameMatterAsId { get; set; }
    public DateOnly? ConsentOn { get; set; }
    public List<ClarificationMethod> Methods { get; set; } = [];
    public string? Audience { get; set; }
    public string? Referral { get; set; }
    public DateOnly? ReferredOn { get; set; }
    public List<Guid> Handlers { get; set; } = [];
    public uint Version { get; set; }
}

public sealed class ClarificationStepForm
{
    public ClarificationStage Stage { get; set; }
    public DateOnly? On { get; set; }
    public ReportConclusion? Conclusion { get; set; }
    public string? Note { get; set; }
    public string? ApprovedBy { get; set; }
    public uint Version { get; set; }
}

public sealed record ClarificationCaseRow(
    Guid Id, Guid WorkerId, string FullName, string UnitName, DateOnly ReceivedOn, ClarificationStage Stage, ReportConclusion? Conclusion,
    bool Repeated, Deadline? Clearing);

public sealed record EarlierReport(Guid Id, DateOnly ReceivedOn, string Allegation, ReportConclusion? Conclusion);

public sealed record ClarificationCaseView(
    ClarificationCase Case, string FullName, string UnitName, G2ClarificationRules Rules, Deadline? Clearing, bool Repeated,
    IReadOnlyList<EarlierReport> Earlier, IReadOnlyList<HandlerView> Handlers, bool MayWork, bool MayManageHandlers, IReadOnlyList<CaseAccessEntry>? AccessLog);

/// <summary>
/// G2 name-clearing cases, restricted like error-tolerance cases: the organisation department records a report about a
/// cadre of its jurisdiction; handlers and the organisation department record the conclusion, the consent, the method and
/// audience, the approval and the clearing, in order; supervisors read; every opening is logged.
/// </summary>
public sealed class ClarificationService(
    IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock, ILogger<ClarificationService> logger)
{
    public async Task<IReadOnlyList<ClarificationCaseRow>> ListAsync(bool includeClosed = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var visible = ProtectionAccess.VisibleCaseIds(db, user, jurisdiction, db.ClarificationCases);
        var cases = await db.ClarificationCases.AsNoTracking().Include(c => c.Worker).ThenInclude(w => w!.Unit)
            .Where(c => visible.Contains(c.Id) && (includeClosed || (c.Stage != ClarificationStage.Cleared
                        && (c.Stage != ClarificationStage.Concluded || c.Conclusion != ReportConclusion.NotExcluded))))
            .OrderByDescending(c => c.ReceivedOn).Take(500).ToListAsync(ct);
        var repeated = await RepeatedAsync(db, cases.Where(c => c.SameMatterAsId is not null).Select(c => c.SameMatterAsId!.Value).ToList(), ct);
        var rows = new List<ClarificationCaseRow>(cases.Count);
        var rulesOf = new Dictionary<Guid, G2ClarificationRules>();
        foreach (var c in cases)
        {
            if (!rulesOf.TryGetValue(c.Worker!.UnitId, out var rules))
                rulesOf[c.Worker.UnitId] = rules = (await policies.ForUnitAsync(db, c.Worker.Unit!, ct)).G2;
            rows.Add(new ClarificationCaseRow(c.Id, c.WorkerId, c.Worker.FullName, c.Worker.Unit!.Name, c.ReceivedOn, c.Stage, c.Conclusion,
                c.SameMatterAsId is { } same && repeated.Contains(same), G2Clarification.ClearingDeadline(c.ApprovedOn, c.ClearedOn, rules)));
        }
        return rows;
    }

    public async Task<Result<ClarificationCaseView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (c, access, denied) = await CaseAsync(db, id, tracked: false, ct);
        if (c is null) return Result<ClarificationCaseView>.From(denied!);
        await ProtectionAccess.LogViewAsync(db, "ClarificationCase", c, user, clock.GetUtcNow(), ct);
        var rules = (await policies.ForUnitAsync(db, c.Worker!.Unit!, ct)).G2;
        // Only the person's earlier cases the caller may see themselves: a handler of this case is not one of the others.
        var visible = ProtectionAccess.VisibleCaseIds(db, user, await Jurisdiction.ForAsync(db, user, ct), db.ClarificationCases);
        var earlier = await db.ClarificationCases.AsNoTracking().Where(x => x.WorkerId == c.WorkerId && x.Id != id && x.ReceivedOn <= c.ReceivedOn && visible.Contains(x.Id))
            .OrderByDescending(x => x.ReceivedOn).Select(x => new EarlierReport(x.Id, x.ReceivedOn, x.Allegation, x.Conclusion)).ToListAsync(ct);
        var repeated = c.SameMatterAsId is { } same && earlier.Any(e => e.Id == same && e.Conclusion is not null);
        return Result<ClarificationCaseView>.Ok(new ClarificationCaseView(c, c.Worker.FullName, c.Worker.Unit!.Name, rules,
            G2Clarification.ClearingDeadline(c.ApprovedOn, c.ClearedOn, rules), repeated, earlier, await ProtectionAccess.HandlersAsync(db, id, user, ct),
            access.Works, access.ManagesHandlers, access.ManagesHandlers ? await ProtectionAccess.AccessLogAsync(db, id, [], ct) : null));
    }

    /// <summary>Records a report (organisation department), or updates its record (consent, methods, audience, referral) until it is cleared.</summary>
    public async Task<Result<Guid>> SaveAsync(ClarificationCaseForm form, CancellationToken ct = default)
    {
        if (form.Id is null && !user.IsInRole(Roles.OrgDepartment)) return Result<Guid>.From(Result.Forbidden(Messages.ClarificationOpenOrgDepartmentOnly));
        var errors = new List<FieldError>();
        var today = clock.Today();
        if (form.WorkerId is null) errors.Add(new FieldError(nameof(form.WorkerId), Messages.Required));
        if (form.ReceivedOn is not { } received) errors.Add(new FieldError(nameof(form.ReceivedOn), Messages.Required));
        else if (received > today) errors.Add(new FieldError(nameof(form.ReceivedOn), Messages.DateNotAfterToday));
        var source = Texts.Clean(form.Source, nameof(form.Source), ClarificationCase.ShortMaxLength, required: true, errors);
        var allegation = Texts.Clean(form.Allegation, nameof(form.Allegation), ClarificationCase.TextMaxLength, required: true, errors);
        var audience = Texts.Clean(form.Audience, nameof(form.Audience), ClarificationCase.ShortMaxLength, required: false, errors);
        var referral = Texts.Clean(form.Referral, nameof(form.Referral), ClarificationCase.ShortMaxLength, required: false, errors);
        if (form.ConsentOn is { } consent && (consent > today || consent < form.ReceivedOn)) errors.Add(new FieldError(nameof(form.ConsentOn), Messages.ClarificationDateOrder));
        if (form.ReferredOn is { } referred && (referred > today || referred < form.ReceivedOn)) errors.Add(new FieldError(nameof(form.ReferredOn), Messages.ClarificationDateOrder));
        if ((referral is null) != (form.ReferredOn is null)) errors.Add(new FieldError(nameof(form.ReferredOn), Messages.ClarificationReferralWithDate));
        if (form.Methods.Any(m => !Enum.IsDefined(m))) errors.Add(new FieldError(nameof(form.Methods), Messages.ClarificationMethodNotAllowed));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        ClarificationCase c;
        if (form.Id is { } id)
        {
            var (found, access, denied) = await CaseAsync(db, id, tracked: true, ct);
            if (found is null) return Result<Guid>.From(denied!);
            if (!access.Works) return Result<Guid>.From(Result.Forbidden(Messages.ProtectionReadOnly));
            if (found.WorkerId != form.WorkerId) return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), Messages.ToleranceWorkerFixed));
            if (found.Stage >= ClarificationStage.Approved) return Result<Guid>.From(Result.Conflict(Messages.ClarificationApprovedLocked));
            if (found.ConcludedOn < form.ReceivedOn) return Result<Guid>.From(Result.Invalid(nameof(form.ReceivedOn), Messages.ClarificationDateOrder));
            db.Entry(found).Property(x => x.Version).OriginalValue = form.Version;
            c = found;
        }
        else
        {
            var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == form.WorkerId, ct);
            if (worker is null) return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), Messages.Required));
            if (!jurisdiction.Contains(worker.Unit!.Path)) return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), Messages.Required));
            foreach (var handler in form.Handlers.Distinct())
                if (!await ProtectionAccess.MayHandleAsync(db, handler, worker.Unit, jurisdiction, ct))
                    return Result<Guid>.From(Result.Invalid(nameof(form.Handlers), Messages.ToleranceHandlerNotEligible));
            var now = clock.GetUtcNow();
            c = new ClarificationCase { Id = Guid.CreateVersion7(), WorkerId = worker.Id, Source = "", Allegation = "", CreatedAt = now, CreatedBy = user.UserName };
            db.ClarificationCases.Add(c);
            db.CaseHandlers.AddRange(form.Handlers.Distinct().Select(h => new CaseHandler { CaseId = c.Id, UserId = h, AddedAt = now, AddedBy = user.UserName }));
        }
        var visible = ProtectionAccess.VisibleCaseIds(db, user, jurisdiction, db.ClarificationCases);
        if (form.SameMatterAsId is { } same && (same == c.Id
            || !await db.ClarificationCases.AnyAsync(x => x.Id == same && x.WorkerId == c.WorkerId && x.ReceivedOn <= form.ReceivedOn && visible.Contains(x.Id), ct)))
            return Result<Guid>.From(Result.Invalid(nameof(form.SameMatterAsId), Messages.ClarificationSameMatterInvalid));
        (c.ReceivedOn, c.Source, c.Allegation, c.SameMatterAsId) = (form.ReceivedOn!.Value, source!, allegation!, form.SameMatterAsId);
        (c.ConsentOn, c.Methods, c.Audience, c.Referral, c.ReferredOn) = (form.ConsentOn, form.Methods.Distinct().Order().ToList(), audience, referral, form.ReferredOn);
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsOk) logger.LogInformation("Clarification case {CaseId} of {WorkerId} saved by {UserId}", c.Id, c.WorkerId, user.UserId);
        return saved.IsOk ? Result<Guid>.Ok(c.Id) : Result<Guid>.From(saved);
    }

    /// <summary>The next step: the investigation's conclusion, the approval of the clearing, or the clearing done.</summary>
    public async Task<Result> AdvanceAsync(Guid caseId, ClarificationStepForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (c, access, denied) = await CaseAsync(db, caseId, tracked: true, ct);
        if (c is null) return denied!;
        if (!access.Works) return Result.Forbidden(Messages.ProtectionReadOnly);
        var errors = new List<FieldError>();
        if (form.On is not { } on || on > clock.Today() || on < c.LastStepOn) errors.Add(new FieldError(nameof(form.On), Messages.ClarificationDateOrder));
        var note = Texts.Clean(form.Note, nameof(form.Note), ClarificationCase.TextMaxLength, required: false, errors);
        var approvedBy = Texts.Clean(form.ApprovedBy, nameof(form.ApprovedBy), ClarificationCase.ShortMaxLength, required: form.Stage == ClarificationStage.Approved, errors);
        if (form.Stage == ClarificationStage.Concluded && (form.Conclusion is not { } conclusion || !Enum.IsDefined(conclusion)))
            errors.Add(new FieldError(nameof(form.Conclusion), Messages.Required));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result.Invalid(errors);
        var rules = (await policies.ForUnitAsync(db, c.Worker!.Unit!, ct)).G2;
        var refusal = form.Stage switch
        {
            ClarificationStage.Concluded => c.Conclude(form.On!.Value, form.Conclusion!.Value, note),
            ClarificationStage.Approved => c.Approve(form.On!.Value, approvedBy!, rules),
            ClarificationStage.Cleared => c.Clear(form.On!.Value),
            _ => ClarificationRefusal.OutOfOrder,
        };
        switch (refusal)
        {
            case ClarificationRefusal.OutOfOrder: return Result.Conflict(Messages.ClarificationOutOfOrder);
            case ClarificationRefusal.NotClearable: return Result.Invalid("Conclusion", Messages.ClarificationNotClearable);
            case ClarificationRefusal.NoConsent: return Result.Invalid("ConsentOn", Messages.ClarificationNoConsent);
            case ClarificationRefusal.MethodNotAllowed: return Result.Invalid("Methods", Messages.ClarificationMethodNotAllowed);
            case ClarificationRefusal.PublicRequired: return Result.Invalid("Methods", Messages.ClarificationPublicRequired);
        }
        db.Entry(c).Property(x => x.Version).OriginalValue = form.Version;
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsOk) logger.LogInformation("Clarification case {CaseId}: {Stage} by {UserId}", c.Id, c.Stage, user.UserId);
        return saved;
    }

    public async Task<IReadOnlyList<HandlerView>> HandlerCandidatesAsync(Guid workerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ProtectionAccess.CandidatesAsync(db, user, workerId, ct);
    }

    public async Task<Result> SetHandlerAsync(Guid caseId, Guid userId, bool handles, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ProtectionAccess.SetHandlerAsync(db, Cases(db), caseId, userId, handles, user, clock.GetUtcNow(), ct);
    }

    /// <summary>Of the given earlier cases, those concluded: a later report about the same matter is a repeat.</summary>
    private static async Task<HashSet<Guid>> RepeatedAsync(AppDbContext db, List<Guid> earlier, CancellationToken ct) =>
        earlier.Count == 0 ? [] : (await db.ClarificationCases.Where(x => earlier.Contains(x.Id) && x.Conclusion != null).Select(x => x.Id).ToListAsync(ct)).ToHashSet();

    private static IQueryable<ClarificationCase> Cases(AppDbContext db) => db.ClarificationCases.Include(x => x.Worker).ThenInclude(w => w!.Unit);

    private Task<(ClarificationCase? Case, ProtectionAccess.Access Access, Result? Denied)> CaseAsync(AppDbContext db, Guid id, bool tracked, CancellationToken ct) =>
        ProtectionAccess.LoadAsync(db, Cases(db), id, tracked, user, ct);
}
