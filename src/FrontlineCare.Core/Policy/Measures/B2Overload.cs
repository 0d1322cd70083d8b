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
/// high_risk)</c> already in order, and every window uses that same order with a moving calendar frame. A day whose
/// last L + 1 calendar days are all duty days (L the lowest day limit of any profile) is the L + 1-th day of a run
/// or later; only such days, long shifts and 7-day breaches are kept, and from the flagged days of a run its first
/// day (the first flagged day − L) and last day follow. Only those few rows are joined to their unit's thresholds. The 7-day sums run on whole centi-hours (integer arithmetic
/// is several times cheaper than numeric in a moving window).
/// </remarks>
public static class B2OverloadSql
{
    /// <summary>
    /// CTEs ending in <c>b2_findings(worker_id, kind, kind_order, from_day, to_day, value, lim)</c>. Parameters:
    /// <c>@from</c>, <c>@to</c> (date) and per profile <c>@profiles</c> text[], <c>@max_days</c>, <c>@max_shift</c>,
    /// <c>@max_week</c>, <c>@max_high</c> int[] (same order); the lowest day limits of all profiles,
    /// <c>@run_days</c> and <c>@risk_days</c> (int), with the same as intervals <c>@run_frame</c> and <c>@risk_frame</c>;
    /// and the workers to look at, ids from <c>@first_worker</c>
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
        b2_marked AS (
            SELECT d.worker_id, d.day, d.hours, d.high_risk,
                   count(*) OVER wd = @run_days + 1 AS run_flag,
                   count(*) FILTER (WHERE d.high_risk) OVER wh = @risk_days + 1 AS risk_flag,
                   sum((d.hours * 100)::int) OVER w7 AS week_centihours
            FROM b2_days d
            WINDOW wd AS (PARTITION BY d.worker_id ORDER BY d.day RANGE BETWEEN @run_frame PRECEDING AND CURRENT ROW),
                   wh AS (PARTITION BY d.worker_id ORDER BY d.day RANGE BETWEEN @risk_frame PRECEDING AND CURRENT ROW),
                   w7 AS (PARTITION BY d.worker_id ORDER BY d.day RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW)),
        b2_candidates AS (
            SELECT m.* FROM b2_marked m
            WHERE m.run_flag OR m.risk_flag
               OR m.hours > (SELECT min(max_shift) FROM b2_limits)
               OR m.week_centihours > (SELECT min(max_week) * 100 FROM b2_limits)),
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
        b2_runs AS (
            SELECT worker_id, min(day) - @run_days AS from_day, max(day) AS to_day, max(max_days) AS lim
            FROM (SELECT l.*, l.day - (row_number() OVER (PARTITION BY l.worker_id ORDER BY l.day))::int AS grp
                  FROM b2_limited l WHERE l.run_flag) f
            GROUP BY worker_id, grp),
        b2_risk_runs AS (
            SELECT worker_id, min(day) - @risk_days AS from_day, max(day) AS to_day, max(max_high) AS lim
            FROM (SELECT l.*, l.day - (row_number() OVER (PARTITION BY l.worker_id ORDER BY l.day))::int AS grp
                  FROM b2_limited l WHERE l.risk_flag) f
            GROUP BY worker_id, grp),
        b2_findings AS (
            SELECT worker_id, 'ConsecutiveDays' AS kind, 0 AS kind_order, from_day, to_day,
                   (to_day - from_day + 1)::numeric AS value, lim
            FROM b2_runs WHERE to_day - from_day + 1 > lim
            UNION ALL
            SELECT worker_id, 'LongShift', 1, day, day, hours, max_shift
            FROM b2_limited WHERE hours > max_shift
            UNION ALL
            SELECT worker_id, 'WeeklyHours', 2, min(week_first_day), max(day), max(week_centihours) / 100.0, max(max_week)
            FROM b2_week_breaches GROUP BY worker_id, stretch
            UNION ALL
            SELECT worker_id, 'HighRiskPostDays', 3, from_day, to_day, (to_day - from_day + 1)::numeric, lim
            FROM b2_risk_runs WHERE to_day - from_day + 1 > lim)
        """;
}
