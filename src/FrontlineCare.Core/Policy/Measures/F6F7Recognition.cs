namespace FrontlineCare.Core.Policy.Measures;

/// <summary>
/// What a nomination asks for (glossary: Commendation / MeritCitation / TimelyCommendation / AdvancedIndividual /
/// AdvancedCollective / AnnualEvaluationExcellent). Civil servants' grades (公务员法 第五十三条) and public
/// institutions' (事业单位工作人员奖励规定) are both here; which a person may receive is their ladder (F7).
/// </summary>
public enum AwardKind
{
    /// <summary>年度考核优秀等次: counts against the frontline excellent quota (F6).</summary>
    AnnualEvaluationExcellent,
    /// <summary>嘉奖</summary>
    Commendation,
    /// <summary>记三等功 (civil servants)</summary>
    ThirdClassMerit,
    /// <summary>记功 (public institutions)</summary>
    MeritCitation,
    /// <summary>记二等功 (civil servants)</summary>
    SecondClassMerit,
    /// <summary>记大功 (public institutions)</summary>
    MajorMeritCitation,
    /// <summary>记一等功 (civil servants)</summary>
    FirstClassMerit,
    /// <summary>授予称号</summary>
    HonoraryTitle,
    /// <summary>及时性表彰</summary>
    TimelyCommendation,
    /// <summary>先进个人</summary>
    AdvancedIndividual,
    /// <summary>先进集体</summary>
    AdvancedCollective,
}

/// <summary>How a quota's fraction of a person is rounded (F6; the documents do not say, so a profile chooses).</summary>
public enum QuotaRounding
{
    Floor,
    HalfUp,
    Ceiling,
}

/// <summary>F6: the separate annual-evaluation excellent quota for frontline participants of a profile.</summary>
public sealed record F6QuotaRules(
    PolicyParameter<bool> Limited,
    PolicyParameter<int> FrontlinePercent,
    PolicyParameter<QuotaRounding> Rounding,
    PolicyParameter<bool> MinimumOne,
    PolicyParameter<bool> MeritImpliesExcellent);

/// <summary>F7: award ladders by staff category, ratio caps per grade and the levels of review of a profile.</summary>
public sealed record F7AwardRules(
    PolicyParameter<AwardKind[]> LadderCivilServant,
    PolicyParameter<AwardKind[]> LadderPublicInstitution,
    PolicyParameter<AwardKind[]> LadderOther,
    PolicyParameter<AwardKind[]> CollectiveKinds,
    PolicyParameter<bool> RatioCapsEnabled,
    PolicyParameter<int> CapCommendationPercent,
    PolicyParameter<int> CapThirdClassPercent,
    PolicyParameter<int> CapSecondClassPercent,
    PolicyParameter<int> ReviewLevels);

/// <summary>A limit on how many of a unit's frontline participants may receive something in a year, and how many have.</summary>
/// <param name="Limit">Null when the profile sets no limit.</param>
/// <param name="Used">Approved, or on their way (submitted, in review or returned for changes).</param>
public sealed record QuotaUse(int Participants, int? Limit, int Used)
{
    public int? Remaining => Limit is { } limit ? Math.Max(0, limit - Used) : null;
    public bool Allows(int more) => Limit is not { } limit || Used + more <= limit;
}

/// <summary>
/// F6 (separate excellent quota for frontline participants, ZJ3: at most 30% of them) and F7 (ratio caps per award
/// grade where a profile sets them, ladders by staff category). The rules of recognition, one place.
/// </summary>
public static class F6F7Recognition
{
    /// <summary>The frontline excellent quota of a unit with this many frontline participants; null = not limited.</summary>
    public static int? ExcellentQuota(int participants, F6QuotaRules rules) =>
        rules.Limited.Value ? Share(participants, rules.FrontlinePercent.Value, rules.Rounding.Value, rules.MinimumOne.Value) : null;

