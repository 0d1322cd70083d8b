using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

/// <summary>B3 rules at their boundaries: what duty earns, annual leave by service years, and what expires when.</summary>
public sealed class B3LeaveTests
{
    private static readonly B3LeaveRules Rules = PolicyCatalog.For(PolicyProfileCode.ZJ).B3;
    // 2026: 1 January a holiday (Thursday), 4 January (Sunday) a working day.
    private static readonly HolidayCalendar Calendar = new(new Dictionary<DateOnly, CalendarDayKind>
    {
        [new(2026, 1, 1)] = CalendarDayKind.Holiday,
        [new(2026, 1, 4)] = CalendarDayKind.Workday,
    });

    [Theory]
    [InlineData("2026-11-20", 8, 0)]     // Friday: a working day earns nothing
    [InlineData("2026-11-21", 8, 1)]     // Saturday: a full day
    [InlineData("2026-11-21", 4, 1)]     // exactly the half-day limit is a full day
    [InlineData("2026-11-21", 3.5, 0.5)] // below it, half a day
    [InlineData("2026-11-21", 0, 0)]     // no duty, nothing
    [InlineData("2026-01-01", 8, 1)]     // a holiday on a Thursday
    [InlineData("2026-01-04", 8, 0)]     // a Sunday made a working day
    public void Duty_on_rest_days_and_holidays_earns_compensatory_leave(string day, decimal hours, decimal earned) =>
        B3Leave.AccrualFor(DateOnly.Parse(day), hours, Calendar, Rules).ShouldBe(earned);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(9, 5)]
    [InlineData(10, 10)]
    [InlineData(19, 10)]
    [InlineData(20, 15)]
    public void Annual_leave_follows_the_statute_by_completed_years_of_service(int years, int days) =>
        B3Leave.AnnualLeaveDays(years, Rules).ShouldBe(days);

    [Fact]
    public void A_year_of_service_is_completed_on_its_anniversary()
    {
        B3Leave.ServiceYears(new DateOnly(2016, 11, 24), new DateOnly(2026, 11, 23)).ShouldBe(9);
        B3Leave.ServiceYears(new DateOnly(2016, 11, 23), new DateOnly(2026, 11, 23)).ShouldBe(10);
    }

    [Fact]
    public void Days_earned_in_a_year_expire_after_the_carry_over_year_oldest_spent_first()
    {
        (DateOnly, decimal)[] entries = [(new(2024, 3, 2), 3), (new(2025, 2, 1), 2), (new(2025, 5, 6), -1)];

        B3Leave.ExpiringNow(entries, new DateOnly(2025, 12, 31), Rules).ShouldBe(0, "2024's days may be used through 2025");
        B3Leave.ExpiringNow(entries, new DateOnly(2026, 1, 1), Rules).ShouldBe(2, "of 2024's 3 days, 1 was spent");
        B3Leave.ExpiringNow([.. entries, (new(2025, 12, 31), -2)], new DateOnly(2026, 1, 1), Rules).ShouldBe(0, "once recorded, it does not expire again");
        B3Leave.UsableUntil(2024, Rules).ShouldBe(new DateOnly(2025, 12, 31));
    }

    [Fact]
    public void A_debit_after_a_year_s_cut_off_cannot_spend_that_year_s_days_and_the_usable_balance_excludes_them()
    {
        // 3 days of 2024, 1 of 2025; a day granted on 2026-01-05 — after 2024's days ended on 2025-12-31 — spends the 2025 day.
        (DateOnly, decimal)[] entries = [(new(2024, 3, 2), 3), (new(2025, 2, 1), 1), (new(2026, 1, 5), -1)];

        B3Leave.ExpiringNow(entries, new DateOnly(2026, 1, 6), Rules).ShouldBe(3, "all of 2024's days expired unspent");
        B3Leave.ExpiringByYear(entries, new DateOnly(2026, 1, 6), Rules).ShouldBe([(2024, 3m)]);
        B3Leave.UsableOn(3, entries, new DateOnly(2026, 1, 6), Rules).ShouldBe(0, "stored 3, all expired");
        B3Leave.UsableOn(3, entries, new DateOnly(2025, 12, 31), Rules).ShouldBe(3, "the last day 2024's days may be used");
        B3Leave.UsableOn(0, [.. entries, (new(2025, 12, 31), -3)], new DateOnly(2026, 1, 6), Rules).ShouldBe(0, "the recorded expiry is not counted again");
    }
}
