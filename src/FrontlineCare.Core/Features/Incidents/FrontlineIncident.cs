using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Incidents;

/// <summary>
/// Violence, a threat or discrimination against a frontline worker or their family (G3): what happened, where it was
/// referred (police, the perpetrator's unit or community) and how it ended. Kept by the organisation department and unit
/// committees of the jurisdiction.
/// </summary>
public sealed class FrontlineIncident
{
    public const int TextMaxLength = 1000;
    public const int ShortMaxLength = 100;

    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public IncidentKind Kind { get; set; }
    public IncidentVictim Victim { get; set; }
    /// <summary>The family member concerned, when the victim is family.</summary>
    public string? FamilyMember { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Place { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public required string Description { get; set; }
    public IncidentReferral Referral { get; set; }
    public DateOnly? ReferredOn { get; set; }
    /// <summary>The police station or unit referred to, and its reference (案件编号).</summary>
    public string? ReferredTo { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public string? Outcome { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateOnly RecordedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}
