using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Protection;

/// <summary>
/// A name-clearing case (G2, 澄清正名) about a cadre hit by a report: the report received, the investigation's conclusion,
/// the person's consent, how, to whom and when the name was cleared, who approved it, and any false-accusation referral.
/// Restricted like an error-tolerance case (<see cref="ProtectionAccess"/>); the steps change only here, in order.
/// </summary>
public sealed class ClarificationCase : IRestrictedCase
{
    public const int TextMaxLength = 1000;
    public const int ShortMaxLength = 100;

    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>Where the report came from (信访、12388、网络…).</summary>
    public required string Source { get; set; }
    [Sensitive(SensitiveKind.Discipline)]
    public required string Allegation { get; set; }
    /// <summary>An earlier case of the person about the same matter: a repeat report.</summary>
    public Guid? SameMatterAsId { get; set; }
    public ClarificationStage Stage { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public ReportConclusion? Conclusion { get; set; }
    [Sensitive(SensitiveKind.Discipline)]
    public string? ConclusionNote { get; set; }
    public DateOnly? ConsentOn { get; set; }
    public List<ClarificationMethod> Methods { get; set; } = [];
    /// <summary>To whom (the unit's cadres, the community, the public …).</summary>
    public string? Audience { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string? ApprovedBy { get; set; }
    public DateOnly? ClearedOn { get; set; }
    /// <summary>The false-accusation referral (诬告陷害): to whom, reference, day.</summary>
    public string? Referral { get; set; }
    public DateOnly? ReferredOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public DateOnly LastStepOn => ClearedOn ?? ApprovedOn ?? ConcludedOn ?? ReceivedOn;

    /// <summary>The investigation's conclusion.</summary>
    public ClarificationRefusal? Conclude(DateOnly on, ReportConclusion conclusion, string? note)
    {
        if (!G2Clarification.MayAdvance(Stage, ClarificationStage.Concluded)) return ClarificationRefusal.OutOfOrder;
        (Stage, ConcludedOn, Conclusion, ConclusionNote) = (ClarificationStage.Concluded, on, conclusion, note);
        return null;
    }

    /// <summary>Approval of the clearing: a clearable conclusion, the person's consent and the methods the profile allows.</summary>
    public ClarificationRefusal? Approve(DateOnly on, string approvedBy, G2ClarificationRules rules)
    {
        if (!G2Clarification.MayAdvance(Stage, ClarificationStage.Approved)) return ClarificationRefusal.OutOfOrder;
        var refusal = G2Clarification.CheckClearing(Conclusion, ConsentOn <= on, Methods, rules);
        if (refusal is not null) return refusal;
        (Stage, ApprovedOn, ApprovedBy) = (ClarificationStage.Approved, on, approvedBy);
        return null;
    }

    /// <summary>The name was cleared as approved.</summary>
    public ClarificationRefusal? Clear(DateOnly on)
    {
        if (!G2Clarification.MayAdvance(Stage, ClarificationStage.Cleared)) return ClarificationRefusal.OutOfOrder;
        (Stage, ClearedOn) = (ClarificationStage.Cleared, on);
        return null;
    }
}

/// <summary>A restricted case (G1, G2): about one person, seen only by those <see cref="ProtectionAccess"/> lets.</summary>
public interface IRestrictedCase
{
    Guid Id { get; }
    Guid WorkerId { get; }
    FrontlineWorker? Worker { get; }
}
