using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

/// <summary>G3: when an incident may be closed.</summary>
public sealed class G3IncidentsTests
{
    private static readonly G3IncidentRules Rules = PolicyCatalog.For(PolicyProfileCode.HN).G3;

    [Theory]
    [InlineData(IncidentKind.Violence, IncidentReferral.None, true, IncidentRefusal.NotReferred)]
    [InlineData(IncidentKind.Violence, IncidentReferral.Unit, true, IncidentRefusal.PoliceRequired)]
    [InlineData(IncidentKind.Threat, IncidentReferral.Unit, true, IncidentRefusal.PoliceRequired)]
    [InlineData(IncidentKind.Violence, IncidentReferral.Police, false, IncidentRefusal.NoOutcome)]
    [InlineData(IncidentKind.Violence, IncidentReferral.Police | IncidentReferral.Unit, true, null)]
    [InlineData(IncidentKind.Discrimination, IncidentReferral.Unit, true, null)]
    public void An_incident_closes_once_referred_as_its_kind_requires_and_with_an_outcome(
        IncidentKind kind, IncidentReferral referral, bool outcome, IncidentRefusal? expected) =>
        G3Incidents.CheckClose(kind, referral, outcome, Rules).ShouldBe(expected);

    [Fact]
    public void A_profile_may_send_discrimination_to_the_police_too()
    {
        var strict = PolicyCatalog.For(PolicyProfileCode.HN).With("G3.policeKinds", "Violence,Threat,Discrimination", new DateOnly(2026, 1, 1), "测试").G3;
        G3Incidents.CheckClose(IncidentKind.Discrimination, IncidentReferral.Unit, true, strict).ShouldBe(IncidentRefusal.PoliceRequired);
    }
}
