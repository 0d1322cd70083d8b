namespace FrontlineCare.Core.Policy.Measures;

/// <summary>A reporting period: its first and last day (inclusive) and the day the report is due.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, DateOnly Due)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>
/// B5 — units report rest and welfare status upward (design card, ZJ cover notice, HN end: 各单位…及时报告落实情况).
/// Periods are the profile's cadence long, counted from Monday 20 January 2020 (the week Zhejiang's Level I
/// response began), so a 7-day cadence gives Monday–Sunday weeks and 14 days gives fortnights. A report is due the
/// profile's number of days after its period ends; one that is not submitted by then (or was returned and not
/// resubmitted) is overdue.
/// </summary>
public static class B5Reports
{
    public static readonly DateOnly Epoch = new(2020, 1, 20);

    public static ReportPeriod PeriodOf(DateOnly day, int cadenceDays, int dueDays)
    {
        var index = Math.Max(0, (day.DayNumber - Epoch.DayNumber) / cadenceDays);
        var from = Epoch.AddDays(index * cadenceDays);
        var to = from.AddDays(cadenceDays - 1);
        return new ReportPeriod(from, to, to.AddDays(dueDays));
    }

    /// <summary>The last <paramref name="count"/> periods whose last day is on or before <paramref name="today"/>, newest first.</summary>
    public static IReadOnlyList<ReportPeriod> EndedPeriods(DateOnly today, int cadenceDays, int dueDays, int count)
    {
        var periods = new List<ReportPeriod>(count);
        var current = PeriodOf(today, cadenceDays, dueDays);
        var period = current.To <= today ? current : PeriodOf(current.From.AddDays(-1), cadenceDays, dueDays);
        while (periods.Count < count && period.To >= Epoch)
        {
            periods.Add(period);
            period = PeriodOf(period.From.AddDays(-1), cadenceDays, dueDays);
        }
        return periods;
    }

    /// <summary>A report can be submitted from the last day of its period on (figures are then complete but for that day's late logs).</summary>
    public static bool CanSubmit(ReportPeriod period, DateOnly today) => today >= period.To;

    public static bool IsOverdue(ReportPeriod period, DateOnly today, bool submittedOrAccepted) => !submittedOrAccepted && today > period.Due;
}
