using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

public sealed class C3HealthMonitoringTests
{
    private static readonly C3HealthRules Rules = PolicyCatalog.For(PolicyProfileCode.GZ).C3;

    [Theory]
    [InlineData(36.5, 37.2, HealthFinding.None)]
    [InlineData(37.3, null, HealthFinding.Fever)]      // at the line is a fever
    [InlineData(null, 37.3, HealthFinding.Fever)]      // evening alone counts
    [InlineData(36.4, 38.5, HealthFinding.Fever)]
    [InlineData(null, null, HealthFinding.None)]
    public void A_temperature_at_or_above_the_profile_line_is_a_fever(double? morning, double? evening, HealthFinding expected) =>
        C3HealthMonitoring.Findings((decimal?)morning, (decimal?)evening, HealthSymptom.None, NucleicAcidResult.Negative, Rules).ShouldBe(expected);

    [Fact]
    public void Symptoms_and_a_positive_test_are_findings_of_their_own()
    {
        C3HealthMonitoring.Findings(36.5m, 36.6m, HealthSymptom.DryCough, NucleicAcidResult.NotTested, Rules).ShouldBe(HealthFinding.Symptoms);
        C3HealthMonitoring.Findings(37.8m, null, HealthSymptom.SoreThroat | HealthSymptom.Fatigue, NucleicAcidResult.Positive, Rules)
            .ShouldBe(HealthFinding.Fever | HealthFinding.Symptoms | HealthFinding.PositiveTest);
    }

    [Fact]
    public void A_profile_that_moves_the_line_moves_the_finding()
    {
        var rules = PolicyCatalog.For(PolicyProfileCode.GZ).With("C3.feverThresholdTenths", "375", new DateOnly(2026, 1, 1), "local rule").C3;
        C3HealthMonitoring.Findings(37.4m, null, HealthSymptom.None, NucleicAcidResult.NotTested, rules).ShouldBe(HealthFinding.None);
        C3HealthMonitoring.Findings(37.5m, null, HealthSymptom.None, NucleicAcidResult.NotTested, rules).ShouldBe(HealthFinding.Fever);
        PolicyCatalog.Check("C3.feverThresholdTenths", "380").ShouldBe("380");
        PolicyCatalog.Check("C3.feverThresholdTenths", "36.5").ShouldBeNull(); // tenths, whole numbers only
        PolicyCatalog.Check("C3.feverThresholdTenths", "390").ShouldBeNull();
    }
}
