using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Core.Policy.Measures;

/// <summary>D1 / D2: the rates and who gets them, a profile's parameters (each effective-dated, so a month may span a change).</summary>
public sealed record D1D2SubsidyRules(
    PolicyParameter<int> TierIYuan,
    PolicyParameter<int> TierIIYuan,
    PolicyParameter<WorkerCategory[]> TierCategories,
    PolicyParameter<int> RegionMultiplierPercent,
    PolicyParameter<int> AidTeamMultiplierPercent,
    PolicyParameter<int> HalfDayMaxHours,
    PolicyParameter<WorkerCategory[]> TopUpCategories,
    PolicyParameter<int> TopUpYuan,
    PolicyParameter<int> MealYuan,
    PolicyParameter<bool> AllowanceEnabled,
    PolicyParameter<int> AllowanceClass1MonthlyYuan,
    PolicyParameter<int> AllowanceClass2MonthlyYuan)
{
    /// <summary>Whether every parameter of the rule has a value in force on the day (none has before the start of the response).</summary>
    public bool InForceOn(DateOnly day) =>
        TierIYuan.InForceOn(day) && TierIIYuan.InForceOn(day) && TierCategories.InForceOn(day) && RegionMultiplierPercent.InForceOn(day)
        && AidTeamMultiplierPercent.InForceOn(day) && HalfDayMaxHours.InForceOn(day) && TopUpCategories.InForceOn(day) && TopUpYuan.InForceOn(day)
        && MealYuan.InForceOn(day) && AllowanceEnabled.InForceOn(day) && AllowanceClass1MonthlyYuan.InForceOn(day) && AllowanceClass2MonthlyYuan.InForceOn(day);
}

/// <summary>What a line of a subsidy sheet pays.</summary>
public enum SubsidyKind
{
    /// <summary>临时性工作补助 一档: direct contact with confirmed or suspected cases (risk class I).</summary>
    TierI,
    /// <summary>临时性工作补助 二档: other frontline epidemic work (risk class II).</summary>
    TierII,
    /// <summary>Local top-up for township and village (community) staff (ZJ6, SX).</summary>
    LocalTopUp,
    /// <summary>伙食补助 (D2, SX).</summary>
    Meal,
    /// <summary>卫生防疫津贴 (D2, HN4), monthly, by days on duty.</summary>
    EpidemicAllowance,
    /// <summary>A correction of an approved month: recomputed minus paid.</summary>
    Adjustment,
}

/// <summary>Duty on one day as the subsidy sees it: hours, tier (the post's risk class) and whether at an aid team — of one post, or merged over the day's posts.</summary>
public readonly record struct SubsidyDay(DateOnly Day, decimal Hours, RiskClass Tier, bool AidTeam);

/// <summary>
/// <see cref="Count"/> days of duty the rule treats alike: the same tier and aid team, the same parameters in force, and all
/// half days or all whole days. <see cref="First"/> is the first of them, with hours that stand for each.
/// </summary>
public readonly record struct SubsidyDayGroup(SubsidyDay First, int Count);

/// <summary>
/// A person's duty at one post in a period, as <see cref="D1D2Subsidy.PostDaysSql"/> reads it: <see cref="Days"/> worked as bits
/// (bit 0 the period's first day), and for each half-day limit, ascending, the days with hours at or under it.
/// </summary>
public sealed record SubsidyPostDays(long Days, long[] HalfUnder, RiskClass Tier, bool AidTeam);

/// <summary>
/// A computed line: <see cref="Days"/> × <see cref="Rate"/> × <see cref="MultiplierPercent"/>% = <see cref="Amount"/> (for the
/// monthly allowance: days ÷ days of the month × monthly rate), with the parameter it rests on and that parameter's source.
/// </summary>
public sealed record SubsidyLineDraft(SubsidyKind Kind, decimal Days, decimal Rate, int MultiplierPercent, decimal Amount, string ParameterKey, string Source);

/// <summary>
/// D1 temporary work subsidy (临时性工作补助) and D2 meal subsidy and epidemic-prevention allowance, per person and month.
/// <list type="bullet">
/// <item>A day counts when the person logged duty at a deployment: a whole day, or half a day when the day's hours are at
/// most <c>D1.halfDayMaxHours</c>.</item>
/// <item>One tier per person and day: the highest tier of the posts worked that day (risk class I → 一档, II → 二档).</item>
/// <item>Tiers are paid to the categories of <c>D1.tierCategories</c> (the national scheme: medical and epidemic-prevention
/// staff); the region multiplier (Hubei ×2) or, at an aid team, the aid multiplier applies — the higher one, never both.</item>
/// <item>The local top-up is paid per day to the categories of <c>D1.topUpCategories</c>; meals per day to everyone on duty;
/// the allowance to the tier categories, pro rata of the month's days, class by the day's tier.</item>
/// <item>Each day uses the parameters in force on it, so a rate change mid-month gives two lines; a day before they are in force
/// (before the start of the response) is paid nothing. Money is decimal yuan:
/// day amounts are exact to the fen; the allowance is rounded to the fen, half away from zero, once per line.</item>
/// </list>
/// </summary>
public static class D1D2Subsidy
{
    /// <summary>
    /// A person's duty logs (one per post and day) merged into subsidy days: hours of all posts added up, the highest
    /// tier worked that day (I above II) — never two tiers for one day — and whether any post that day was an aid team.
    /// </summary>
    public static IEnumerable<SubsidyDay> Days(IEnumerable<SubsidyDay> logs) => logs
        .GroupBy(l => l.Day)
        .OrderBy(g => g.Key)
        .Select(g => new SubsidyDay(g.Key, g.Sum(l => l.Hours), g.Min(l => l.Tier), g.Any(l => l.AidTeam)));

