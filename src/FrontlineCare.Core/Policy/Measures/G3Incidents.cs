namespace FrontlineCare.Core.Policy.Measures;

/// <summary>G3: which incidents go to the police and how soon an incident must be referred, a profile's parameters.</summary>
public sealed record G3IncidentRules(
    PolicyParameter<IncidentKind[]> PoliceKinds,
    PolicyParameter<int> ReferralDays);

/// <summary>What was done to a frontline worker or their family.</summary>
public enum IncidentKind
{
    /// <summary>侵犯人身安全: assault.</summary>
    Violence,
    /// <summary>威胁、恐吓.</summary>
    Threat,
    /// <summary>歧视、孤立 of the worker or their family.</summary>
    Discrimination,
}

/// <summary>Against whom.</summary>
public enum IncidentVictim
{
    Worker,
    Family,
}

/// <summary>Where an incident was referred: the police (依法惩治) and/or the perpetrator's unit or community (批评教育、处理处罚).</summary>
[Flags]
public enum IncidentReferral
{
    None = 0,
    Police = 1,
    Unit = 2,
}

/// <summary>Why an incident may not be closed.</summary>
public enum IncidentRefusal
{
    /// <summary>Not referred at all.</summary>
    NotReferred,
    /// <summary>A kind the profile sends to the police was not referred to the police.</summary>
    PoliceRequired,
    /// <summary>No outcome recorded.</summary>
    NoOutcome,
}

/// <summary>
/// G3 incidents against frontline staff (HN9: 对侵犯防控一线人员人身安全的违法行为，要依法从重惩治；对歧视孤立防控一线人员及其家属行为的，要及时批评教育，
/// 情节严重的给予相应处理处罚).
/// <list type="bullet">
/// <item>An incident is referred within <c>G3.referralDays</c> of being recorded; after that it shows red.</item>
/// <item>It is closed with its outcome once referred — to the police when its kind is one of <c>G3.policeKinds</c>.</item>
/// </list>
/// </summary>
public static class G3Incidents
{
    public static IncidentRefusal? CheckClose(IncidentKind kind, IncidentReferral referral, bool hasOutcome, G3IncidentRules rules)
    {
        if (referral == IncidentReferral.None) return IncidentRefusal.NotReferred;
        if (rules.PoliceKinds.Value.Contains(kind) && !referral.HasFlag(IncidentReferral.Police)) return IncidentRefusal.PoliceRequired;
        return hasOutcome ? null : IncidentRefusal.NoOutcome;
    }

    /// <summary>When the referral is due: <c>G3.referralDays</c> after the incident was recorded.</summary>
    public static Deadline ReferralDeadline(DateOnly recordedOn, DateOnly? referredOn, G3IncidentRules rules) =>
        new(rules.ReferralDays.Key, recordedOn.AddDays(rules.ReferralDays.Value), referredOn);
}
