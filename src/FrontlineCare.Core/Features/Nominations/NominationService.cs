using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Files;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Nominations;

/// <summary>
/// Commendation and excellent-evaluation nominations (F7, F6): unit committees (and the organisation department)
/// nominate people and collectives of their jurisdiction; supervisors above decide them level by level, within
/// the profile's quotas and caps. Every step is kept on the nomination and audited.
/// </summary>
public sealed class NominationService(
    IDbContextFactory<AppDbContext> dbFactory,
    PolicyProfileService policies,
    QuotaService quotas,
    ICurrentUser user,
    TimeProvider clock,
    ILogger<NominationService> logger)
{
    public const int FirstYear = 2020;
    public const int CollectiveNameMaxLength = 100;

    private bool MayNominate => user.IsInRole(Roles.UnitCommittee) || user.IsInRole(Roles.OrgDepartment);

    /// <summary>What the form shows for a chosen nominee (null until one is chosen and in the caller's jurisdiction).</summary>
    public async Task<NominationPreview?> PreviewAsync(NominationForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var nominee = await NomineeAsync(db, jurisdiction, form, ct);
        if (nominee is null) return null;
        var rules = await policies.ForUnitAsync(db, nominee.Unit, ct);
        var kinds = Kinds(nominee, rules);
        var facts = await FactsAsync(db, nominee, form.Year, ct);
        var quota = form.Kind is { } kind && form.NomineeKind == NomineeKind.Individual
            ? await quotas.UseAsync(db, nominee.Unit.Id, form.Year, kind, rules, countApprovedOnly: false, ct) : null;
        // G1: decided tolerance (免责/从轻/减轻) is shown so that it is not held against the nominee; nothing else of the case.
        var tolerated = nominee.Worker is { } w ? await Protection.ToleranceService.ToleratedAsync(db, w.Id, ct) : [];
        return new NominationPreview(nominee.Name, nominee.Unit.Name, nominee.Worker?.StaffCategory, kinds, facts, quota, tolerated);
    }

    /// <remarks>Runs whole again after a transient failure (<see cref="Data.Retrying"/>).</remarks>
    public Task<Result<Guid>> SubmitAsync(NominationForm form, IReadOnlyList<UploadedFile> files, CancellationToken ct = default) =>
        dbFactory.RetryingAsync(() => SubmitOnceAsync(form, files, ct), ct);

    private async Task<Result<Guid>> SubmitOnceAsync(NominationForm form, IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        if (!MayNominate) return Result<Guid>.From(Result.Forbidden(Messages.NominatorOnly));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var errors = new List<FieldError>();
        var today = clock.Today();
        if (form.Year < FirstYear || form.Year > today.Year)
            errors.Add(new FieldError(nameof(form.Year), string.Format(Messages.NominationYearRange, FirstYear, today.Year)));
        var deeds = form.Deeds?.Trim();
        if (string.IsNullOrEmpty(deeds)) errors.Add(new FieldError(nameof(form.Deeds), Messages.NominationDeedsRequired));
        else if (deeds.Length > Nomination.DeedsMaxLength) errors.Add(new FieldError(nameof(form.Deeds), string.Format(Messages.TooLong, Nomination.DeedsMaxLength)));
        var collectiveName = form.NomineeKind == NomineeKind.Collective && !string.IsNullOrWhiteSpace(form.CollectiveName) ? form.CollectiveName.Trim() : null;
        if (collectiveName?.Length > CollectiveNameMaxLength)
            errors.Add(new FieldError(nameof(form.CollectiveName), string.Format(Messages.TooLong, CollectiveNameMaxLength)));
        var stored = EvidenceFiles.AcceptAll(files, clock.GetUtcNow(), user.UserName, errors);

        var nominee = await NomineeAsync(db, jurisdiction, form, ct);
        if (nominee is null)
        {
            // Unknown and outside the jurisdiction answer alike: the error does not say whether the nominee exists.
            var field = form.NomineeKind == NomineeKind.Individual ? nameof(form.WorkerId) : nameof(form.UnitId);
            errors.Add(new FieldError(field, Messages.Required));
            return Result<Guid>.From(Result.Invalid(errors));
        }
        var rules = await policies.ForUnitAsync(db, nominee.Unit, ct);
        if (form.Kind is not { } kind) errors.Add(new FieldError(nameof(form.Kind), Messages.Required));
        else if (!Kinds(nominee, rules).Contains(kind)) errors.Add(new FieldError(nameof(form.Kind), Messages.NominationKindNotOnLadder));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        var facts = await FactsAsync(db, nominee, form.Year, ct);
        if (nominee.Worker is not null && facts.Deployments == 0)
            return Result<Guid>.From(Result.Invalid(nameof(form.WorkerId), string.Format(Messages.NominationNotFrontline, form.Year)));

        var now = clock.GetUtcNow();
        var nomination = new Nomination
        {
            Id = Guid.CreateVersion7(), Year = form.Year, Kind = form.Kind!.Value, NomineeKind = form.NomineeKind, WorkerId = nominee.Worker?.Id,
            UnitId = nominee.Unit.Id, CollectiveName = collectiveName, Deeds = deeds!, Facts = facts, NominatingUnitId = user.HomeUnitId!.Value,
        };
        nomination.Submit(rules.F7.ReviewLevels.Value, now, user.UserId, user.UserName, user.HomeUnitId);
        foreach (var file in stored)
        {
            db.StoredFiles.Add(file);
            nomination.Attachments.Add(new NominationAttachment { NominationId = nomination.Id, FileId = file.Id });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var full = await quotas.HoldPlaceAsync(db, nomination, rules, countApprovedOnly: false, ct);
        if (full is not null) return Result<Guid>.From(Result.Invalid(nameof(form.Kind), full));
        db.Nominations.Add(nomination);
        var saved = await db.SaveOrConflictAsync(ct, Messages.NominationDuplicate);
        if (!saved.IsOk) return Result<Guid>.From(saved.Status == ResultStatus.Conflict ? Result.Invalid(nameof(form.Kind), Messages.NominationDuplicate) : saved);
        await tx.CommitAsync(ct);
        logger.LogInformation("Nomination {NominationId} ({Kind}, {Year}) submitted by {UserId}", nomination.Id, nomination.Kind, nomination.Year, user.UserId);
        return Result<Guid>.Ok(nomination.Id);
    }

    public async Task<Result<NominationDetail>> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var n = await db.Nominations.AsNoTracking().Include(x => x.Unit).Include(x => x.Worker).Include(x => x.Steps)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Result<NominationDetail>.From(Result.NotFound());
        if (!jurisdiction.Contains(n.Unit!.Path)) return Result<NominationDetail>.From(Jurisdiction.Hidden());

        var attachments = await db.NominationAttachments.AsNoTracking().Where(a => a.NominationId == id)
            .Select(a => new AttachmentView(a.FileId, a.File!.FileName, a.File.ContentType, a.File.Size)).ToListAsync(ct);
        var unitIds = n.Steps.Select(s => s.UnitId).OfType<Guid>().Distinct().ToList();
        var unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var steps = n.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new NominationStepView(s.Level, s.Action, s.Comment, s.At, s.UserName, s.UnitId is { } u ? unitNames.GetValueOrDefault(u) : null)).ToList();
        var rules = await policies.ForUnitAsync(db, n.Unit, ct);
        var quota = n.NomineeKind == NomineeKind.Individual ? await quotas.UseAsync(db, n.UnitId, n.Year, n.Kind, rules, countApprovedOnly: false, ct) : null;
        var mayReview = await MayReviewAsync(db, jurisdiction, n, ct);
        var isNominator = MayNominate && user.HomeUnitId == n.NominatingUnitId;
        var tolerated = n.WorkerId is { } workerId ? await Protection.ToleranceService.ToleratedAsync(db, workerId, ct) : [];
        return Result<NominationDetail>.Ok(new NominationDetail(
            n.Id, n.Version, n.Year, n.Kind, n.NomineeKind, n.WorkerId, NomineeName(n), n.UnitId, n.Unit.Name, n.CollectiveName, n.Deeds, n.Facts,
            n.Status, n.Level, n.RequiredLevels, n.SubmittedBy, n.SubmittedAt, steps, attachments, quota, mayReview,
            isNominator && n.Status == NominationStatus.Returned,
            isNominator && n.Status is NominationStatus.InReview or NominationStatus.Returned,
            n.Story, n.PhotoFileId is not null, n.Status == NominationStatus.Approved && MayPublicize(n), tolerated));
    }

    /// <summary>
    /// Nominations of the jurisdiction, newest first; with <see cref="NominationQuery.ToReview"/> the supervisor's
    /// queue instead: those waiting for a level the caller may decide, oldest first.
    /// </summary>
    public async Task<NominationPage> ListAsync(NominationQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (jurisdiction.RootPath is not { } home) return new NominationPage([], null);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        var q = db.Nominations.AsNoTracking().Where(n => scope.Contains(n.UnitId));
        if (query.Year is { } year) q = q.Where(n => n.Year == year);
        if (query.Status is { } status) q = q.Where(n => n.Status == status);
        var after = Cursor.Decode(query.After);
        var size = Math.Clamp(query.PageSize, 1, 100);
        if (query.ToReview)
        {
            if (!user.IsInRole(Roles.Supervisor)) return new NominationPage([], null);
            var me = user.UserId;
            q = q.Where(n => n.Status == NominationStatus.InReview && n.SubmittedById != me
                             && (n.Level == 1 || db.Units.Any(u => u.Id == n.LastReviewerUnitId && u.Path.IsDescendantOf(home) && u.Path != home)));
            if (after is { Time: { } t }) q = q.Where(n => n.SubmittedAt > t || (n.SubmittedAt == t && n.Id.CompareTo(after.Id) > 0));
            q = q.OrderBy(n => n.SubmittedAt).ThenBy(n => n.Id);
        }
        else
        {
            if (after is { Time: { } t }) q = q.Where(n => n.SubmittedAt < t || (n.SubmittedAt == t && n.Id.CompareTo(after.Id) < 0));
            q = q.OrderByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id);
        }
        var items = await q.Take(size + 1).Select(n => new NominationListItem(
                n.Id, n.Version, n.Year, n.Kind, n.NomineeKind,
                n.Worker != null ? n.Worker.FullName : n.CollectiveName != null ? n.Unit!.Name + " " + n.CollectiveName : n.Unit!.Name,
                n.Unit!.Name, n.Status, n.Level, n.RequiredLevels, n.SubmittedBy, n.SubmittedAt, n.Submissions))
            .ToListAsync(ct);
        var next = items.Count > size ? new Cursor(null, items[size - 1].SubmittedAt, items[size - 1].Id).Encode() : null;
        return new NominationPage(items.Take(size).ToList(), next);
    }

    /// <summary>Approves, returns (comment required) or rejects (reason required) the nomination's current level.</summary>
    /// <remarks>Runs whole again after a transient failure (<see cref="Data.Retrying"/>).</remarks>
    public Task<Result> DecideAsync(NominationDecision decision, CancellationToken ct = default) =>
        dbFactory.RetryingAsync(() => DecideOnceAsync(decision, ct), ct);

    private async Task<Result> DecideOnceAsync(NominationDecision decision, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Supervisor)) return Result.Forbidden(Messages.SupervisorOnly);
        var comment = decision.Comment?.Trim();
        if (decision.Decision != DecisionKind.Approve && string.IsNullOrEmpty(comment))
            return Result.Invalid(nameof(decision.Comment), decision.Decision == DecisionKind.Return ? Messages.NominationReturnComment : Messages.NominationRejectReason);
        if (comment?.Length > Nomination.CommentMaxLength) return Result.Invalid(nameof(decision.Comment), string.Format(Messages.TooLong, Nomination.CommentMaxLength));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var n = await db.Nominations.Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == decision.Id, ct);
        if (n is null) return Result.NotFound();
        if (!jurisdiction.Contains(n.Unit!.Path)) return Jurisdiction.Hidden();
        if (n.Version != decision.Version || n.Status != NominationStatus.InReview) return Result.Conflict(Messages.NominationAlreadyDecided);
        if (n.SubmittedById == user.UserId) return Result.Forbidden(Messages.NominationOwnSubmission);
        if (!await MayReviewAsync(db, jurisdiction, n, ct)) return Result.Forbidden(Messages.NominationNotYourLevel);
        db.Entry(n).Property(x => x.Version).OriginalValue = decision.Version;

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        switch (decision.Decision)
        {
            case DecisionKind.Approve:
                var lastLevel = n.Level >= n.RequiredLevels;
                if (lastLevel && n.NomineeKind == NomineeKind.Individual)
                {
                    // Granted places may not exceed the quota, even if the quota shrank since it was submitted.
                    var rules = await policies.ForUnitAsync(db, n.Unit, ct);
                    var full = await quotas.HoldPlaceAsync(db, n, rules, countApprovedOnly: true, ct);
                    if (full is not null) return Result.Conflict(full);
                    if (F6F7Recognition.ImpliesExcellent(n.Kind, rules.F6)) await LinkExcellentAsync(db, n, now, ct);
                }
                n.Approve(comment, now, user.UserId, user.UserName, user.HomeUnitId);
                break;
            case DecisionKind.Return:
                n.Return(comment!, now, user.UserId, user.UserName, user.HomeUnitId);
                break;
            default:
                n.Reject(comment!, now, user.UserId, user.UserName, user.HomeUnitId);
                break;
        }
        // The new step is added through the nomination; EF inserts it with the nomination's update.
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.Status == ResultStatus.Conflict) return Result.Conflict(Messages.NominationAlreadyDecided); // another supervisor was first
        if (!saved.IsOk) return saved;
        await tx.CommitAsync(ct);
        logger.LogInformation("Nomination {NominationId}: {Decision} at level {Level} by {UserId}", n.Id, decision.Decision, n.Level, user.UserId);
        return Result.Ok();
    }

    /// <summary>Approves each selected nomination on its own: one refused (quota, state, level) does not stop the others.</summary>
    public async Task<IReadOnlyList<BatchOutcome>> ApproveManyAsync(IReadOnlyList<NominationListItem> selected, CancellationToken ct = default)
    {
        var outcomes = new List<BatchOutcome>(selected.Count);
        foreach (var item in selected)
            outcomes.Add(new BatchOutcome(item.Id, item.NomineeName, await DecideAsync(new NominationDecision(item.Id, item.Version, DecisionKind.Approve, null), ct)));
        return outcomes;
    }

    /// <summary>The nominating unit fixes a returned nomination (deeds, more evidence) and sends it to the first level again.</summary>
    public async Task<Result> ResubmitAsync(Guid id, uint version, string? deeds, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        if (!MayNominate) return Result.Forbidden(Messages.NominatorOnly);
        var errors = new List<FieldError>();
        deeds = deeds?.Trim();
        if (string.IsNullOrEmpty(deeds)) errors.Add(new FieldError(nameof(NominationForm.Deeds), Messages.NominationDeedsRequired));
        else if (deeds.Length > Nomination.DeedsMaxLength) errors.Add(new FieldError(nameof(NominationForm.Deeds), string.Format(Messages.TooLong, Nomination.DeedsMaxLength)));
        var stored = EvidenceFiles.AcceptAll(files, clock.GetUtcNow(), user.UserName, errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.Nominations.Include(x => x.Unit).Include(x => x.Worker).Include(x => x.Attachments).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Result.NotFound();
        if (!(await Jurisdiction.ForAsync(db, user, ct)).Contains(n.Unit!.Path)) return Jurisdiction.Hidden();
        if (user.HomeUnitId != n.NominatingUnitId) return Result.Forbidden(Messages.NominationNominatorOnly);
        EvidenceFiles.CheckRoom(n.Attachments.Count, stored.Count, errors);
        errors.AddRange(ValidationExtensions.UnsafeText(new { Deeds = deeds }));
        if (errors.Count > 0) return Result.Invalid(errors);

        db.Entry(n).Property(x => x.Version).OriginalValue = version;
        var rules = await policies.ForUnitAsync(db, n.Unit!, ct);
        var facts = await FactsAsync(db, new Nominee(n.Worker, n.Unit!, NomineeName(n)), n.Year, ct);
        if (!n.Resubmit(deeds!, facts, rules.F7.ReviewLevels.Value, clock.GetUtcNow(), user.UserId, user.UserName, user.HomeUnitId))
            return Result.Conflict(Messages.NominationNotReturned);
        foreach (var file in stored)
        {
            db.StoredFiles.Add(file);
            n.Attachments.Add(new NominationAttachment { NominationId = n.Id, FileId = file.Id });
        }
        return await db.SaveOrConflictAsync(ct);
    }

    public async Task<Result> WithdrawAsync(Guid id, uint version, CancellationToken ct = default)
    {
        if (!MayNominate) return Result.Forbidden(Messages.NominatorOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.Nominations.Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Result.NotFound();
        if (!(await Jurisdiction.ForAsync(db, user, ct)).Contains(n.Unit!.Path)) return Jurisdiction.Hidden();
        if (user.HomeUnitId != n.NominatingUnitId) return Result.Forbidden(Messages.NominationNominatorOnly);
        db.Entry(n).Property(x => x.Version).OriginalValue = version;
        if (!n.Withdraw(clock.GetUtcNow(), user.UserId, user.UserName, user.HomeUnitId)) return Result.Conflict(Messages.NominationAlreadyDecided);
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>F8: the nominating unit or the organisation department tells the story of an approved commendation, with a photo.</summary>
    public async Task<Result> PublicizeAsync(Guid id, uint version, string? story, UploadedFile? photo, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        story = story?.Trim();
        if (string.IsNullOrEmpty(story)) errors.Add(new FieldError(nameof(NominationDetail.Story), Messages.NominationStoryRequired));
        else if (story.Length > Nomination.StoryMaxLength) errors.Add(new FieldError(nameof(NominationDetail.Story), string.Format(Messages.TooLong, Nomination.StoryMaxLength)));
        StoredFile? image = null;
        if (photo is not null)
        {
            var accepted = EvidenceFiles.Accept(photo, clock.GetUtcNow(), user.UserName);
            if (!accepted.IsOk) errors.AddRange(accepted.Errors.Select(e => e with { Field = "Photo" }));
            else if (!accepted.Value!.ContentType.StartsWith("image/", StringComparison.Ordinal))
                errors.Add(new FieldError("Photo", string.Format(Messages.NominationPhotoNotImage, accepted.Value.FileName)));
            else image = accepted.Value;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var n = await db.Nominations.Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Result.NotFound();
        if (!jurisdiction.Contains(n.Unit!.Path)) return Jurisdiction.Hidden();
        if (!MayPublicize(n)) return Result.Forbidden(Messages.NominationPublicizeWho);
        errors.AddRange(ValidationExtensions.UnsafeText(new { Story = story }));
        if (errors.Count > 0) return Result.Invalid(errors);
        db.Entry(n).Property(x => x.Version).OriginalValue = version;
        if (image is not null) db.StoredFiles.Add(image);
        if (!n.Publicize(story!, image?.Id, clock.GetUtcNow())) return Result.Conflict(Messages.NominationNotApproved);
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>F8: the advanced models of the jurisdiction (approved, with a story), newest first.</summary>
    public async Task<IReadOnlyList<GalleryItem>> GalleryAsync(int take = 60, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        return await db.Nominations.AsNoTracking()
            .Where(n => n.PublishedAt != null && n.Status == NominationStatus.Approved && scope.Contains(n.UnitId))
            .OrderByDescending(n => n.PublishedAt)
            .Take(take)
            .Select(n => new GalleryItem(n.Id,
                n.Worker != null ? n.Worker.FullName : n.CollectiveName != null ? n.Unit!.Name + " " + n.CollectiveName : n.Unit!.Name,
                n.Unit!.Name, n.Kind, n.Year, n.Story!, n.PhotoFileId != null, n.PublishedAt!.Value))
            .ToListAsync(ct);
    }

    /// <summary>F8: the photo of a publicised nomination of the caller's jurisdiction.</summary>
    public async Task<Result<StoredFile>> PhotoAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var n = await db.Nominations.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Unit!.Path, x.PhotoFileId }).FirstOrDefaultAsync(ct);
        if (n?.PhotoFileId is not { } fileId) return Result<StoredFile>.From(Result.NotFound());
        if (!jurisdiction.Contains(n.Path)) return Result<StoredFile>.From(Jurisdiction.Hidden());
        return Result<StoredFile>.Ok(await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Id == fileId, ct));
    }

    private bool MayPublicize(Nomination n) =>
        user.IsInRole(Roles.OrgDepartment) || (user.IsInRole(Roles.UnitCommittee) && user.HomeUnitId == n.NominatingUnitId);

    /// <summary>An evidence file, for download, if the nomination is in the caller's jurisdiction.</summary>
    public async Task<Result<StoredFile>> AttachmentAsync(Guid nominationId, Guid fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var unitPath = await db.Nominations.AsNoTracking()
            .Where(n => n.Id == nominationId && n.Attachments.Any(a => a.FileId == fileId))
            .Select(n => (LTree?)n.Unit!.Path)
            .FirstOrDefaultAsync(ct);
        if (unitPath is null) return Result<StoredFile>.From(Result.NotFound());
        if (!jurisdiction.Contains(unitPath.Value)) return Result<StoredFile>.From(Jurisdiction.Hidden());
        return Result<StoredFile>.Ok(await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Id == fileId, ct));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /// <summary>
    /// F6 link: the person of an approved merit becomes excellent that year, as an approved excellent nomination that
    /// says why (unless they already have a live one). It is a direct determination, so it is not refused for quota.
    /// </summary>
    private async Task LinkExcellentAsync(AppDbContext db, Nomination merit, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Nominations.AnyAsync(x => x.WorkerId == merit.WorkerId && x.Year == merit.Year && x.Kind == AwardKind.AnnualEvaluationExcellent
                                               && Nomination.HoldsPlace.Contains(x.Status), ct)) return;
        var excellent = new Nomination
        {
            Id = Guid.CreateVersion7(), Year = merit.Year, Kind = AwardKind.AnnualEvaluationExcellent, NomineeKind = NomineeKind.Individual,
            WorkerId = merit.WorkerId, UnitId = merit.UnitId, Deeds = merit.Deeds, Facts = merit.Facts, NominatingUnitId = merit.NominatingUnitId,
        };
        excellent.Submit(1, now, merit.SubmittedById, merit.SubmittedBy, merit.NominatingUnitId);
        excellent.Approve(string.Format(Messages.NominationLinkedExcellent, merit.Id), now, user.UserId, user.UserName, user.HomeUnitId);
        db.Nominations.Add(excellent);
    }

    private sealed record Nominee(Workers.FrontlineWorker? Worker, Unit Unit, string Name);

    private static async Task<Nominee?> NomineeAsync(AppDbContext db, Jurisdiction jurisdiction, NominationForm form, CancellationToken ct)
    {
        if (form.NomineeKind == NomineeKind.Individual)
        {
            var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == form.WorkerId, ct);
            return worker is not null && jurisdiction.Contains(worker.Unit!.Path) ? new Nominee(worker, worker.Unit, worker.FullName) : null;
        }
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == form.UnitId, ct);
        return unit is not null && jurisdiction.Contains(unit.Path)
            ? new Nominee(null, unit, string.IsNullOrWhiteSpace(form.CollectiveName) ? unit.Name : $"{unit.Name} {form.CollectiveName.Trim()}") : null;
    }

    private static IReadOnlyList<AwardKind> Kinds(Nominee nominee, PolicyParameters rules) =>
        nominee.Worker is { } worker ? F6F7Recognition.Ladder(worker.StaffCategory, rules.F7) : rules.F7.CollectiveKinds.Value;

    private static string NomineeName(Nomination n) =>
        n.Worker?.FullName ?? (n.CollectiveName is null ? n.Unit!.Name : $"{n.Unit!.Name} {n.CollectiveName}");

    /// <summary>The nominee's frontline record in the year (H1): for a collective, of everyone in the unit and below.</summary>
    private static Task<NomineeFacts> FactsAsync(AppDbContext db, Nominee nominee, int year, CancellationToken ct) =>
        FactsAsync(db, nominee.Worker?.Id, nominee.Unit, year, ct);

    internal static async Task<NomineeFacts> FactsAsync(AppDbContext db, Guid? workerId, Unit unit, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var workers = workerId is { } w
            ? db.Workers.Where(x => x.Id == w)
            : db.Workers.Where(x => x.Unit!.Path.IsDescendantOf(unit.Path));
        var workerIds = workers.Select(x => x.Id);
        var deployments = await db.Deployments.AsNoTracking()
            .Where(d => workerIds.Contains(d.WorkerId) && d.StartDate <= to && (d.EndDate == null || d.EndDate >= from))
            .Select(d => new { d.WorkerId, d.StartDate, d.Place }).ToListAsync(ct);
        if (deployments.Count == 0) return NomineeFacts.None;
        var duty = db.DutyLogs.AsNoTracking().Where(l => workerIds.Contains(l.WorkerId) && l.Day >= from && l.Day <= to && l.Hours > 0);
        var dutyDays = await duty.Select(l => new { l.WorkerId, l.Day }).Distinct().CountAsync(ct);
        var dutyHours = await duty.SumAsync(l => l.Hours, ct);
        var highRiskDays = await duty.Where(l => l.HighRisk).Select(l => new { l.WorkerId, l.Day }).Distinct().CountAsync(ct);
        var cases = await db.ForcedRestCases.AsNoTracking()
            .CountAsync(c => workerIds.Contains(c.WorkerId) && c.PeriodFrom <= to && c.PeriodTo >= from, ct);
        var healthDays = await db.DailyHealthReports.AsNoTracking().CountAsync(r => workerIds.Contains(r.WorkerId) && r.Day >= from && r.Day <= to, ct);
        var places = string.Join("、", deployments.Select(d => d.Place).Distinct().Order().Take(5));
        return new NomineeFacts(deployments.Select(d => d.WorkerId).Distinct().Count(), deployments.Count, deployments.Min(d => d.StartDate),
            places.Length > 200 ? places[..200] : places, dutyDays, dutyHours, highRiskDays, cases, healthDays);
    }

    /// <summary>Supervisor of the jurisdiction, not the submitter, and for a level above the first, above whoever approved the one before.</summary>
    private async Task<bool> MayReviewAsync(AppDbContext db, Jurisdiction jurisdiction, Nomination n, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Supervisor) || n.Status != NominationStatus.InReview || n.SubmittedById == user.UserId) return false;
        if (jurisdiction.RootPath is not { } home || !jurisdiction.Contains(n.Unit!.Path)) return false;
        if (n.Level == 1) return true;
        var previous = await db.Units.AsNoTracking().Where(u => u.Id == n.LastReviewerUnitId).Select(u => (LTree?)u.Path).FirstOrDefaultAsync(ct);
        return previous is { } p && Jurisdiction.IsDescendant(p, home) && p.ToString() != home.ToString();
    }
}
