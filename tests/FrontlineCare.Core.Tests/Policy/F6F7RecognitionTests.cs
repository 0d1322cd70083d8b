using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

/// <summary>F6 quota and F7 cap arithmetic at its boundaries, with the ZJ profile's sourced defaults.</summary>
public sealed class F6F7RecognitionTests
{
    private static readonly PolicyParameters Zj = PolicyCatalog.For(PolicyProfileCode.ZJ);
    private static readonly PolicyParameters Hn = PolicyCatalog.For(PolicyProfileCode.HN);

    private static F6QuotaRules Quota(bool limited = true, int percent = 30, QuotaRounding rounding = QuotaRounding.Floor, bool minimumOne = true) => Zj.F6 with
    {
        Limited = Zj.F6.Limited with { Value = limited },
        FrontlinePercent = Zj.F6.FrontlinePercent with { Value = percent },
        Rounding = Zj.F6.Rounding with { Value = rounding },
        MinimumOne = Zj.F6.MinimumOne with { Value = minimumOne },
    };

    [Theory]
    [InlineData(0, 0)]   // no participants, no place — not even the minimum one
    [InlineData(1, 1)]   // 0.3 → 0, lifted to the minimum one
    [InlineData(3, 1)]   // 0.9 → 0 → 1
    [InlineData(4, 1)]   // 1.2 → 1
    [InlineData(10, 3)]  // exactly 30%
    [InlineData(37, 11)] // 11.1 → 11
    [InlineData(40, 12)]
    public void ZJ_gives_30_percent_of_frontline_participants_rounded_down_and_at_least_one(int participants, int expected) =>
        F6F7Recognition.ExcellentQuota(participants, Zj.F6).ShouldBe(expected);

    [Theory]
    [InlineData(QuotaRounding.Floor, false, 1, 0)]
    [InlineData(QuotaRounding.Floor, false, 37, 11)]
    [InlineData(QuotaRounding.HalfUp, false, 5, 2)]   // 1.5 → 2
    [InlineData(QuotaRounding.HalfUp, false, 37, 11)] // 11.1 → 11
    [InlineData(QuotaRounding.HalfUp, false, 38, 11)] // 11.4 → 11
    [InlineData(QuotaRounding.HalfUp, false, 39, 12)] // 11.7 → 12
    [InlineData(QuotaRounding.Ceiling, false, 1, 1)]
    [InlineData(QuotaRounding.Ceiling, false, 37, 12)]
    [InlineData(QuotaRounding.Ceiling, false, 0, 0)]
    public void Rounding_and_the_minimum_are_the_profiles_choice(QuotaRounding rounding, bool minimumOne, int participants, int expected) =>
        F6F7Recognition.ExcellentQuota(participants, Quota(rounding: rounding, minimumOne: minimumOne)).ShouldBe(expected);

    [Fact]
    public void A_profile_without_a_separate_limit_never_limits_excellent_nominations()
    {
        Hn.F6.Limited.Value.ShouldBeFalse();
        F6F7Recognition.ExcellentQuota(37, Hn.F6).ShouldBeNull();
        new QuotaUse(37, null, 500).Allows(1).ShouldBeTrue();
    }

    [Fact]
    public void A_zero_percent_quota_gives_no_place_even_with_the_minimum_one() =>
        F6F7Recognition.ExcellentQuota(10, Quota(percent: 0)).ShouldBe(0);

    [Fact]
    public void ZJ_does_not_cap_commendations_and_merits_by_ratio()
    {
        foreach (var kind in Enum.GetValues<AwardKind>().Where(k => k != AwardKind.AnnualEvaluationExcellent))
            F6F7Recognition.LimitFor(kind, 100, Zj.F7, Zj.F6).ShouldBeNull();
    }

    [Theory]
    [InlineData(AwardKind.Commendation, 20, 7)]       // 35% of 20
    [InlineData(AwardKind.ThirdClassMerit, 20, 2)]    // 10%
    [InlineData(AwardKind.MeritCitation, 20, 2)]      // its public-institution counterpart shares the cap
    [InlineData(AwardKind.SecondClassMerit, 20, 0)]   // 1% of 20 → 0: a cap is never lifted to one
    [InlineData(AwardKind.SecondClassMerit, 100, 1)]
    [InlineData(AwardKind.FirstClassMerit, 100, null)]
    [InlineData(AwardKind.TimelyCommendation, 100, null)]
    public void A_profile_that_caps_grades_caps_each_by_its_percentage(AwardKind kind, int participants, int? expected)
    {
        var capped = Zj.F7 with { RatioCapsEnabled = Zj.F7.RatioCapsEnabled with { Value = true } };
        F6F7Recognition.LimitFor(kind, participants, capped, Zj.F6).ShouldBe(expected);
    }

    [Fact]
    public void Ladders_follow_the_staff_category()
    {
        F6F7Recognition.Ladder(StaffCategory.CivilServant, Zj.F7).ShouldContain(AwardKind.ThirdClassMerit);
        F6F7Recognition.Ladder(StaffCategory.CivilServant, Zj.F7).ShouldNotContain(AwardKind.MeritCitation);
        F6F7Recognition.Ladder(StaffCategory.PublicInstitution, Zj.F7).ShouldContain(AwardKind.MajorMeritCitation);
        F6F7Recognition.Ladder(StaffCategory.PublicInstitution, Zj.F7).ShouldNotContain(AwardKind.SecondClassMerit);
        F6F7Recognition.Ladder(StaffCategory.Other, Zj.F7).ShouldBe([AwardKind.TimelyCommendation, AwardKind.AdvancedIndividual]);
    }

    [Theory]
    [InlineData("F7.ladderOther", "AdvancedIndividual, TimelyCommendation", "TimelyCommendation,AdvancedIndividual")]
    [InlineData("F7.ladderOther", "Bonus", null)]
    [InlineData("F7.ladderOther", ",", null)]
    [InlineData("F6.quotaRounding", "HalfUp", "HalfUp")]
    [InlineData("F6.quotaRounding", "HalfUp,Floor", null)]
    [InlineData("F6.frontlineExcellentPercent", "101", null)]
    public void Set_and_choice_parameters_accept_only_their_options(string key, string value, string? normalised) =>
        PolicyCatalog.Check(key, value).ShouldBe(normalised);

    [Fact]
    public void A_recorded_ladder_change_replaces_the_default() =>
        Zj.With("F7.ladderOther", "AdvancedIndividual", new DateOnly(2026, 1, 1), "test").F7.LadderOther.Value.ShouldBe([AwardKind.AdvancedIndividual]);
}
