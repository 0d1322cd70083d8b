using System.Text.RegularExpressions;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

/// <summary>
/// The catalog as a timeline: each parameter's first value from the response start, later values from their documents'
/// days, each in force from its day and not the day before; GZ and QN values not dated before their documents unless their
/// source says they apply from the start.
/// </summary>
public sealed class PolicyCatalogEffectiveDateTests
{
    private static readonly DateOnly Start = PolicyCatalog.ResponseStart;

    public static TheoryData<PolicyProfileCode, string, string> DatedValues()
    {
        var data = new TheoryData<PolicyProfileCode, string, string>();
        foreach (var profile in Enum.GetValues<PolicyProfileCode>())
            foreach (var value in PolicyCatalog.Later(profile))
                data.Add(profile, value.Key, value.EffectiveFrom.ToString("yyyy-MM-dd"));
        return data;
    }

    [Theory]
    [MemberData(nameof(DatedValues))]
    public void A_dated_value_is_in_force_from_its_day_and_the_earlier_value_the_day_before(PolicyProfileCode profile, string key, string day)
    {
        var from = DateOnly.ParseExact(day, "yyyy-MM-dd");
        var history = PolicyCatalog.History(profile, key);
        var index = history.ToList().FindLastIndex(v => v.EffectiveFrom == from);
        index.ShouldBeGreaterThan(0, "a dated value always has an earlier one");

        var before = PolicyCatalog.For(profile, from.AddDays(-1)).All().Single(p => p.Key == key);
        var on = PolicyCatalog.For(profile, from).All().Single(p => p.Key == key);

        (before.Value, before.EffectiveFrom, before.Source).ShouldBe((history[index - 1].Value, history[index - 1].EffectiveFrom, history[index - 1].Source));
        (on.Value, on.EffectiveFrom, on.Source).ShouldBe((history[index].Value, from, history[index].Source));
    }

    [Fact]
    public void The_aid_team_multiplier_is_100_percent_until_21_February_2020_and_200_percent_from_22_February()
    {
        foreach (var profile in Enum.GetValues<PolicyProfileCode>())
        {
            var before = PolicyCatalog.For(profile, new DateOnly(2020, 2, 21)).D1.AidTeamMultiplierPercent;
            var on = PolicyCatalog.For(profile, new DateOnly(2020, 2, 22)).D1.AidTeamMultiplierPercent;
            (before.Value, before.EffectiveFrom).ShouldBe((100, Start));
            (on.Value, on.EffectiveFrom).ShouldBe((200, new DateOnly(2020, 2, 22)));
            on.Source.ShouldContain("国发明电〔2020〕5号");
        }
    }

    [Fact]
    public void An_aid_team_s_day_on_21_February_2020_is_paid_once_the_tier_and_on_22_February_twice()
    {
        SubsidyDay[] days = [new(new DateOnly(2020, 2, 21), 8, RiskClass.I, true), new(new DateOnly(2020, 2, 22), 8, RiskClass.I, true)];

        var lines = D1D2Subsidy.Compute(WorkerCategory.MedicalWorker, days, day => PolicyCatalog.For(PolicyProfileCode.ZJ, day).D1);

        lines.Select(l => (l.Days, l.MultiplierPercent, l.Amount)).OrderBy(l => l.MultiplierPercent).ShouldBe([(1m, 100, 300m), (1m, 200, 600m)]);
    }

    [Fact]
    public void Before_the_response_began_no_parameter_is_in_force_and_no_subsidy_is_paid()
    {
        var dayBefore = Start.AddDays(-1);
        foreach (var profile in Enum.GetValues<PolicyProfileCode>())
        {
            PolicyCatalog.For(profile, dayBefore).All().ShouldAllBe(p => !p.InForceOn(dayBefore), profile.ToString());
            PolicyCatalog.For(profile, Start).All().ShouldAllBe(p => p.InForceOn(Start), profile.ToString());
        }
        SubsidyDay[] days = [new(dayBefore, 8, RiskClass.I, false), new(Start, 8, RiskClass.I, false)];
        D1D2Subsidy.Compute(WorkerCategory.MedicalWorker, days, day => PolicyCatalog.For(PolicyProfileCode.ZJ, day).D1)
            .Select(l => (l.Days, l.Amount)).ShouldBe([(1m, 300m)]);
    }

