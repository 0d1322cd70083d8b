using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Nominations;

public enum NomineeKind
{
    Individual,
    Collective,
}

public enum NominationStatus
{
    /// <summary>Submitted or resubmitted, waiting for the supervisor of its current level.</summary>
    InReview,
    Returned,
    Approved,
    Rejected,
    Withdrawn,
}

public enum NominationAction
{
    Submitted,
    Resubmitted,
    Approved,
    Returned,
    Rejected,
    Withdrawn,
}

/// <summary>
/// What the portal already knows about a nominee for the nomination's year, gathered at (re)submission so the
/// nominator does not retype it and the reviewer sees what was known then (H1). For a collective: the people of
/// the unit and below. <see cref="HealthReportDays"/> says only whether (and for how many person-days) a daily health
/// report (C3) is on file — the readings themselves stay with the roles that may see health data.
/// </summary>
public sealed record NomineeFacts(
    int People, int Deployments, DateOnly? FirstDeployed, string? Places, int DutyDays, decimal DutyHours, int HighRiskDays, int OverloadCases,
    int HealthReportDays)
{
    public static readonly NomineeFacts None = new(0, 0, null, null, 0, 0, 0, 0, 0);
}

/// <summary>One step of a nomination's history: who did what, at which level, when and why.</summary>
public sealed class NominationStep
{
    public long Id { get; set; }
    public Guid NominationId { get; set; }
    public int Level { get; set; }
    public NominationAction Action { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    /// <summary>The home unit of the user (for a review: the level it was decided at).</summary>
    public Guid? UnitId { get; set; }
}

/// <summary>An evidence file of a nomination (the bytes are a <see cref="Files.StoredFile"/>).</summary>
public sealed class NominationAttachment
{
    public Guid NominationId { get; set; }
    public Guid FileId { get; set; }
    public Files.StoredFile? File { get; set; }
}

/// <summary>
/// A unit committee's nomination of a frontline worker or a collective for an award or an excellent evaluation
/// (glossary: Nomination; F6, F7). State changes live here and refuse illegal transitions: a decision needs the
/// nomination in review, a return or rejection needs a comment, approval moves it up one review level until the
/// profile's last level approves it.
/// </summary>
public sealed class Nomination
{
    public const int DeedsMaxLength = 4000;
    public const int CommentMaxLength = 1000;
    public const int StoryMaxLength = 2000;

    public Guid Id { get; set; }
    public int Year { get; set; }
    public AwardKind Kind { get; set; }
    public NomineeKind NomineeKind { get; set; }
    public Guid? WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    /// <summary>The nominee's unit: the worker's unit, or the unit nominated as a collective. Quotas count here.</summary>
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>A team or post within the unit when the collective is not the whole unit (e.g. "东山卡口突击队").</summary>
    public string? CollectiveName { get; set; }
    public required string Deeds { get; set; }
    public required NomineeFacts Facts { get; set; }
    public NominationStatus Status { get; set; }
    /// <summary>The review level it waits for (1 = first); when approved, the last level.</summary>
    public int Level { get; set; } = 1;
    public int RequiredLevels { get; set; } = 1;
    /// <summary>The home unit of whoever approved the previous level: the next level must be above it.</summary>
    public Guid? LastReviewerUnitId { get; set; }
    public Guid NominatingUnitId { get; set; }
    public Guid? SubmittedById { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public int Submissions { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>F8: the story told of an approved commendation, and its photo (a PNG or JPEG <see cref="Files.StoredFile"/>).</summary>
    public string? Story { get; set; }
    public Guid? PhotoFileId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public uint Version { get; set; }
    public List<NominationStep> Steps { get; set; } = [];
    public List<NominationAttachment> Attachments { get; set; } = [];

    /// <summary>The statuses that hold a place in a quota: on the way, or granted.</summary>
    public static readonly NominationStatus[] HoldsPlace = [NominationStatus.InReview, NominationStatus.Returned, NominationStatus.Approved];

    public void Submit(int requiredLevels, DateTimeOffset at, Guid? userId, string? userName, Guid? unitId)
    {
        (Status, Level, RequiredLevels, LastReviewerUnitId, SubmittedAt, SubmittedById, SubmittedBy) =
            (NominationStatus.InReview, 1, requiredLevels, null, at, userId, userName);
        Submissions++;
        Steps.Add(Step(Submissions == 1 ? NominationAction.Submitted : NominationAction.Resubmitted, null, at, userId, userName, unitId));
    }

    public bool Resubmit(string deeds, NomineeFacts facts, int requiredLevels, DateTimeOffset at, Guid? userId, string? userName, Guid? unitId)
    {
        if (Status != NominationStatus.Returned) return false;
        (Deeds, Facts) = (deeds, facts);
        Submit(requiredLevels, at, userId, userName, unitId);
        return true;
    }

    /// <summary>Approves the current level: the nomination moves up a level, or is approved at the last one.</summary>
    public bool Approve(string? comment, DateTimeOffset at, Guid? userId, string? userName, Guid? unitId)
    {
        if (Status != NominationStatus.InReview) return false;
        Steps.Add(Step(NominationAction.Approved, comment, at, userId, userName, unitId));
        if (Level >= RequiredLevels)
        {
            (Status, DecidedAt) = (NominationStatus.Approved, at);
        }
        else
        {
            Level++;
            LastReviewerUnitId = unitId;
        }
        return true;
    }

    public bool Return(string comment, DateTimeOffset at, Guid? userId, string? userName, Guid? unitId)
    {
        if (Status != NominationStatus.InReview || string.IsNullOrWhiteSpace(comment)) return false;
        Steps.Add(Step(NominationAction.Returned, comment, at, userId, userName, unitId));
        Status = NominationStatus.Returned;
        return true;
    }

    public bool Reject(string reason, DateTimeOffset at, Guid? userId, string? userName, Guid? unitId)
    {
        if (Status != NominationStatus.InReview || string.IsNullOrWhiteSpace(reason)) return false;
        Steps.Add(Step(NominationAction.Rejected, reason, at, userId, userName, unitId));
        (Status, DecidedAt) = (NominationStatus.Rejected, at);
        return true;
    }

    public bool Withdraw(DateTimeOffset at, Guid? userId, string? userName, Guid? unitId)
    {
        if (Status is not (NominationStatus.InReview or NominationStatus.Returned)) return false;
        Steps.Add(Step(NominationAction.Withdrawn, null, at, userId, userName, unitId));
        (Status, DecidedAt) = (NominationStatus.Withdrawn, at);
        return true;
    }

    /// <summary>F8: only an approved nomination is publicised as an advanced model; a new photo replaces the old.</summary>
    public bool Publicize(string story, Guid? photoFileId, DateTimeOffset at)
    {
        if (Status != NominationStatus.Approved || string.IsNullOrWhiteSpace(story)) return false;
        (Story, PhotoFileId, PublishedAt) = (story.Trim(), photoFileId ?? PhotoFileId, at);
        return true;
    }

    private NominationStep Step(NominationAction action, string? comment, DateTimeOffset at, Guid? userId, string? userName, Guid? unitId) => new()
    {
        NominationId = Id, Level = Level, Action = action, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        At = at, UserId = userId, UserName = userName, UnitId = unitId,
    };
}
