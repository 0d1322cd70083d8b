using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

public sealed class A1DeploymentsTests
{
    private static DateOnly D(int day) => new(2026, 11, day);

    [Fact]
    public void Deployments_sharing_only_their_boundary_day_overlap_because_days_are_inclusive()
    {
        A1Deployments.Overlaps(D(1), D(10), D(10), D(20)).ShouldBeTrue();
        A1Deployments.Overlaps(D(10), D(20), D(1), D(10)).ShouldBeTrue();
    }

    [Fact]
    public void Deployments_on_adjacent_days_do_not_overlap()
    {
        A1Deployments.Overlaps(D(1), D(10), D(11), D(20)).ShouldBeFalse();
        A1Deployments.Overlaps(D(11), D(20), D(1), D(10)).ShouldBeFalse();
    }

    [Fact]
    public void An_open_ended_deployment_overlaps_everything_after_its_start()
    {
        A1Deployments.Overlaps(D(5), null, D(20), D(25)).ShouldBeTrue();
        A1Deployments.Overlaps(D(20), D(25), D(5), null).ShouldBeTrue();
        A1Deployments.Overlaps(D(5), null, D(6), null).ShouldBeTrue();
        A1Deployments.Overlaps(D(5), null, D(1), D(5)).ShouldBeTrue();
    }

    [Fact]
    public void An_open_ended_deployment_does_not_overlap_one_that_ended_before_it_started()
    {
        A1Deployments.Overlaps(D(5), null, D(1), D(4)).ShouldBeFalse();
        A1Deployments.Overlaps(D(1), D(4), D(5), null).ShouldBeFalse();
    }

    [Fact]
    public void A_one_day_deployment_inside_another_overlaps()
    {
        A1Deployments.Overlaps(D(1), D(30), D(15), D(15)).ShouldBeTrue();
    }

    [Fact]
    public void The_first_clash_is_found_and_the_edited_deployment_itself_is_ignored()
    {
        var early = new Deployment { Id = Guid.NewGuid(), Place = "甲", StartDate = D(1), EndDate = D(5) };
        var late = new Deployment { Id = Guid.NewGuid(), Place = "乙", StartDate = D(8), EndDate = null };
        Deployment[] existing = [late, early];

        A1Deployments.FindOverlap(existing, D(4), D(9)).ShouldBe(early);
        A1Deployments.FindOverlap(existing, D(6), D(7)).ShouldBeNull();
        A1Deployments.FindOverlap(existing, D(2), D(3), ignoreId: early.Id).ShouldBeNull();
    }
}
