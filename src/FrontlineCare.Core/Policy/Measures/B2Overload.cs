namespace FrontlineCare.Core.Policy.Measures;

/// <summary>One person's duty on one day (all posts together): hours, and whether any of it was at a high-risk post.</summary>
public sealed record DutyDay(DateOnly Day, decimal Hours, bool HighRisk);

public enum OverloadKind
{
    /// <summary>More consecutive duty days (hours &gt; 0) than allowed without a rest day.</summary>
    ConsecutiveDays,
    /// <summary>More hours on one day than one shift may last.</summary>
    LongShift,
    /// <summary>More hours in some 7-day window than allowed.</summary>
    WeeklyHours,
    /// <summary>More consecutive days at a high-risk post than allowed.</summary>
    HighRiskPostDays,
}

/// <summary>One breach: what, the days it spans (inclusive), the figure reached and the limit it passed.</summary>
public sealed record OverloadFinding(OverloadKind Kind, DateOnly From, DateOnly To, decimal Value, int Limit);

/// <summary>
/// B2 — force rest on anyone overloaded for a long time (ZJ5, SX, GZ3, HN3: 对长时间超负荷工作人员安排强制休息).
/// Finds every breach of the profile's thresholds in a person's duty days. A value equal to a limit is allowed;
/// only going beyond it is a finding. A day without a log, or with 0 hours, is a rest day. Each kind reports one
/// finding per run of consecutive breaching days (not one per day), so a case is opened once per overload.
/// </summary>
public static class B2Overload
{
    /// <summary>
    /// How many days back a check looks so that every run that could breach a limit is seen whole: at least 60
    /// days, and always longer than the longest run limit.
    /// </summary>
    public static int LookBackDays(B2Thresholds limits) =>
        Math.Max(60, Math.Max(limits.MaxConsecutiveDutyDays.Value, limits.MaxHighRiskPostDays.Value) + 7);

    public static IReadOnlyList<OverloadFinding> Find(IEnumerable<DutyDay> duty, B2Thresholds limits)
    {
        var days = duty.Where(d => d.Hours > 0)
            .GroupBy(d => d.Day)
            .Select(g => new DutyDay(g.Key, g.Sum(d => d.Hours), g.Any(d => d.HighRisk)))
            .OrderBy(d => d.Day)
            .ToList();
        var findings = new List<OverloadFinding>();
        findings.AddRange(Runs(days, _ => true, OverloadKind.ConsecutiveDays, limits.MaxConsecutiveDutyDays.Value));
        findings.AddRange(Runs(days, d => d.HighRisk, OverloadKind.HighRiskPostDays, limits.MaxHighRiskPostDays.Value));
        findings.AddRange(days.Where(d => d.Hours > limits.MaxShiftHours.Value)
            .Select(d => new OverloadFinding(OverloadKind.LongShift, d.Day, d.Day, d.Hours, limits.MaxShiftHours.Value)));
        findings.AddRange(WeeklyHours(days, limits.MaxHoursIn7Days.Value));
        return findings.OrderBy(f => f.From).ThenBy(f => f.Kind).ToList();
    }

    /// <summary>Runs of consecutive calendar days matching <paramref name="counts"/> that are longer than the limit.</summary>
    private static IEnumerable<OverloadFinding> Runs(List<DutyDay> days, Func<DutyDay, bool> counts, OverloadKind kind, int limit)
    {
        DateOnly? start = null, previous = null;
        var length = 0;
        foreach (var day in days.Where(counts))
        {
            if (previous is { } p && day.Day == p.AddDays(1))
            {
                length++;
            }
            else
            {
                if (length > limit) yield return new OverloadFinding(kind, start!.Value, previous!.Value, length, limit);
                start = day.Day;
                length = 1;
            }
            previous = day.Day;
        }
        if (length > limit) yield return new OverloadFinding(kind, start!.Value, previous!.Value, length, limit);
    }

    /// <summary>7-day windows (ending on each duty day) above the limit, merged into one finding per overlapping stretch.</summary>
    private static IEnumerable<OverloadFinding> WeeklyHours(List<DutyDay> days, int limit)
    {
        OverloadFinding? open = null;
        foreach (var day in days)
        {
            var windowStart = day.Day.AddDays(-6);
            var hours = days.Where(d => d.Day >= windowStart && d.Day <= day.Day).Sum(d => d.Hours);
            if (hours <= limit) continue;
            if (open is not null && windowStart <= open.To)
            {
                open = open with { To = day.Day, Value = Math.Max(open.Value, hours) };
            }
            else
            {
                if (open is not null) yield return open;
                var first = days.First(d => d.Day >= windowStart).Day;
                open = new OverloadFinding(OverloadKind.WeeklyHours, first, day.Day, hours, limit);
            }
        }
        if (open is not null) yield return open;
    }
}

