using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

/// <summary>B2 overload thresholds at and around their boundaries (ZJ defaults: 13 days, 12 h, 60 h in 7 days, 30 days high-risk).</summary>
public sealed class B2OverloadTests
{
    private static readonly B2Thresholds Limits = PolicyCatalog.For(PolicyProfileCode.ZJ).B2;
    private static readonly DateOnly Start = new(2026, 11, 1);

    private static IEnumerable<DutyDay> Days(int count, decimal hours = 8, bool highRisk = false, int offset = 0) =>
        Enumerable.Range(offset, count).Select(i => new DutyDay(Start.AddDays(i), hours, highRisk));

    [Fact]
    public void The_zhejiang_defaults_are_the_documented_ones()
    {
        (Limits.MaxConsecutiveDutyDays.Value, Limits.MaxShiftHours.Value, Limits.MaxHoursIn7Days.Value, Limits.MaxHighRiskPostDays.Value)
            .ShouldBe((13, 12, 60, 30));
        Limits.MaxHighRiskPostDays.Source.ShouldContain("Hubei");
    }

    [Fact]
    public void Thirteen_days_in_a_row_is_allowed_and_the_fourteenth_is_overload()
    {
        B2Overload.Find(Days(13, hours: 4), Limits).ShouldBeEmpty();

        var findings = B2Overload.Find(Days(14, hours: 4), Limits);

        var finding = findings.ShouldHaveSingleItem();
        finding.ShouldBe(new OverloadFinding(OverloadKind.ConsecutiveDays, Start, Start.AddDays(13), 14, 13));
    }

    [Fact]
    public void A_rest_day_or_a_day_without_a_log_breaks_the_run()
    {
        var withZeroHours = Days(10, hours: 4).Append(new DutyDay(Start.AddDays(10), 0, false)).Concat(Days(10, hours: 4, offset: 11));
        var withGap = Days(10, hours: 4).Concat(Days(10, hours: 4, offset: 11));

        B2Overload.Find(withZeroHours, Limits).ShouldBeEmpty();
        B2Overload.Find(withGap, Limits).ShouldBeEmpty();
    }

    [Fact]
    public void A_long_run_is_one_finding_not_one_per_day()
    {
        var finding = B2Overload.Find(Days(20, hours: 4), Limits).ShouldHaveSingleItem();
        finding.Kind.ShouldBe(OverloadKind.ConsecutiveDays);
        (finding.From, finding.To, finding.Value).ShouldBe((Start, Start.AddDays(19), 20m));
    }

    [Fact]
    public void Twelve_hours_is_a_shift_and_more_is_overload_counting_every_post_of_the_day()
    {
        B2Overload.Find([new DutyDay(Start, 12, false)], Limits).ShouldBeEmpty();

        var split = B2Overload.Find([new DutyDay(Start, 7, false), new DutyDay(Start, 5.5m, false)], Limits);

        split.ShouldHaveSingleItem().ShouldBe(new OverloadFinding(OverloadKind.LongShift, Start, Start, 12.5m, 12));
    }

    [Fact]
    public void Sixty_hours_in_seven_days_is_allowed_and_more_is_overload_merged_over_overlapping_windows()
    {
        B2Overload.Find(Days(6, hours: 10).Append(new DutyDay(Start.AddDays(6), 0, false)), Limits).ShouldBeEmpty();
        B2Overload.Find(Days(5, hours: 12), Limits).ShouldBeEmpty(); // 60 h exactly

        var findings = B2Overload.Find(Days(8, hours: 10), Limits);

        var weekly = findings.ShouldHaveSingleItem();
        weekly.Kind.ShouldBe(OverloadKind.WeeklyHours);
        (weekly.From, weekly.To, weekly.Value, weekly.Limit).ShouldBe((Start, Start.AddDays(7), 70m, 60));
    }

    [Fact]
    public void Thirty_days_at_a_high_risk_post_is_allowed_and_the_thirty_first_is_overload()
    {
        var thirty = Days(30, hours: 4, highRisk: true);
        B2Overload.Find(thirty, Limits).Where(f => f.Kind == OverloadKind.HighRiskPostDays).ShouldBeEmpty();

        var thirtyOne = B2Overload.Find(Days(31, hours: 4, highRisk: true), Limits);

        thirtyOne.Single(f => f.Kind == OverloadKind.HighRiskPostDays)
            .ShouldBe(new OverloadFinding(OverloadKind.HighRiskPostDays, Start, Start.AddDays(30), 31, 30));
    }

    [Fact]
    public void A_day_at_an_ordinary_post_ends_the_high_risk_run()
    {
        var days = Days(20, hours: 4, highRisk: true)
            .Append(new DutyDay(Start.AddDays(20), 4, false))
            .Concat(Days(20, hours: 4, highRisk: true, offset: 21));

        B2Overload.Find(days, Limits).Where(f => f.Kind == OverloadKind.HighRiskPostDays).ShouldBeEmpty();
    }
}
