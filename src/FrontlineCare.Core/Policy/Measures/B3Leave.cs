namespace FrontlineCare.Core.Policy.Measures;

public enum CalendarDayKind
{
    /// <summary>A statutory holiday (法定节假日, including the days moved into it): no work.</summary>
    Holiday,
    /// <summary>A weekend day moved to be a working day (调休上班).</summary>
    Workday,
}

/// <summary>The days of a holiday calendar that differ from the plain week (Monday–Friday work, weekend rest).</summary>
public sealed class HolidayCalendar(IReadOnlyDictionary<DateOnly, CalendarDayKind> exceptions)
{
    public static readonly HolidayCalendar PlainWeek = new(new Dictionary<DateOnly, CalendarDayKind>());

    public bool IsRestDay(DateOnly day) => exceptions.TryGetValue(day, out var kind)
        ? kind == CalendarDayKind.Holiday
        : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Working days in [from, to]: what a leave of those dates costs (rest days and holidays are not counted).</summary>
    public int WorkingDays(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
            if (!IsRestDay(day)) count++;
        return count;
    }
}

/// <summary>
/// B3 — compensatory leave for leave missed because of the epidemic (ZJ5, SX, GZ3: 根据《公务员法》等规定合理安排补休),
/// and annual leave beside it. 公务员法 第八十二条: overtime outside statutory working days earns 补休 first, money only
/// if leave is impossible. The numbers come from the profile's <see cref="B3LeaveRules"/>.
/// </summary>
public static class B3Leave
{
    /// <summary>Days of 补休 earned by a day's duty: a full day on a rest day or holiday, half a day below the
    /// profile's hours, nothing on a working day.</summary>
    public static decimal AccrualFor(DateOnly day, decimal hours, HolidayCalendar calendar, B3LeaveRules rules) =>
        hours <= 0 || !calendar.IsRestDay(day) ? 0m : hours < rules.HalfDayBelowHours.Value ? 0.5m : 1m;

    /// <summary>Completed years of service on a day.</summary>
    public static int ServiceYears(DateOnly serviceStart, DateOnly on)
    {
        var years = on.Year - serviceStart.Year;
        return serviceStart.AddYears(years) > on ? years - 1 : years;
    }

    /// <summary>职工带薪年休假条例 第三条: annual leave days by completed years of service (0 below one year).</summary>
    public static int AnnualLeaveDays(int serviceYears, B3LeaveRules rules) => serviceYears switch
    {
        < 1 => 0,
        < 10 => rules.AnnualDaysFrom1Year.Value,
        < 20 => rules.AnnualDaysFrom10Years.Value,
        _ => rules.AnnualDaysFrom20Years.Value,
    };

    /// <summary>The last day on which days earned in <paramref name="year"/> may be taken (carried over the profile's years).</summary>
    public static DateOnly UsableUntil(int year, B3LeaveRules rules) => new(year + rules.CarryOverYears.Value, 12, 31);

    /// <summary>
    /// How many owed days expire now: days are spent oldest first, so what is still unspent of the days earned in
    /// years whose carry-over has ended (before <paramref name="today"/>) expires. Entries are (day, signed days);
    /// earlier expiries are debits, so the answer is 0 once they are recorded.
    /// </summary>
    public static decimal ExpiringNow(IEnumerable<(DateOnly Day, decimal Days)> entries, DateOnly today, B3LeaveRules rules)
    {
        var list = entries.ToList();
        var lastExpiredYear = today.Year - rules.CarryOverYears.Value - 1;
        var expiredCredits = list.Where(e => e.Days > 0 && e.Day.Year <= lastExpiredYear).Sum(e => e.Days);
        var debits = -list.Where(e => e.Days < 0).Sum(e => e.Days);
        return Math.Max(0, expiredCredits - debits);
    }
}
