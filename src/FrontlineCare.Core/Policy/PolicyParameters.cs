namespace FrontlineCare.Core.Policy;

/// <summary>A parameter of a policy profile, with where it comes from.</summary>
public sealed record PolicyParameter<T>(string Key, T Value, DateOnly EffectiveFrom, string Source);

/// <summary>
/// The parameters of one profile in force on a day. Foundation scope: the A6 switch. Later measures add
/// theirs here; issue 3 moves the values into effective-dated rows editable by OrgDepartment.
/// </summary>
public sealed record PolicyParameters(PolicyProfileCode Profile, PolicyParameter<bool> A6WarnWhenSpouseDeployed);

public static class PolicyCatalog
{
    /// <summary>The defaults of each profile, each with the seed text it comes from.</summary>
    public static PolicyParameters For(PolicyProfileCode profile) => profile switch
    {
        PolicyProfileCode.HN => new(profile, new("A6.warnWhenSpouseDeployed", true, new(2020, 3, 6),
            "HN5 豫高发〔2020〕9号: 尽量不安排双职工的党员干部同时到防控一线工作 (seeds/003)")),
        PolicyProfileCode.SX => new(profile, new("A6.warnWhenSpouseDeployed", true, new(2020, 2, 3),
            "SX 十二条: 主动帮助解决…双职工“战疫”一线等带来的生活困难 (seeds/001)")),
        // ZJ, GZ and QN do not name couples; the portal still warns, as the national practice the
        // HN and SX texts follow. A profile may switch it off.
        _ => new(profile, new("A6.warnWhenSpouseDeployed", true, new(2020, 1, 1),
            "default: national practice cited by HN5 and SX (policy-rules-research.md)")),
    };
}
