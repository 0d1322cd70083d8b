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
    /// How many owed days have expired by <paramref name="today"/> and are not yet recorded as expired. Days are spent
    /// oldest first, each debit from the days still usable on its own day (a debit dated after a year's cut-off cannot
    /// spend that year's days); what is left of a year whose carry-over ended before today has expired. Entries are
    /// (day, signed days); a recorded expiry is a debit on the cut-off day, so the answer is 0 once it is recorded.
    /// </summary>
    public static decimal ExpiringNow(IEnumerable<(DateOnly Day, decimal Days)> entries, DateOnly today, B3LeaveRules rules) =>
        ExpiringByYear(entries, today, rules).Sum(c => c.Days);

    /// <summary>
    /// <see cref="ExpiringNow"/> by the year the days were earned in, oldest first (only years with days expiring): the
    /// expiry records each as a debit on that year's cut-off day (<see cref="UsableUntil"/>).
    /// </summary>
    public static IReadOnlyList<(int Year, decimal Days)> ExpiringByYear(IEnumerable<(DateOnly Day, decimal Days)> entries, DateOnly today, B3LeaveRules rules)
    {
        var list = entries.ToList();
        var left = list.Where(e => e.Days > 0).GroupBy(e => e.Day.Year).OrderBy(g => g.Key)
            .Select(g => (Year: g.Key, Days: g.Sum(e => e.Days))).ToList();
        foreach (var (day, days) in list.Where(e => e.Days < 0).OrderBy(e => e.Day))
        {
            var owed = -days;
            for (var i = 0; i < left.Count && owed > 0; i++)
            {
                if (left[i].Days <= 0 || UsableUntil(left[i].Year, rules) < day) continue;
                var spent = Math.Min(owed, left[i].Days);
                left[i] = (left[i].Year, left[i].Days - spent);
                owed -= spent;
            }
        }
        return left.Where(c => c.Days > 0 && UsableUntil(c.Year, rules) < today).ToList();
    }

    /// <summary>
    /// The balance a person may use on <paramref name="day"/>: the stored balance less the days expired by then that the
    /// nightly expiry has not recorded yet (never below zero). Once the expiry is recorded this is the stored balance.
    /// </summary>
    public static decimal UsableOn(decimal storedBalance, IEnumerable<(DateOnly Day, decimal Days)> entries, DateOnly day, B3LeaveRules rules) =>
        Math.Max(0, storedBalance - ExpiringNow(entries, day, rules));
}
