using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Membership;

/// <summary>
/// F1: the membership track of applicants and activists, and fast-track admission of outstanding frontline activists.
/// A unit committee (or the organisation department) keeps the track, opens a case and records its branch's vote; a
/// committee above the opening unit decides it. Approving admits the person as a (probationary) member.
/// </summary>
public sealed class MembershipService(
    IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock, ILogger<MembershipService> logger)
{
    private bool MayKeep => user.IsInRole(Roles.UnitCommittee) || user.IsInRole(Roles.OrgDepartment);

    public async Task<Result<MembershipSummary>> SummaryAsync(Guid workerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (worker, problem) = await WorkerAsync(db, workerId, ct);
        if (worker is null) return Result<MembershipSummary>.From(problem!);
        var track = await db.MembershipTracks.AsNoTracking().FirstOrDefaultAsync(t => t.WorkerId == workerId, ct);
        var cases = await db.FastTrackCases.AsNoTracking().Where(c => c.WorkerId == workerId).OrderByDescending(c => c.OpenedAt).ToListAsync(ct);
        var rules = await policies.ForUnitAsync(db, worker.Unit!, ct);
        var views = new List<FastTrackView>();
        foreach (var c in cases) views.Add(await ViewAsync(db, c, worker, rules.F1, ct));
        return Result<MembershipSummary>.Ok(new MembershipSummary(worker.Id, worker.PoliticalStatus, track, views, MayKeep, rules.F1.ActivistMinMonths.Value));
    }

    /// <summary>Every fast-track case of the jurisdiction, open ones first.</summary>
    public async Task<IReadOnlyList<FastTrackView>> CasesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        var cases = await db.FastTrackCases.AsNoTracking().Include(c => c.Worker).ThenInclude(w => w!.Unit)
            .Where(c => scope.Contains(c.Worker!.UnitId))
            .OrderBy(c => c.Status == FastTrackStatus.Approved || c.Status == FastTrackStatus.Refused).ThenByDescending(c => c.OpenedAt)
            .Take(500).ToListAsync(ct);
        var views = new List<FastTrackView>(cases.Count);
        var rulesOfUnit = new Dictionary<Guid, F1FastTrackRules>();
        foreach (var c in cases)
        {
            if (!rulesOfUnit.TryGetValue(c.Worker!.UnitId, out var rules))
                rulesOfUnit[c.Worker.UnitId] = rules = (await policies.ForUnitAsync(db, c.Worker.Unit!, ct)).F1;
            views.Add(await ViewAsync(db, c, c.Worker, rules, ct));
        }
        return views;
    }

    public async Task<Result> SaveTrackAsync(MembershipTrackForm form, CancellationToken ct = default)
    {
        if (!MayKeep) return Result.Forbidden(Messages.ReadOnlyRole);
        var errors = new List<FieldError>();
        var today = clock.Today();
        DateOnly? applied = form.AppliedOn is { } a ? DateOnly.FromDateTime(a) : null, activist = form.ActivistSince is { } s ? DateOnly.FromDateTime(s) : null;
        if (applied > today) errors.Add(new FieldError(nameof(form.AppliedOn), Messages.MembershipDateFuture));
        if (activist > today) errors.Add(new FieldError(nameof(form.ActivistSince), Messages.MembershipDateFuture));
        else if (activist is not null && (applied is null || activist < applied)) errors.Add(new FieldError(nameof(form.ActivistSince), Messages.MembershipActivistBeforeApplication));
        if (form.TrainingHours is < 0 or > 10000) errors.Add(new FieldError(nameof(form.TrainingHours), Messages.MembershipTrainingHours));
        var contacts = string.IsNullOrWhiteSpace(form.Contacts) ? null : form.Contacts.Trim();
        if (contacts?.Length > MembershipTrack.TextMaxLength) errors.Add(new FieldError(nameof(form.Contacts), string.Format(Messages.TooLong, MembershipTrack.TextMaxLength)));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (worker, problem) = await WorkerAsync(db, form.WorkerId, ct, tracked: true);
        if (worker is null) return problem!;
        var track = await db.MembershipTracks.FirstOrDefaultAsync(t => t.WorkerId == worker.Id, ct);
        if (track is null) db.MembershipTracks.Add(track = new MembershipTrack { WorkerId = worker.Id });
        else db.Entry(track).Property(t => t.Version).OriginalValue = form.Version;
        (track.AppliedOn, track.ActivistSince, track.TrainingHours, track.Contacts) = (applied, activist, form.TrainingHours, contacts);
        // The political status follows the track, unless the person is already a member.
        if (worker.PoliticalStatus != PoliticalStatus.PartyMember)
            worker.PoliticalStatus = activist is not null ? PoliticalStatus.Activist : applied is not null ? PoliticalStatus.Applicant : worker.PoliticalStatus;
        return await db.SaveOrConflictAsync(ct, Messages.ConcurrencyConflict);
    }

    public async Task<Result> OpenAsync(FastTrackForm form, CancellationToken ct = default)
    {
        if (!MayKeep) return Result.Forbidden(Messages.ReadOnlyRole);
        var deeds = form.Deeds?.Trim();
        if (string.IsNullOrEmpty(deeds)) return Result.Invalid(nameof(form.Deeds), Messages.NominationDeedsRequired);
        if (deeds.Length > FastTrackCase.TextMaxLength) return Result.Invalid(nameof(form.Deeds), string.Format(Messages.TooLong, FastTrackCase.TextMaxLength));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (worker, problem) = await WorkerAsync(db, form.WorkerId, ct);
        if (worker is null) return problem!;
        if (worker.PoliticalStatus == PoliticalStatus.PartyMember) return Result.Invalid(nameof(form.WorkerId), Messages.MembershipAlreadyMember);
        var track = await db.MembershipTracks.AsNoTracking().FirstOrDefaultAsync(t => t.WorkerId == worker.Id, ct);
        var deployments = await db.Deployments.AsNoTracking().Where(d => d.WorkerId == worker.Id)
            .Select(d => new { d.StartDate, d.EndDate }).ToListAsync(ct);
        DateOnly? first = deployments.Count == 0 ? null : deployments.Min(d => d.StartDate);
        DateOnly? last = deployments.Count == 0 || deployments.Any(d => d.EndDate is null) ? null : deployments.Max(d => d.EndDate);
        if (F1FastTrack.Check(form.Route, track?.AppliedOn, track?.ActivistSince, first, last) is { } why)
        {
            return Result.Invalid(nameof(form.Route), why switch
            {
                FastTrackIneligibility.NoFrontlineRecord => Messages.TalentNoFrontline,
                FastTrackIneligibility.NoApplication => Messages.MembershipNoApplication,
                FastTrackIneligibility.NotAnActivist => Messages.MembershipNotActivist,
                _ => Messages.MembershipAppliedAfterFrontline,
            });
        }
        if (await db.FastTrackCases.AnyAsync(c => c.WorkerId == worker.Id && (c.Status == FastTrackStatus.Open || c.Status == FastTrackStatus.BranchVoted), ct))
            return Result.Invalid(nameof(form.WorkerId), Messages.MembershipCaseOpen);

        var rules = (await policies.ForUnitAsync(db, worker.Unit!, ct)).F1;
        var waivers = F1FastTrack.Waivers(track!.ActivistSince, clock.Today(), rules);
        db.FastTrackCases.Add(new FastTrackCase
        {
            Id = Guid.CreateVersion7(), WorkerId = worker.Id, Route = form.Route, Deeds = deeds, Status = FastTrackStatus.Open,
            WaivesActivistMinimum = waivers.Contains(FastTrackWaiver.ActivistMinimum), OutsideAnnualPlan = waivers.Contains(FastTrackWaiver.AnnualPlan),
            OpeningUnitId = user.HomeUnitId!.Value, OpenedAt = clock.GetUtcNow(), OpenedBy = user.UserName,
        });
        var saved = await db.SaveOrConflictAsync(ct, Messages.MembershipCaseOpen);
        if (saved.IsOk) logger.LogInformation("Fast-track case for {WorkerId} opened by {UserId}", worker.Id, user.UserId);
        return saved.Status == ResultStatus.Conflict ? Result.Invalid(nameof(form.WorkerId), Messages.MembershipCaseOpen) : saved;
    }

    /// <summary>The branch general meeting's vote, recorded by the committee of the unit that opened the case (or the organisation department).</summary>
    public async Task<Result> RecordVoteAsync(BranchVoteForm form, CancellationToken ct = default)
    {
        if (!MayKeep) return Result.Forbidden(Messages.ReadOnlyRole);
        if (form.MeetingOn is not { } meeting) return Result.Invalid(nameof(form.MeetingOn), Messages.Required);
        var on = DateOnly.FromDateTime(meeting);
        if (on > clock.Today()) return Result.Invalid(nameof(form.MeetingOn), Messages.MembershipDateFuture);
        if (form.Eligible <= 0 || form.VotesFor < 0 || form.VotesFor > form.Eligible) return Result.Invalid(nameof(form.VotesFor), Messages.MembershipVotes);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.FastTrackCases.Include(x => x.Worker).ThenInclude(w => w!.Unit).FirstOrDefaultAsync(x => x.Id == form.CaseId, ct);
        if (c is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(c.Worker!.Unit!.Path)) return Jurisdiction.Hidden();
        if (on < DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.OpenedAt, Clock.ChinaTime).DateTime)) return Result.Invalid(nameof(form.MeetingOn), Messages.MembershipVoteBeforeOpening);
        db.Entry(c).Property(x => x.Version).OriginalValue = form.Version;
        if (!c.RecordBranchVote(on, form.Eligible, form.VotesFor)) return Result.Conflict(Messages.MembershipWrongStep);
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>The higher committee's decision: a unit committee or organisation department above the opening unit.</summary>
    public async Task<Result> DecideAsync(FastTrackDecisionForm form, CancellationToken ct = default)
    {
        if (!MayKeep) return Result.Forbidden(Messages.ReadOnlyRole);
        if (form.On is not { } date) return Result.Invalid(nameof(form.On), Messages.Required);
        var on = DateOnly.FromDateTime(date);
        if (on > clock.Today()) return Result.Invalid(nameof(form.On), Messages.MembershipDateFuture);
        if (!form.Approve && string.IsNullOrWhiteSpace(form.Comment)) return Result.Invalid(nameof(form.Comment), Messages.NominationRejectReason);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.FastTrackCases.Include(x => x.Worker).ThenInclude(w => w!.Unit).FirstOrDefaultAsync(x => x.Id == form.CaseId, ct);
        if (c is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(c.Worker!.Unit!.Path)) return Jurisdiction.Hidden();
        if (!await IsAboveAsync(db, jurisdiction, c.OpeningUnitId, ct)) return Result.Forbidden(Messages.MembershipHigherOnly);
        if (c.BranchMeetingOn is { } meeting && on < meeting) return Result.Invalid(nameof(form.On), Messages.MembershipDecisionBeforeVote);
        db.Entry(c).Property(x => x.Version).OriginalValue = form.Version;
        var rules = (await policies.ForUnitAsync(db, c.Worker.Unit, ct)).F1;
        if (!c.Decide(form.Approve, on, form.Comment, user.UserName, user.HomeUnitId!.Value, rules)) return Result.Conflict(Messages.MembershipWrongStep);
        if (form.Approve) c.Worker.PoliticalStatus = PoliticalStatus.PartyMember;
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsOk) logger.LogInformation("Fast-track case {CaseId} {Decision} by {UserId}", c.Id, form.Approve ? "approved" : "refused", user.UserId);
        return saved;
    }

    private async Task<(FrontlineWorker? Worker, Result? Problem)> WorkerAsync(AppDbContext db, Guid workerId, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Workers : db.Workers.AsNoTracking();
        var worker = await query.Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == workerId, ct);
        if (worker is null) return (null, Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        return jurisdiction.Contains(worker.Unit!.Path) ? (worker, null) : (null, Jurisdiction.Hidden());
    }

    /// <summary>Whether the caller's home unit is strictly above the unit (the higher committee).</summary>
    private static async Task<bool> IsAboveAsync(AppDbContext db, Jurisdiction jurisdiction, Guid unitId, CancellationToken ct)
    {
        var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => (LTree?)u.Path).FirstOrDefaultAsync(ct);
        return path is { } p && jurisdiction.Contains(p) && p.ToString() != jurisdiction.RootPath!.Value.ToString();
    }

    private async Task<FastTrackView> ViewAsync(AppDbContext db, FastTrackCase c, FrontlineWorker worker, F1FastTrackRules rules, CancellationToken ct)
    {
        var ids = new[] { worker.UnitId, c.OpeningUnitId, c.DecidingUnitId ?? Guid.Empty };
        var names = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var waivers = new List<FastTrackWaiver>();
        if (c.WaivesActivistMinimum) waivers.Add(FastTrackWaiver.ActivistMinimum);
        if (c.OutsideAnnualPlan) waivers.Add(FastTrackWaiver.AnnualPlan);
        DateOnly? due = c.BranchMeetingOn is { } meeting ? F1FastTrack.ApprovalDue(meeting, rules) : null;
        return new FastTrackView(c, worker.FullName, names.GetValueOrDefault(worker.UnitId, ""), names.GetValueOrDefault(c.OpeningUnitId, ""),
            c.DecidingUnitId is { } d ? names.GetValueOrDefault(d) : null, waivers, due,
            c.Status == FastTrackStatus.BranchVoted && due < clock.Today(),
            MayKeep && c.Status == FastTrackStatus.Open,
            MayKeep && c.Status == FastTrackStatus.BranchVoted && await IsAboveAsync(db, jurisdiction, c.OpeningUnitId, ct));
    }
}
