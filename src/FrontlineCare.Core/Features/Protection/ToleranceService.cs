using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Audit;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Protection;

/// <summary>
/// G1 error-tolerance cases. The organisation department opens a case (on the cadre's written application or as the
/// accountability body) and names its handlers; the criteria of the person's profile are copied onto it; handlers and the
/// organisation department record the findings and take the steps in order; supervisors read. Every opening of a case is
/// written to the audit trail, and the organisation department sees that log on the case.
/// </summary>
public sealed class ToleranceService(
    IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock, ILogger<ToleranceService> logger)
{
    public async Task<IReadOnlyList<ToleranceCaseRow>> ListAsync(bool includeClosed = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var visible = ProtectionAccess.VisibleCaseIds(db, user, jurisdiction, db.ToleranceCases);
        var cases = await db.ToleranceCases.AsNoTracking().Include(c => c.Worker).ThenInclude(w => w!.Unit)
            .Where(c => visible.Contains(c.Id)
                        && (includeClosed || c.Stage != ToleranceStage.Filed || (c.RectificationPlan != null && c.RectifiedOn == null)))
            .OrderByDescending(c => c.OpenedOn).Take(500).ToListAsync(ct);
        var today = clock.Today();
        var rulesOf = new Dictionary<Guid, G1ToleranceRules>();
        var rows = new List<ToleranceCaseRow>(cases.Count);
        foreach (var c in cases)
        {
            if (!rulesOf.TryGetValue(c.Worker!.UnitId, out var rules))
                rulesOf[c.Worker.UnitId] = rules = (await policies.ForUnitAsync(db, c.Worker.Unit!, ct)).G1;
            var next = G1ErrorTolerance.Deadlines(c.OpenedOn, c.DecidedOn, c.NotifiedOn, c.FiledOn, rules).FirstOrDefault(d => d.MetOn is null);
            rows.Add(new ToleranceCaseRow(c.Id, c.WorkerId, c.Worker.FullName, c.Worker.Unit!.Name, c.Start, c.OpenedOn, c.Stage, c.Outcome,
                next, c.Closed, RectificationOverdue(c, today)));
        }
        return rows;
    }

    /// <summary>The case with its criteria, deadlines and handlers; the opening is written to the audit trail.</summary>
    public async Task<Result<ToleranceCaseView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (c, access, denied) = await CaseAsync(db, id, tracked: false, ct);
        if (c is null) return Result<ToleranceCaseView>.From(denied!);
        await ProtectionAccess.LogViewAsync(db, "ToleranceCase", c, user, clock.GetUtcNow(), ct);
        var rules = (await policies.ForUnitAsync(db, c.Worker!.Unit!, ct)).G1;
        var handlers = await ProtectionAccess.HandlersAsync(db, id, user, ct);
        var log = access.ManagesHandlers ? await ProtectionAccess.AccessLogAsync(db, id, c.Criteria.Select(x => x.Id), ct) : null;
        var criteria = c.Criteria.OrderBy(x => x.Order).ToList();
        var files = await db.ToleranceCaseFiles.AsNoTracking().Where(f => f.CaseId == id).OrderBy(f => f.File!.UploadedAt)
            .Select(f => new Nominations.AttachmentView(f.FileId, f.File!.FileName, f.File.ContentType, f.File.Size)).ToListAsync(ct);
        return Result<ToleranceCaseView>.Ok(new ToleranceCaseView(c, c.Worker.FullName, c.Worker.Unit!.Name,
            criteria.Where(x => x.Condition is not null).ToList(), criteria.Where(x => x.Exclusion is not null).ToList(),
            G1ErrorTolerance.Deadlines(c.OpenedOn, c.DecidedOn, c.NotifiedOn, c.FiledOn, rules), handlers, access.Works, access.ManagesHandlers, log, files));
    }

    /// <summary>
    /// Attaches evidence files (PDF, PNG, JPEG) to the case: whoever works it, while its facts are open (before the
    /// decision), up to <see cref="Files.EvidenceFiles.MaxPerRecord"/> per case. All the files or none.
    /// </summary>
    /// <remarks>Runs whole again after a transient failure (<see cref="Data.Retrying"/>).</remarks>
    public Task<Result> AttachAsync(Guid caseId, IReadOnlyList<Files.UploadedFile> uploads, CancellationToken ct = default) =>
        dbFactory.RetryingAsync(() => AttachOnceAsync(caseId, uploads, ct), ct);

    private async Task<Result> AttachOnceAsync(Guid caseId, IReadOnlyList<Files.UploadedFile> uploads, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The case row stays locked until the files are in: a decision or another upload at the same moment waits, so
        // neither the stage nor the count changes under these checks. The case itself is not written, so edits under
        // way elsewhere on it keep their version.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM tolerance_cases WHERE id = {caseId} FOR UPDATE", ct);
        var (c, access, denied) = await CaseAsync(db, caseId, tracked: false, ct);
        if (c is null) return denied!;
        if (!access.Works) return Result.Forbidden(Messages.ProtectionReadOnly);
        if (c.Stage >= ToleranceStage.Decided) return Result.Conflict(Messages.ToleranceDecidedLocked);
        var errors = new List<FieldError>();
        var stored = Files.EvidenceFiles.AcceptAll(uploads, clock.GetUtcNow(), user.UserName, errors);
        Files.EvidenceFiles.CheckRoom(await db.ToleranceCaseFiles.CountAsync(f => f.CaseId == caseId, ct), stored.Count, errors);
        if (errors.Count > 0) return Result.Invalid(errors);
        foreach (var file in stored)
        {
            db.StoredFiles.Add(file);
            db.ToleranceCaseFiles.Add(new ToleranceCaseFile { CaseId = caseId, FileId = file.Id });
        }
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsOk) await transaction.CommitAsync(ct);
        return saved;
    }

    /// <summary>An evidence file of the case, for whoever may see the case; the read is written to the case's access log.</summary>
    public async Task<Result<Files.StoredFile>> FileAsync(Guid caseId, Guid fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (c, _, denied) = await CaseAsync(db, caseId, tracked: false, ct);
        if (c is null) return Result<Files.StoredFile>.From(denied!);
        var file = await db.ToleranceCaseFiles.AsNoTracking().Where(f => f.CaseId == caseId && f.FileId == fileId).Select(f => f.File!).FirstOrDefaultAsync(ct);
        if (file is null) return Result<Files.StoredFile>.From(Result.NotFound());
        await ProtectionAccess.LogViewAsync(db, "ToleranceCaseFile", c, user, clock.GetUtcNow(), ct, key: $"{caseId}/{fileId}");
        return Result<Files.StoredFile>.Ok(file);
    }

    /// <summary>Opens a case (organisation department), or corrects its facts before the decision (whoever works it).</summary>
    public async Task<Result<Guid>> SaveAsync(ToleranceCaseForm form, CancellationToken ct = default)
    {
        if (form.Id is null && !user.IsInRole(Roles.OrgDepartment)) return Result<Guid>.From(Result.Forbidden(Messages.ToleranceOpenOrgDepartmentOnly));
        var errors = new List<FieldError>();
        var today = clock.Today();
        if (form.WorkerId is null) errors.Add(new FieldError(nameof(form.WorkerId), Messages.Required));
        if (!Enum.IsDefined(form.Start)) errors.Add(new FieldError(nameof(form.Start), Messages.Required));
        if (form.OpenedOn is not { } opened) errors.Add(new FieldError(nameof(form.OpenedOn), Messages.Required));
        else if (opened > today) errors.Add(new FieldError(nameof(form.OpenedOn), Messages.DateNotAfterToday));
        var facts = Texts.Clean(form.Facts, nameof(form.Facts), ToleranceCase.TextMaxLength, required: true, errors);
        var action = Texts.Clean(form.Action, nameof(form.Action), ToleranceCase.TextMaxLength, required: true, errors);
        var mistake = Texts.Clean(form.Mistake, nameof(form.Mistake), ToleranceCase.TextMaxLength, required: true, errors);
        var impact = Texts.Clean(form.Impact, nameof(form.Impact), ToleranceCase.TextMaxLength, required: true, errors);
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        ToleranceCase c;
        if (form.Id is { } id)
        {
            var (found, access, denied) = await CaseAsync(db, id, tracked: true, ct);
            if (found is null) return Result<Guid>.From(denied!);
            if (!access.Works) return Result<Guid>.From(Result.Forbidden(Messages.ProtectionReadOnly));
            if (found.WorkerId != form.WorkerId) return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), Messages.ToleranceWorkerFixed));
            if (found.Stage >= ToleranceStage.Decided) return Result<Guid>.From(Result.Conflict(Messages.ToleranceDecidedLocked));
            if (found.VerifiedOn is { } verified && form.OpenedOn > verified)
                return Result<Guid>.From(Result.Invalid(nameof(form.OpenedOn), string.Format(Messages.ToleranceOpenedAfterVerified, Date(verified))));
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
            var rules = (await policies.ForUnitAsync(db, worker.Unit, form.OpenedOn!.Value, ct)).G1;
            var now = clock.GetUtcNow();
            c = new ToleranceCase
            {
                Id = Guid.CreateVersion7(), WorkerId = worker.Id, Facts = "", Action = "", Mistake = "", Impact = "", Stage = ToleranceStage.Opened,
                CreatedAt = now, CreatedBy = user.UserName,
            };
            var order = 0;
            c.Criteria.AddRange(rules.Conditions.Value.Select(x => new ToleranceCriterion { Id = Guid.CreateVersion7(), CaseId = c.Id, Condition = x, Order = order++ }));
            c.Criteria.AddRange(rules.Exclusions.Value.Select(x => new ToleranceCriterion { Id = Guid.CreateVersion7(), CaseId = c.Id, Exclusion = x, Order = order++ }));
            db.ToleranceCases.Add(c);
            db.CaseHandlers.AddRange(form.Handlers.Distinct().Select(h => new CaseHandler { CaseId = c.Id, UserId = h, AddedAt = now, AddedBy = user.UserName }));
        }
        (c.Start, c.OpenedOn, c.Facts, c.Action, c.Mistake, c.Impact) = (form.Start, form.OpenedOn!.Value, facts!, action!, mistake!, impact!);
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsOk) logger.LogInformation("Error-tolerance case {CaseId} of {WorkerId} saved by {UserId}", c.Id, c.WorkerId, user.UserId);
        return saved.IsOk ? Result<Guid>.Ok(c.Id) : Result<Guid>.From(saved);
    }

    /// <summary>Records what the criteria were found to be; only before the decision.</summary>
    public async Task<Result> SaveFindingsAsync(Guid caseId, uint version, IReadOnlyList<CriterionFindingForm> findings, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (c, access, denied) = await CaseAsync(db, caseId, tracked: true, ct);
        if (c is null) return denied!;
        if (!access.Works) return Result.Forbidden(Messages.ProtectionReadOnly);
        if (c.Stage >= ToleranceStage.Decided) return Result.Conflict(Messages.ToleranceDecidedLocked);
        var errors = new List<FieldError>();
        foreach (var f in findings)
        {
            var criterion = c.Criteria.FirstOrDefault(x => x.Id == f.CriterionId);
            if (criterion is null || !Enum.IsDefined(f.Finding)) return Result.NotFound();
            criterion.Finding = f.Finding;
            criterion.Note = Texts.Clean(f.Note, $"Note:{f.CriterionId}", ToleranceCriterion.NoteMaxLength, required: false, errors);
            criterion.Evidence = Texts.Clean(f.Evidence, $"Evidence:{f.CriterionId}", ToleranceCriterion.NoteMaxLength, required: false, errors);
        }
        errors.AddRange(ValidationExtensions.UnsafeText(new { Findings = findings }));
        if (errors.Count > 0) return Result.Invalid(errors);
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        // The case row is written too (its version moves), so that a stale edit of the facts or a decision taken on
        // findings read before these is refused.
        db.Entry(c).Property(x => x.UpdatedAt).IsModified = true;
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Takes the next step of the procedure: verification, the decision, the written notice, or the filing.</summary>
    public async Task<Result> AdvanceAsync(Guid caseId, ToleranceStepForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (c, access, denied) = await CaseAsync(db, caseId, tracked: true, ct);
        if (c is null) return denied!;
        if (!access.Works) return Result.Forbidden(Messages.ProtectionReadOnly);
        var errors = new List<FieldError>();
        if (form.On is not { } on || on > clock.Today() || on < c.LastStepOn)
            errors.Add(new FieldError(nameof(form.On), string.Format(Messages.ToleranceDateOrder, Date(c.LastStepOn))));
        var note = Texts.Clean(form.Note, nameof(form.Note), ToleranceCase.TextMaxLength, required: false, errors);
        var decidedBy = Texts.Clean(form.DecidedBy, nameof(form.DecidedBy), ToleranceCase.ShortMaxLength, required: form.Stage == ToleranceStage.Decided, errors);
        var reason = Texts.Clean(form.Reason, nameof(form.Reason), ToleranceCase.TextMaxLength, required: false, errors);
        var plan = Texts.Clean(form.RectificationPlan, nameof(form.RectificationPlan), ToleranceCase.TextMaxLength, required: false, errors);
        var filedWith = Texts.Clean(form.FiledWith, nameof(form.FiledWith), ToleranceCase.ShortMaxLength, required: form.Stage == ToleranceStage.Filed, errors);
        if (form.Stage == ToleranceStage.Decided)
        {
            if (form.Outcome is not { } outcome || !Enum.IsDefined(outcome)) errors.Add(new FieldError(nameof(form.Outcome), Messages.Required));
            if ((plan is null) != (form.RectificationDue is null)) errors.Add(new FieldError(nameof(form.RectificationDue), Messages.TolerancePlanWithDue));
            else if (form.RectificationDue < form.On) errors.Add(new FieldError(nameof(form.RectificationDue), string.Format(Messages.ToleranceDateOrder, Date(form.On!.Value))));
        }
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result.Invalid(errors);

        var refusal = form.Stage switch
        {
            ToleranceStage.Verified => c.Verify(form.On!.Value, note),
            ToleranceStage.Decided => c.Decide(form.On!.Value, decidedBy!, form.Outcome!.Value, reason, plan, form.RectificationDue),
            ToleranceStage.Notified => c.Notify(form.On!.Value),
            ToleranceStage.Filed => c.File(form.On!.Value, filedWith!),
            _ => ToleranceRefusal.OutOfOrder,
        };
        switch (refusal)
        {
            case ToleranceRefusal.OutOfOrder: return Result.Conflict(Messages.ToleranceOutOfOrder);
            case ToleranceRefusal.Unclear: return Result.Invalid(nameof(form.Outcome), Messages.ToleranceUnclear);
            case ToleranceRefusal.Excluded: return Result.Invalid(nameof(form.Outcome), Messages.ToleranceExcluded);
            case ToleranceRefusal.ConditionNotMet: return Result.Invalid(nameof(form.Outcome), Messages.ToleranceConditionNotMet);
        }
        db.Entry(c).Property(x => x.Version).OriginalValue = form.Version;
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsOk) logger.LogInformation("Error-tolerance case {CaseId}: {Stage} by {UserId}", c.Id, c.Stage, user.UserId);
        return saved;
    }

    /// <summary>Marks the rectification plan (纠错) carried out.</summary>
    public async Task<Result> RectifiedAsync(Guid caseId, uint version, DateOnly? on, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (c, access, denied) = await CaseAsync(db, caseId, tracked: true, ct);
        if (c is null) return denied!;
        if (!access.Works) return Result.Forbidden(Messages.ProtectionReadOnly);
        if (c.RectificationPlan is null || c.DecidedOn is not { } decided) return Result.Conflict(Messages.ToleranceNoPlan);
        if (on is not { } day || day > clock.Today() || day < decided) return Result.Invalid("RectifiedOn", string.Format(Messages.ToleranceDateOrder, Date(decided)));
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        c.RectifiedOn = day;
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Accounts that may be named handlers of a case about the person (for the organisation department's picker).</summary>
    public async Task<IReadOnlyList<HandlerView>> HandlerCandidatesAsync(Guid workerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ProtectionAccess.CandidatesAsync(db, user, workerId, ct);
    }

    /// <summary>Names or removes a handler (the organisation department of the jurisdiction).</summary>
    public async Task<Result> SetHandlerAsync(Guid caseId, Guid userId, bool handles, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ProtectionAccess.SetHandlerAsync(db, Cases(db), caseId, userId, handles, user, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// The cadre's decided 免责, 从轻 and 减轻 cases, for wherever their evaluation, nomination or promotion is considered:
    /// outcome and day only, never the facts, and never a case that was not tolerated.
    /// </summary>
    public static async Task<IReadOnlyList<ToleratedCaseNote>> ToleratedAsync(AppDbContext db, Guid workerId, CancellationToken ct) =>
        (await ToleratedAsync(db, [workerId], ct))[workerId].ToList();

    /// <summary>The same for several cadres at once (a list where promotion is considered), by cadre.</summary>
    public static async Task<ILookup<Guid, ToleratedCaseNote>> ToleratedAsync(AppDbContext db, IReadOnlyCollection<Guid> workerIds, CancellationToken ct)
    {
        ToleranceOutcome?[] tolerated = [ToleranceOutcome.Exempt, ToleranceOutcome.Lighter, ToleranceOutcome.Reduced];
        var notes = await db.ToleranceCases.AsNoTracking()
            .Where(c => workerIds.Contains(c.WorkerId) && c.DecidedOn != null && tolerated.Contains(c.Outcome))
            .OrderBy(c => c.DecidedOn)
            .Select(c => new { c.WorkerId, Note = new ToleratedCaseNote(c.DecidedOn!.Value, c.Outcome!.Value) }).ToListAsync(ct);
        return notes.ToLookup(n => n.WorkerId, n => n.Note);
    }

    private static bool RectificationOverdue(ToleranceCase c, DateOnly today) => c.RectificationDue < today && c.RectifiedOn is null;

    private static IQueryable<ToleranceCase> Cases(AppDbContext db) => db.ToleranceCases.Include(x => x.Worker).ThenInclude(w => w!.Unit).Include(x => x.Criteria);

    private Task<(ToleranceCase? Case, ProtectionAccess.Access Access, Result? Denied)> CaseAsync(AppDbContext db, Guid id, bool tracked, CancellationToken ct) =>
        ProtectionAccess.LoadAsync(db, Cases(db), id, tracked, user, ct);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
