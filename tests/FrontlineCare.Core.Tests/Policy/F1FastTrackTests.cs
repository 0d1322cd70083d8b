using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

public sealed class F1FastTrackTests
{
    private static readonly F1FastTrackRules Zj = PolicyCatalog.For(PolicyProfileCode.ZJ).F1;
    private static readonly F1FastTrackRules Sx = PolicyCatalog.For(PolicyProfileCode.SX).F1;
    private static readonly DateOnly Feb1 = new(2026, 2, 1);

    [Fact]
    public void Each_route_names_whom_it_is_for()
    {
        F1FastTrack.Check(FastTrackRoute.ActivistShortTraining, Feb1, Feb1.AddMonths(1), Feb1, null).ShouldBeNull();
        F1FastTrack.Check(FastTrackRoute.ActivistShortTraining, Feb1, null, Feb1, null).ShouldBe(FastTrackIneligibility.NotAnActivist);
        F1FastTrack.Check(FastTrackRoute.AppliedAtFrontline, Feb1.AddDays(10), null, Feb1, Feb1.AddDays(10)).ShouldBeNull(); // on the last day
        F1FastTrack.Check(FastTrackRoute.AppliedAtFrontline, Feb1.AddDays(11), null, Feb1, Feb1.AddDays(10)).ShouldBe(FastTrackIneligibility.AppliedAfterFrontline);
        F1FastTrack.Check(FastTrackRoute.TemporaryOrganisation, Feb1, null, null, null).ShouldBe(FastTrackIneligibility.NoFrontlineRecord);
        F1FastTrack.Check(FastTrackRoute.TemporaryOrganisation, null, null, Feb1, null).ShouldBe(FastTrackIneligibility.NoApplication);
    }

    [Theory]
    [InlineData(11, true)]   // activist for 11 months: the one-year minimum is waived
    [InlineData(12, false)]  // a full year: nothing to waive
    public void The_activist_minimum_is_waived_only_when_it_is_not_yet_met(int monthsAsActivist, bool waived)
    {
        var on = new DateOnly(2026, 11, 23);
        F1FastTrack.Waivers(on.AddMonths(-monthsAsActivist), on, Zj).Contains(FastTrackWaiver.ActivistMinimum).ShouldBe(waived);
    }

    [Fact]
    public void The_annual_plan_is_waived_where_the_profile_exempts_it_and_probation_is_never_waived()
    {
        F1FastTrack.Waivers(null, Feb1, Zj).ShouldContain(FastTrackWaiver.AnnualPlan);
        F1FastTrack.Waivers(null, Feb1, Sx).ShouldNotContain(FastTrackWaiver.AnnualPlan); // SX: priority within the plan
        F1FastTrack.ProbationEnd(new DateOnly(2026, 2, 28), Zj).ShouldBe(new DateOnly(2027, 2, 28));
        F1FastTrack.ApprovalDue(Feb1, Zj).ShouldBe(new DateOnly(2026, 5, 1));
    }
}
