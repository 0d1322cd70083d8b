using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

/// <summary>G1: what may be decided on which findings, the order of the steps, and the deadlines.</summary>
public sealed class G1ErrorToleranceTests
{
    private const CriterionFinding Yes = CriterionFinding.Yes, No = CriterionFinding.No, Unclear = CriterionFinding.Unclear;

    [Theory]
    // conditions, exclusions, outcome → refusal (null: may be decided)
    [InlineData(new[] { Yes, Yes }, new[] { No, No }, ToleranceOutcome.Exempt, null)]
    [InlineData(new[] { Yes, No }, new[] { No, No }, ToleranceOutcome.Exempt, ToleranceRefusal.ConditionNotMet)]
    [InlineData(new[] { Yes, No }, new[] { No, No }, ToleranceOutcome.Lighter, null)]
    [InlineData(new[] { Yes, No }, new[] { No, No }, ToleranceOutcome.Reduced, null)]
    [InlineData(new[] { Yes, Yes }, new[] { No, Yes }, ToleranceOutcome.Lighter, ToleranceRefusal.Excluded)]
    [InlineData(new[] { Yes, Yes }, new[] { No, Yes }, ToleranceOutcome.NotTolerated, null)]
    [InlineData(new[] { Yes, Unclear }, new[] { No, No }, ToleranceOutcome.NotTolerated, ToleranceRefusal.Unclear)]
    [InlineData(new[] { Yes, Yes }, new[] { Unclear, No }, ToleranceOutcome.Exempt, ToleranceRefusal.Unclear)]
    public void A_decision_needs_every_criterion_settled_and_exemption_every_condition_with_no_exclusion(
        CriterionFinding[] conditions, CriterionFinding[] exclusions, ToleranceOutcome outcome, ToleranceRefusal? expected) =>
        G1ErrorTolerance.CheckDecision(conditions, exclusions, outcome).ShouldBe(expected);

    [Fact]
    public void The_steps_go_one_at_a_time_in_order()
    {
        G1ErrorTolerance.MayAdvance(ToleranceStage.Opened, ToleranceStage.Verified).ShouldBeTrue();
        G1ErrorTolerance.MayAdvance(ToleranceStage.Opened, ToleranceStage.Decided).ShouldBeFalse(); // no decision before verification
        G1ErrorTolerance.MayAdvance(ToleranceStage.Decided, ToleranceStage.Filed).ShouldBeFalse(); // no filing before the notice
        G1ErrorTolerance.MayAdvance(ToleranceStage.Notified, ToleranceStage.Filed).ShouldBeTrue();
        G1ErrorTolerance.MayAdvance(ToleranceStage.Filed, ToleranceStage.Filed).ShouldBeFalse();
    }

    [Fact]
    public void Deadlines_follow_the_steps_done()
    {
        var rules = PolicyCatalog.For(PolicyProfileCode.ZJ).G1;
        var opened = new DateOnly(2026, 11, 1);
        G1ErrorTolerance.Deadlines(opened, null, null, null, rules).ShouldHaveSingleItem()
            .ShouldBe(new Deadline("G1.decisionDays", new DateOnly(2026, 12, 1), null));
        var decided = new DateOnly(2026, 11, 20);
        G1ErrorTolerance.Deadlines(opened, decided, new DateOnly(2026, 11, 24), null, rules).Select(d => (d.Rule, d.Due, d.MetOn)).ShouldBe(
        [
            ("G1.decisionDays", new DateOnly(2026, 12, 1), decided),
            ("G1.noticeDays", new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 24)),
            ("G1.filingDays", new DateOnly(2026, 12, 9), null),
        ]);
    }

    [Fact]
    public void Each_seed_words_its_conditions_and_every_profile_has_the_negative_list()
    {
        PolicyCatalog.For(PolicyProfileCode.QN).G1.Conditions.Value.ShouldContain(ToleranceCondition.ChainBroken);
        PolicyCatalog.For(PolicyProfileCode.QN).G1.Conditions.Value.ShouldContain(ToleranceCondition.NoSeriousImpact);
        PolicyCatalog.For(PolicyProfileCode.HN).G1.Conditions.Value.ShouldContain(ToleranceCondition.ComplexSituation);
        PolicyCatalog.For(PolicyProfileCode.SX).G1.Conditions.Value.ShouldNotContain(ToleranceCondition.ChainBroken);
        foreach (var profile in Enum.GetValues<PolicyProfileCode>())
        {
            var g1 = PolicyCatalog.For(profile).G1;
            g1.Conditions.Value.ShouldContain(ToleranceCondition.StopSpread);
            g1.Exclusions.Value.Length.ShouldBe(Enum.GetValues<ToleranceExclusion>().Length);
            g1.Conditions.Source.ShouldNotBeNullOrWhiteSpace();
        }
    }
}