    /// <summary>The F7 cap of an award kind for a unit with this many participants; null = not limited.</summary>
    public static int? AwardCap(AwardKind kind, int participants, F7AwardRules awards, F6QuotaRules quota)
    {
        if (!awards.RatioCapsEnabled.Value) return null;
        int? percent = kind switch
        {
            AwardKind.Commendation => awards.CapCommendationPercent.Value,
            AwardKind.ThirdClassMerit or AwardKind.MeritCitation => awards.CapThirdClassPercent.Value,
            AwardKind.SecondClassMerit or AwardKind.MajorMeritCitation => awards.CapSecondClassPercent.Value,
            _ => null,
        };
        // A cap rounds as the profile's quota does, but never lifts a zero share to one: caps are ceilings.
        return percent is { } p ? Share(participants, p, quota.Rounding.Value, minimumOne: false) : null;
    }

    /// <summary>The quota or cap a nomination of this kind counts against, if any; null when the kind is unlimited.</summary>
    public static int? LimitFor(AwardKind kind, int participants, F7AwardRules awards, F6QuotaRules quota) =>
        kind == AwardKind.AnnualEvaluationExcellent ? ExcellentQuota(participants, quota) : AwardCap(kind, participants, awards, quota);

    /// <summary>
    /// The optional link of a profile: an approved 记三等功 (记功) or higher makes the person excellent that year
    /// directly (Wuhan 2020: 记三等功（记功）以上的，当年年度考核时可以直接确定为优秀等次).
    /// </summary>
    public static bool ImpliesExcellent(AwardKind kind, F6QuotaRules rules) =>
        rules.MeritImpliesExcellent.Value && kind is AwardKind.ThirdClassMerit or AwardKind.MeritCitation or AwardKind.SecondClassMerit
            or AwardKind.MajorMeritCitation or AwardKind.FirstClassMerit or AwardKind.HonoraryTitle;

    /// <summary>One kind of each group an F7 cap can apply to (see <see cref="SharesLimit"/>).</summary>
    public static readonly AwardKind[] CappedKinds =
        [AwardKind.Commendation, AwardKind.ThirdClassMerit, AwardKind.SecondClassMerit];

    /// <summary>The kinds that count against the same quota or cap as <paramref name="kind"/> (a grade and its
    /// counterpart on the other ladder: 记三等功 ≈ 记功, 记二等功 ≈ 记大功).</summary>
    public static AwardKind[] SharesLimit(AwardKind kind) => kind switch
    {
        AwardKind.ThirdClassMerit or AwardKind.MeritCitation => [AwardKind.ThirdClassMerit, AwardKind.MeritCitation],
        AwardKind.SecondClassMerit or AwardKind.MajorMeritCitation => [AwardKind.SecondClassMerit, AwardKind.MajorMeritCitation],
        _ => [kind],
    };

    /// <summary>percent% of participants, rounded per the profile; at least one of at least one participant when asked.</summary>
    public static int Share(int participants, int percent, QuotaRounding rounding, bool minimumOne)
    {
        if (participants <= 0) return 0;
        var exact = participants * (decimal)percent / 100m;
        var share = (int)(rounding switch
        {
            QuotaRounding.Ceiling => Math.Ceiling(exact),
            QuotaRounding.HalfUp => Math.Round(exact, MidpointRounding.AwayFromZero),
            _ => Math.Floor(exact),
        });
        return minimumOne && percent > 0 ? Math.Max(1, share) : share;
    }

    /// <summary>The kinds a person of this staff category may be nominated for (their ladder, F7).</summary>
    public static IReadOnlyList<AwardKind> Ladder(Features.Workers.StaffCategory category, F7AwardRules rules) => category switch
    {
        Features.Workers.StaffCategory.CivilServant => rules.LadderCivilServant.Value,
        Features.Workers.StaffCategory.PublicInstitution => rules.LadderPublicInstitution.Value,
        _ => rules.LadderOther.Value,
    };
}