    public static decimal DayUnits(decimal hours, D1D2SubsidyRules rules) =>
        hours <= 0 ? 0 : hours <= rules.HalfDayMaxHours.Value ? 0.5m : 1m;

    /// <summary>A person's lines from their duty logs (one per post and day).</summary>
    public static IReadOnlyList<SubsidyLineDraft> Compute(
        WorkerCategory category, IEnumerable<SubsidyDay> logs, Func<DateOnly, D1D2SubsidyRules> rulesOn) =>
        Compute(category, Days(logs).Select(d => new SubsidyDayGroup(d, 1)), rulesOn);

    /// <summary>A person's lines from their days already merged and grouped alike (<see cref="Group"/>).</summary>
    public static IReadOnlyList<SubsidyLineDraft> Compute(
        WorkerCategory category, IEnumerable<SubsidyDayGroup> days, Func<DateOnly, D1D2SubsidyRules> rulesOn)
    {
        // Each group of paid days as a part citing the parameters it rests on; parts with the same kind, rate, multiplier
        // and parameters (by key and effective date — short to hash) become one line.
        var parts = new List<(SubsidyKind Kind, decimal Units, int DaysInMonth, PolicyParameter<int> Rate, PolicyParameter<int>? Raise)>();
        foreach (var (day, count) in days)
        {
            var rules = rulesOn(day.Day);
            // A day before the parameters' first value (the start of the response) has no rate in force: nothing is paid for it.
            if (!rules.InForceOn(day.Day)) continue;
            var units = DayUnits(day.Hours, rules) * count;
            if (units == 0) continue;
            var dim = DateTime.DaysInMonth(day.Day.Year, day.Day.Month);
            if (rules.TierCategories.Value.Contains(category))
            {
                var rate = day.Tier == RiskClass.I ? rules.TierIYuan : rules.TierIIYuan;
                // The higher of the region's and (at an aid team) the aid multiplier; the line cites the one applied.
                var raise = day.AidTeam && rules.AidTeamMultiplierPercent.Value > rules.RegionMultiplierPercent.Value
                    ? rules.AidTeamMultiplierPercent : rules.RegionMultiplierPercent;
                if (rate.Value > 0)
                    parts.Add((day.Tier == RiskClass.I ? SubsidyKind.TierI : SubsidyKind.TierII, units, dim, rate, raise.Value == 100 ? null : raise));
                if (rules.AllowanceEnabled.Value)
                {
                    var monthly = day.Tier == RiskClass.I ? rules.AllowanceClass1MonthlyYuan : rules.AllowanceClass2MonthlyYuan;
                    if (monthly.Value > 0) parts.Add((SubsidyKind.EpidemicAllowance, units, dim, monthly, null));
                }
            }
            if (rules.TopUpCategories.Value.Contains(category) && rules.TopUpYuan.Value > 0)
                parts.Add((SubsidyKind.LocalTopUp, units, dim, rules.TopUpYuan, null));
            if (rules.MealYuan.Value > 0)
                parts.Add((SubsidyKind.Meal, units, dim, rules.MealYuan, null));
        }
        return parts
            .GroupBy(p => (p.Kind, p.DaysInMonth, p.Rate.Key, p.Rate.Value, p.Rate.EffectiveFrom, RaiseKey: p.Raise?.Key, RaiseValue: p.Raise?.Value, RaiseFrom: p.Raise?.EffectiveFrom))
            .Select(g =>
            {
                var (rate, raise) = (g.First().Rate, g.First().Raise);
                var multiplier = raise?.Value ?? 100;
                var units = g.Sum(p => p.Units);
                var amount = g.Key.Kind == SubsidyKind.EpidemicAllowance
                    ? units * rate.Value / g.Key.DaysInMonth
                    : units * rate.Value * multiplier / 100m;
                var source = raise is null ? rate.Source : $"{rate.Source}; ×{raise.Value}%: {raise.Source}";
                return new SubsidyLineDraft(g.Key.Kind, units, rate.Value, multiplier, Fen(amount), rate.Key, source);
            })
            .OrderBy(l => l.Kind).ThenBy(l => l.Rate)
            .ToList();
    }

