using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

public sealed class F9VolunteerHoursTests
{
    private static readonly F9StarRules Rules = PolicyCatalog.For(PolicyProfileCode.GZ).F9;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 0)]       // under six minutes counts nothing
    [InlineData(6, 0.1)]
    [InlineData(59, 0.9)]    // rounded down to the tenth
    [InlineData(60, 1)]
    [InlineData(150, 2.5)]
    [InlineData(-30, 0)]
    public void Hours_are_the_time_served_in_tenths_rounded_down(int minutes, double hours) =>
        F9VolunteerHours.Hours(Start, Start.AddMinutes(minutes)).ShouldBe((decimal)hours);

    [Theory]
    [InlineData(0, 0, 100.0)]
    [InlineData(99.9, 0, 0.1)]
    [InlineData(100, 1, 200.0)]
    [InlineData(299.9, 1, 0.1)]
    [InlineData(300, 2, 300.0)]
    [InlineData(1000, 4, 500.0)]
    [InlineData(1499.9, 4, 0.1)]
    [InlineData(1500.0, 5, null)]
    [InlineData(9999.0, 5, null)]
    public void Stars_follow_the_profiles_thresholds_100_300_600_1000_1500(double total, int stars, double? toNext)
    {
        F9VolunteerHours.Stars((decimal)total, Rules).ShouldBe(stars);
        F9VolunteerHours.ToNextStar((decimal)total, Rules).ShouldBe(toNext is { } n ? (decimal)n : null);
    }

    [Fact]
    public void A_profile_with_lower_thresholds_gives_stars_sooner()
    {
        var chengdu = PolicyCatalog.For(PolicyProfileCode.GZ)
            .With("F9.star1Hours", "50", new DateOnly(2026, 1, 1), "成都龙泉驿 50/100/200/400/800").F9;
        F9VolunteerHours.Stars(60, chengdu).ShouldBe(1);
        F9VolunteerHours.Stars(60, Rules).ShouldBe(0);
    }
}
