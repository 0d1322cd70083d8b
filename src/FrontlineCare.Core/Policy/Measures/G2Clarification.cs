namespace FrontlineCare.Core.Policy.Measures;

/// <summary>G2: how a name is cleared and how soon, a profile's parameters.</summary>
public sealed record G2ClarificationRules(
    PolicyParameter<ClarificationMethod[]> Methods,
    PolicyParameter<bool> PublicRequired,
    PolicyParameter<int> ClearDays);

/// <summary>What the investigation of a report concluded.</summary>
public enum ReportConclusion
{
    /// <summary>严重失实.</summary>
    SeriouslyUntrue,
    /// <summary>不实.</summary>
    Untrue,
    /// <summary>诬告陷害 / 捏造: fabricated.</summary>
    Fabricated,
    /// <summary>查无实据但不能排除: cannot be cleared.</summary>
    NotExcluded,
}

/// <summary>How a name is cleared (发函说明、当面说明、会议说明、通报、公开澄清).</summary>
public enum ClarificationMethod
{
    Letter,
    InPerson,
    Meeting,
    Circular,
    PublicNotice,
}

/// <summary>The steps of a clarification case, in order: report received → concluded → approved → cleared.</summary>
public enum ClarificationStage
{
    Received,
    Concluded,
    Approved,
    Cleared,
}

/// <summary>Why a step is refused.</summary>
public enum ClarificationRefusal
{
    /// <summary>Not the next step.</summary>
    OutOfOrder,
    /// <summary>Only a report concluded seriously untrue, untrue or fabricated can be cleared.</summary>
    NotClearable,
    /// <summary>The person has not consented to the clarification.</summary>
    NoConsent,
    /// <summary>No method chosen, or one the profile does not use.</summary>
    MethodNotAllowed,
    /// <summary>The profile requires a public clarification (QN7).</summary>
    PublicRequired,
}

/// <summary>
/// G2 name-clearing (澄清正名; SX, HN9, QN7; research §4.4).
/// <list type="bullet">
/// <item>Only a report concluded 严重失实, 不实 or 诬告陷害 can be cleared; 查无实据但不能排除 cannot.</item>
/// <item>Clearing needs the person's consent, at least one method of <c>G2.methods</c> and, where <c>G2.publicRequired</c>
/// (QN7: 公开向社会予以澄清), a public notice among them.</item>
/// <item>The steps go in order — received, concluded, approved, cleared; the clearing is due <c>G2.clearDays</c> after the
/// approval (及时澄清).</item>
/// <item>A report about the same matter as an earlier, concluded case of the person flags the person as repeatedly reported
/// (a reason the research lists for clearing).</item>
/// </list>
/// </summary>
public static class G2Clarification
{
    public static bool MayAdvance(ClarificationStage stage, ClarificationStage next) => next == stage + 1;

    public static bool Clearable(ReportConclusion? conclusion) => conclusion is ReportConclusion.SeriouslyUntrue or ReportConclusion.Untrue or ReportConclusion.Fabricated;

    /// <summary>Why the approval or the clearing may not go ahead on these facts, or null when it may.</summary>
    public static ClarificationRefusal? CheckClearing(ReportConclusion? conclusion, bool consent, IReadOnlyCollection<ClarificationMethod> methods, G2ClarificationRules rules)
    {
        if (!Clearable(conclusion)) return ClarificationRefusal.NotClearable;
        if (!consent) return ClarificationRefusal.NoConsent;
        if (methods.Count == 0 || methods.Any(m => !rules.Methods.Value.Contains(m))) return ClarificationRefusal.MethodNotAllowed;
        if (rules.PublicRequired.Value && !methods.Contains(ClarificationMethod.PublicNotice)) return ClarificationRefusal.PublicRequired;
        return null;
    }

    /// <summary>When the clearing is due: <c>G2.clearDays</c> after the approval.</summary>
    public static Deadline? ClearingDeadline(DateOnly? approvedOn, DateOnly? clearedOn, G2ClarificationRules rules) =>
        approvedOn is { } approved ? new Deadline(rules.ClearDays.Key, approved.AddDays(rules.ClearDays.Value), clearedOn) : null;
}
