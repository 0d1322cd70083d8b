using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Core.Features.Couples;

public enum SpouseLinkKind
{
    /// <summary>Link the worker to the registered person holding <see cref="SpouseLinkRequest.SpouseNationalId"/>.</summary>
    Link,
    /// <summary>Remove the worker's link to their spouse.</summary>
    Unlink,
}

public enum SpouseLinkStatus
{
    Pending,
    Confirmed,
    Refused,
    Withdrawn,
}

/// <summary>
/// A unit's request to link one of its workers to a spouse outside its jurisdiction, or to remove such a link (A6).
/// Most dual-worker couples work in different units; the unit that asks names the spouse by their ID number only and
/// learns nothing back. The organisation department whose jurisdiction holds both people confirms or refuses, and both
/// units then see the outcome for their own person.
/// </summary>
public sealed class SpouseLinkRequest
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; set; }
    /// <summary>The requesting unit's worker.</summary>
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public SpouseLinkKind Kind { get; set; }
    /// <summary>The spouse's ID number as the requester typed it (normalised); only for <see cref="SpouseLinkKind.Link"/>.</summary>
    [Sensitive(SensitiveKind.NationalId)]
    public string? SpouseNationalId { get; set; }
    /// <summary>The spouse, once the decision named them; never shown to a caller who may not read them.</summary>
    public Guid? SpouseId { get; set; }
    public string? Note { get; set; }
    public SpouseLinkStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? RequestedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionNote { get; set; }
    public uint Version { get; set; }
}
