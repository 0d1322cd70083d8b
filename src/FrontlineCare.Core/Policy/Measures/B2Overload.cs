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