    [Fact]
    public void Every_parameter_starts_at_the_response_and_its_later_values_follow_in_date_order_within_their_ranges()
    {
        foreach (var profile in Enum.GetValues<PolicyProfileCode>())
            foreach (var first in PolicyCatalog.First(profile).All())
            {
                var history = PolicyCatalog.History(profile, first.Key);
                history[0].EffectiveFrom.ShouldBe(Start, $"{profile} {first.Key}: the first value is in force from the response start");
                history.ShouldAllBe(v => v.EffectiveFrom >= Start, $"{profile} {first.Key}");
                for (var i = 1; i < history.Count; i++)
                {
                    history[i].EffectiveFrom.ShouldBeGreaterThan(history[i - 1].EffectiveFrom, $"{profile} {first.Key}");
                    PolicyCatalog.Check(first.Key, history[i].Value).ShouldBe(history[i].Value, $"{profile} {first.Key} {history[i].EffectiveFrom}");
                }
                history.ShouldAllBe(v => !string.IsNullOrWhiteSpace(v.Source), $"{profile} {first.Key}");
            }
    }

    [Theory]
    [InlineData(PolicyProfileCode.GZ, @"GZ\d|seeds/002")]
    [InlineData(PolicyProfileCode.QN, @"QN\d|seeds/004")]
    public void A_value_from_the_GZ_or_QN_document_is_not_in_force_before_the_document_unless_its_source_says_it_applies_from_the_start(
        PolicyProfileCode profile, string citesOwnDocument)
    {
        var document = PolicyCatalog.DocumentDate(profile);
        var early = PolicyCatalog.First(profile).All()
            .SelectMany(first => PolicyCatalog.History(profile, first.Key))
            .Where(v => Regex.IsMatch(v.Source, citesOwnDocument) && v.EffectiveFrom < document && !v.Source.Contains(PolicyCatalog.FromTheStart))
            .Select(v => $"{v.Key} from {v.EffectiveFrom}: {v.Source}");
        early.ShouldBeEmpty();
    }

    [Fact]
    public void The_GZ_quota_exemption_and_the_QN_public_clarification_take_effect_on_their_documents_days()
    {
        PolicyCatalog.For(PolicyProfileCode.GZ, new DateOnly(2021, 6, 9)).F1.QuotaExempt.Value.ShouldBeFalse();
        PolicyCatalog.For(PolicyProfileCode.GZ, new DateOnly(2021, 6, 10)).F1.QuotaExempt.Value.ShouldBeTrue();
        PolicyCatalog.For(PolicyProfileCode.QN, new DateOnly(2021, 9, 11)).G2.PublicRequired.Value.ShouldBeFalse();
        PolicyCatalog.For(PolicyProfileCode.QN, new DateOnly(2021, 9, 12)).G2.PublicRequired.Value.ShouldBeTrue();
        PolicyCatalog.For(PolicyProfileCode.QN, new DateOnly(2021, 9, 11)).G1.Conditions.Value.ShouldNotContain(ToleranceCondition.ChainBroken);
        PolicyCatalog.For(PolicyProfileCode.QN, new DateOnly(2021, 9, 12)).G1.Conditions.Value.ShouldContain(ToleranceCondition.ChainBroken);
        PolicyCatalog.For(PolicyProfileCode.HN, new DateOnly(2020, 3, 5)).D1.AllowanceEnabled.Value.ShouldBeFalse();
        PolicyCatalog.For(PolicyProfileCode.HN, new DateOnly(2020, 3, 6)).D1.AllowanceEnabled.Value.ShouldBeTrue();
    }
}