/// <summary>
/// B2 as one set-based query: the same four findings as <see cref="B2Overload.Find"/>, for every person with duty
/// in a period at once, each with the thresholds of their unit's profile. Used by the scheduled sweep, where
/// loading 30 million rows into memory is not an option; a test runs both on the same duty and compares them.
/// </summary>
/// <remarks>
/// Shaped for one ordered pass: a person's days come from the covering index <c>(worker_id, day) INCLUDE (hours,
/// high_risk)</c> already in order, and every window uses that same order. Runs are found without grouping them:
/// a running maximum of "run started here" days gives each day its run's first day, and a run is measured on its
/// last day (the next day is not the day after). Only the few rows that could breach the lowest limit of any
/// profile are joined to their unit's thresholds. The 7-day sums run on whole centi-hours (integer arithmetic
/// is several times cheaper than numeric in a moving window).
/// </remarks>
public static class B2OverloadSql
{
    /// <summary>
    /// CTEs ending in <c>b2_findings(worker_id, kind, kind_order, from_day, to_day, value, lim)</c>. Parameters:
    /// <c>@from</c>, <c>@to</c> (date) and per profile <c>@profiles</c> text[], <c>@max_days</c>, <c>@max_shift</c>,
    /// <c>@max_week</c>, <c>@max_high</c> int[] (same order), and the workers to look at, ids from <c>@first_worker</c>
    /// (inclusive) to <c>@until_worker</c> (exclusive), so the sweep can split the work across connections. A unit's profile is
    /// its own, else its nearest ancestor's, else ZJ — as <c>UnitService.EffectiveProfileAsync</c>.
    /// </summary>
    public const string FindingsCte = """
        b2_limits AS (
            SELECT * FROM unnest(@profiles::text[], @max_days::int[], @max_shift::int[], @max_week::int[], @max_high::int[])
                AS l(profile, max_days, max_shift, max_week, max_high)),
        b2_unit_limits AS (
            SELECT u.id AS unit_id, l.max_days, l.max_shift, l.max_week, l.max_high
            FROM units u
            CROSS JOIN LATERAL (
                SELECT coalesce((SELECT a.profile_override FROM units a
                                 WHERE a.path @> u.path AND a.profile_override IS NOT NULL
                                 ORDER BY nlevel(a.path) DESC LIMIT 1), 'ZJ') AS profile) p
            JOIN b2_limits l ON l.profile = p.profile),
        b2_days AS (
            SELECT l.worker_id, l.day, sum(l.hours) AS hours, bool_or(l.high_risk) AS high_risk
            FROM duty_logs l
            WHERE l.worker_id >= @first_worker AND l.worker_id < @until_worker AND l.day BETWEEN @from AND @to AND l.hours > 0
            GROUP BY l.worker_id, l.day),
        b2_neighbours AS (
            SELECT b.*, lag(b.day) OVER w AS prev_day, lag(b.high_risk) OVER w AS prev_high_risk,
                   lead(b.day) OVER w AS next_day, lead(b.high_risk) OVER w AS next_high_risk
            FROM b2_days b
            WINDOW w AS (PARTITION BY b.worker_id ORDER BY b.day)),
        b2_marked AS (
            SELECT d.worker_id, d.day, d.hours, d.high_risk,
                   max(CASE WHEN d.prev_day = d.day - 1 THEN NULL ELSE d.day END) OVER w AS run_start,
                   d.next_day IS DISTINCT FROM d.day + 1 AS run_ends,
                   max(CASE WHEN d.high_risk AND NOT coalesce(d.prev_day = d.day - 1 AND d.prev_high_risk, false) THEN d.day END) OVER w AS risk_start,
                   d.high_risk AND NOT coalesce(d.next_day = d.day + 1 AND d.next_high_risk, false) AS risk_run_ends,
                   sum((d.hours * 100)::int) OVER w7 AS week_centihours
            FROM b2_neighbours d
            WINDOW w AS (PARTITION BY d.worker_id ORDER BY d.day ROWS UNBOUNDED PRECEDING),
                   w7 AS (PARTITION BY d.worker_id ORDER BY d.day RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW)),
        b2_candidates AS (
            SELECT m.* FROM b2_marked m
            WHERE (m.run_ends AND m.day - m.run_start + 1 > (SELECT min(max_days) FROM b2_limits))
               OR m.hours > (SELECT min(max_shift) FROM b2_limits)
               OR m.week_centihours > (SELECT min(max_week) * 100 FROM b2_limits)
               OR (m.risk_run_ends AND m.day - m.risk_start + 1 > (SELECT min(max_high) FROM b2_limits))),
        b2_limited AS (
            SELECT c.*, ul.max_days, ul.max_shift, ul.max_week, ul.max_high
            FROM b2_candidates c
            JOIN workers wk ON wk.id = c.worker_id
            JOIN b2_unit_limits ul ON ul.unit_id = wk.unit_id),
        b2_week_breaches AS (
            SELECT m.*, sum(CASE WHEN m.prev_breach IS NULL OR m.day - 6 > m.prev_breach THEN 1 ELSE 0 END)
                            OVER (PARTITION BY m.worker_id ORDER BY m.day) AS stretch,
                   (SELECT min(x.day) FROM duty_logs x
                    WHERE x.worker_id = m.worker_id AND x.day BETWEEN greatest(m.day - 6, @from) AND m.day AND x.hours > 0) AS week_first_day
            FROM (SELECT b.*, lag(b.day) OVER (PARTITION BY b.worker_id ORDER BY b.day) AS prev_breach
                  FROM b2_limited b WHERE b.week_centihours > b.max_week * 100) m),
        b2_findings AS (
            SELECT worker_id, 'ConsecutiveDays' AS kind, 0 AS kind_order, run_start AS from_day, day AS to_day,
                   (day - run_start + 1)::numeric AS value, max_days AS lim
            FROM b2_limited WHERE run_ends AND day - run_start + 1 > max_days
            UNION ALL
            SELECT worker_id, 'LongShift', 1, day, day, hours, max_shift
            FROM b2_limited WHERE hours > max_shift
            UNION ALL
            SELECT worker_id, 'WeeklyHours', 2, min(week_first_day), max(day), max(week_centihours) / 100.0, max(max_week)
            FROM b2_week_breaches GROUP BY worker_id, stretch
            UNION ALL
            SELECT worker_id, 'HighRiskPostDays', 3, risk_start, day, (day - risk_start + 1)::numeric, max_high
            FROM b2_limited WHERE risk_run_ends AND day - risk_start + 1 > max_high)
        """;
}