    /// <summary>
    /// What tells apart the days of a period (at most <see cref="MaxPeriodDays"/>) for <see cref="Group"/>, from the rules in
    /// force on each day of it (of every profile concerned): the first day and each day a parameter takes effect, ascending —
    /// no parameter changes between two breaks; and the half-day limits, ascending.
    /// </summary>
    public static (DateOnly[] Breaks, int[] HalfDayLimits) Breaks(DateOnly from, DateOnly to, IEnumerable<D1D2SubsidyRules> rulesInForce)
    {
        if (to.DayNumber - from.DayNumber >= MaxPeriodDays) throw new ArgumentOutOfRangeException(nameof(to), "A period of at most 63 days.");
        var breaks = new SortedSet<DateOnly> { from };
        var limits = new SortedSet<int>();
        foreach (var rules in rulesInForce)
        {
            limits.Add(rules.HalfDayMaxHours.Value);
            foreach (var effective in new[]
                     {
                         rules.TierIYuan.EffectiveFrom, rules.TierIIYuan.EffectiveFrom, rules.TierCategories.EffectiveFrom,
                         rules.RegionMultiplierPercent.EffectiveFrom, rules.AidTeamMultiplierPercent.EffectiveFrom,
                         rules.HalfDayMaxHours.EffectiveFrom, rules.TopUpCategories.EffectiveFrom, rules.TopUpYuan.EffectiveFrom,
                         rules.MealYuan.EffectiveFrom, rules.AllowanceEnabled.EffectiveFrom, rules.AllowanceClass1MonthlyYuan.EffectiveFrom,
                         rules.AllowanceClass2MonthlyYuan.EffectiveFrom,
                     })
                if (effective > from && effective <= to) breaks.Add(effective);
        }
        return ([.. breaks], [.. limits]);
    }

    /// <summary>The longest period <see cref="PostDaysSql"/> takes: its days are bits of a <c>bigint</c>.</summary>
    public const int MaxPeriodDays = 63;

    /// <summary>
    /// One row per person and deployment with duty in a period (<c>@from</c> to <c>@to</c>), so that one row per person and
    /// post crosses the wire rather than one per day: the days worked as bits (day − @from), and for each half-day limit
    /// <c>@half0</c>, <c>@half1</c> … (<see cref="Breaks"/>) the days with hours at or under it; then whether the post is
    /// tier I and an aid team. A deployment has at most one log a day. The caller fills in <c>{0}</c>, joins to
    /// <c>duty_logs l</c>, and <c>{1}</c>, conditions; <see cref="HalfColumns"/> makes <c>{2}</c>.
    /// </summary>
    public const string PostDaysSql = """
        SELECT g.*, d.risk_class = 'I', d.post_kind = 'MedicalAidTeam'
        FROM (SELECT l.worker_id, l.deployment_id, bit_or(1::bigint << (l.day - @from)) AS days {2}
              FROM duty_logs l
              {0}
              WHERE l.day BETWEEN @from AND @to AND l.hours > 0 {1}
              GROUP BY l.worker_id, l.deployment_id) g
        JOIN deployments d ON d.id = g.deployment_id
        """;

    public static string HalfColumns(int limits) => string.Concat(Enumerable.Range(0, limits)
        .Select(i => $", bit_or(CASE WHEN l.hours <= @half{i} THEN 1::bigint << (l.day - @from) ELSE 0 END)"));

    /// <summary>
    /// A person's duty at their posts (<see cref="PostDaysSql"/>) as groups of days the rule treats alike: by post, the
    /// period between two breaks, and the half-day limits the day falls under — the group's hours are the lowest limit
    /// at or above the days' hours, or above every limit, so that they compare with each limit as each day does. Null
    /// when two posts share a day: that day's hours must be added up first (<see cref="Days"/> on the logs).
    /// </summary>
    public static List<SubsidyDayGroup>? Group(DateOnly from, IEnumerable<SubsidyPostDays> posts, DateOnly[] breaks, int[] halfDayLimits)
    {
        var groups = new List<SubsidyDayGroup>();
        var seen = 0L;
        foreach (var post in posts)
        {
            if ((seen & post.Days) != 0) return null;
            seen |= post.Days;
            for (var b = 0; b < breaks.Length; b++)
            {
                var start = breaks[b].DayNumber - from.DayNumber;
                var end = b + 1 < breaks.Length ? breaks[b + 1].DayNumber - from.DayNumber : MaxPeriodDays;
                var period = post.Days & (Bits(end) & ~Bits(start));
                for (var k = 0; k <= halfDayLimits.Length && period != 0; k++)
                {
                    var under = k < halfDayLimits.Length ? post.HalfUnder[k] : post.Days;
                    var days = period & under;
                    if (days == 0) continue;
                    period &= ~under;
                    var hours = k < halfDayLimits.Length ? halfDayLimits[k] : halfDayLimits.Length == 0 ? 24 : halfDayLimits[^1] + 1;
                    var first = from.AddDays(System.Numerics.BitOperations.TrailingZeroCount(days));
                    groups.Add(new SubsidyDayGroup(new SubsidyDay(first, hours, post.Tier, post.AidTeam), System.Numerics.BitOperations.PopCount((ulong)days)));
                }
            }
        }
        return groups;

        static long Bits(int n) => n >= 64 ? -1L : (1L << n) - 1;
    }

    /// <summary>Rounded to the fen (分), half away from zero (四舍五入).</summary>
    public static decimal Fen(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero);
}
