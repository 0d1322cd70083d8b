using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Nominations;

/// <summary>What the nomination form edits. For an individual <see cref="WorkerId"/>; for a collective <see cref="UnitId"/>.</summary>
public sealed class NominationForm
{
    public NomineeKind NomineeKind { get; set; }
    public Guid? WorkerId { get; set; }
    public Guid? UnitId { get; set; }
    public string? CollectiveName { get; set; }
    public int Year { get; set; }
    public AwardKind? Kind { get; set; }
    public string? Deeds { get; set; }
}

/// <summary>What the form shows once a nominee is chosen: the kinds open to them, the facts the portal knows, and the
/// place left in the quota or cap of the chosen kind (null when the kind is not limited).</summary>
public sealed record NominationPreview(
    string NomineeName, string UnitName, StaffCategory? StaffCategory, IReadOnlyList<AwardKind> Kinds, NomineeFacts Facts, QuotaUse? Quota,
    IReadOnlyList<Protection.ToleratedCaseNote> Tolerated);

public sealed record NominationStepView(int Level, NominationAction Action, string? Comment, DateTimeOffset At, string? UserName, string? UnitName);

public sealed record AttachmentView(Guid FileId, string FileName, string ContentType, long Size);

public sealed record NominationDetail(
    Guid Id, uint Version, int Year, AwardKind Kind, NomineeKind NomineeKind, Guid? WorkerId, string NomineeName, Guid UnitId, string UnitName,
    string? CollectiveName, string Deeds, NomineeFacts Facts, NominationStatus Status, int Level, int RequiredLevels,
    string? SubmittedBy, DateTimeOffset SubmittedAt, IReadOnlyList<NominationStepView> Steps, IReadOnlyList<AttachmentView> Attachments,
    QuotaUse? Quota, bool CanReview, bool CanResubmit, bool CanWithdraw, string? Story, bool HasPhoto, bool CanPublicize,
    IReadOnlyList<Protection.ToleratedCaseNote> Tolerated);

/// <summary>F8: one advanced model in the gallery.</summary>
public sealed record GalleryItem(Guid Id, string NomineeName, string UnitName, AwardKind Kind, int Year, string Story, bool HasPhoto, DateTimeOffset PublishedAt);

public sealed record NominationListItem(
    Guid Id, uint Version, int Year, AwardKind Kind, NomineeKind NomineeKind, string NomineeName, string UnitName, NominationStatus Status,
    int Level, int RequiredLevels, string? SubmittedBy, DateTimeOffset SubmittedAt, int Submissions);

public sealed record NominationQuery
{
    public int? Year { get; init; }
    public NominationStatus? Status { get; init; }
    /// <summary>Only those the caller may decide now (the supervisor's queue).</summary>
    public bool ToReview { get; init; }
    public int PageSize { get; init; } = 20;
    /// <summary>Opaque cursor of the last item of the previous page.</summary>
    public string? After { get; init; }
}

public sealed record NominationPage(IReadOnlyList<NominationListItem> Items, string? Next);

public enum DecisionKind
{
    Approve,
    Return,
    Reject,
}

public sealed record NominationDecision(Guid Id, uint Version, DecisionKind Decision, string? Comment);

/// <summary>One nomination's outcome in a batch approval.</summary>
public sealed record BatchOutcome(Guid Id, string NomineeName, Common.Result Result);

/// <summary>One unit's places for a year (F6, and the F7 caps when its profile sets them).</summary>
public sealed record UnitQuota(Guid UnitId, string UnitName, int Depth, int Participants, QuotaUse Excellent, int ExcellentApproved,
    IReadOnlyDictionary<AwardKind, QuotaUse> Caps);
