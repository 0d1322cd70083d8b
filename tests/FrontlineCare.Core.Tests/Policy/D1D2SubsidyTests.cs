using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

/// <summary>D1/D2 subsidy arithmetic against hand-worked examples.</summary>
public sealed class D1D2SubsidyTests
{
    private static readonly PolicyParameters Zj = PolicyCatalog.For(PolicyProfileCode.ZJ);

    private static SubsidyDay Log(int day, decimal hours, RiskClass tier = RiskClass.II, bool aid = false, int month = 11) =>
        new(new DateOnly(2026, month, day), hours, tier, aid);

    private static IReadOnlyList<SubsidyLineDraft> Compute(WorkerCategory category, IEnumerable<SubsidyDay> logs, PolicyParameters? p = null) =>
        D1D2Subsidy.Compute(category, logs, _ => (p ?? Zj).D1);

    [Fact]
    public void First_and_last_day_of_the_month_count_and_a_short_day_is_half()
    {
        // 1 and 30 November full days at tier II, 15 November 4 hours (= the half-day limit): 2.5 days × 200 = 500.00
        var lines = Compute(WorkerCategory.MedicalWorker, [Log(1, 8), Log(15, 4), Log(30, 10)]);
        lines.ShouldHaveSingleItem().ShouldBe(new SubsidyLineDraft(SubsidyKind.TierII, 2.5m, 200, 100, 500.00m, "D1.tierIIYuan", Zj.D1.TierIIYuan.Source));
        Compute(WorkerCategory.MedicalWorker, [Log(2, 4.5m)]).Single().Days.ShouldBe(1m); // just over: a whole day
    }

    [Fact]
    public void Two_posts_on_one_day_pay_the_higher_tier_once_on_the_hours_of_both()
    {
        // 3 h at a tier II checkpoint + 2 h in a tier I ward on the 5th: one whole day at tier I, nothing at tier II.
        var lines = Compute(WorkerCategory.MedicalWorker, [Log(5, 3, RiskClass.II), Log(5, 2, RiskClass.I), Log(6, 8, RiskClass.II)]);
        lines.Select(l => (l.Kind, l.Days, l.Amount)).ShouldBe([(SubsidyKind.TierI, 1m, 300m), (SubsidyKind.TierII, 1m, 200m)]);
    }

    [Fact]
    public void A_rate_change_mid_month_gives_a_line_per_rate_each_with_its_source()
    {
        var raised = Zj.With("D1.tierIYuan", "400", new DateOnly(2026, 11, 16), "测试：省里提高标准");
        // 1–15 Nov at 300, 16–20 Nov at 400: 15 × 300 + 5 × 400 = 6,500.00
        var logs = Enumerable.Range(1, 20).Select(d => Log(d, 8, RiskClass.I));
        var lines = D1D2Subsidy.Compute(WorkerCategory.MedicalWorker, logs, day => day.Day < 16 ? Zj.D1 : raised.D1);
        lines.Select(l => (l.Days, l.Rate, l.Amount, l.Source)).ShouldBe([(15m, 300m, 4500m, Zj.D1.TierIYuan.Source), (5m, 400m, 2000m, "测试：省里提高标准")]);
        lines.Sum(l => l.Amount).ShouldBe(6500.00m);
    }

    [Fact]
    public void An_aid_team_is_paid_double_but_never_compounded_with_the_region_multiplier()
    {
        Compute(WorkerCategory.MedicalWorker, [Log(3, 8, RiskClass.I, aid: true)]).Single()
            .ShouldSatisfyAllConditions(l => l.MultiplierPercent.ShouldBe(200), l => l.Amount.ShouldBe(600m));
        var hubei = Zj.With("D1.regionMultiplierPercent", "200", new DateOnly(2020, 1, 23), "湖北");
        Compute(WorkerCategory.MedicalWorker, [Log(3, 8, RiskClass.I, aid: true), Log(4, 8, RiskClass.II)], hubei)
            .Select(l => l.Amount).ShouldBe([600m, 400m]);
    }

    [Fact]
    public void Community_cadres_get_only_the_local_top_up_and_volunteers_nothing_unless_the_profile_says_so()
    {
        Compute(WorkerCategory.CommunityCadre, [Log(1, 8)]).ShouldBeEmpty(); // the county has set no amount
        var county = Zj.With("D1.topUpYuan", "80", new DateOnly(2020, 1, 23), "县里规定").With("D2.mealYuan", "30", new DateOnly(2020, 1, 23), "伙食");
        Compute(WorkerCategory.CommunityCadre, [Log(1, 8), Log(2, 3)], county).Select(l => (l.Kind, l.Days, l.Amount))
            .ShouldBe([(SubsidyKind.LocalTopUp, 1.5m, 120m), (SubsidyKind.Meal, 1.5m, 45m)]);
        Compute(WorkerCategory.Volunteer, [Log(1, 8)], county).Select(l => l.Kind).ShouldBe([SubsidyKind.Meal]);
    }

    [Fact]
    public void The_epidemic_allowance_is_paid_pro_rata_and_rounded_to_the_fen_once_per_line()
    {
        var hn = PolicyCatalog.For(PolicyProfileCode.HN);
        // 7 days at class 1 in a 30-day month: 7 / 30 × 560 = 130.666… → 130.67
        var lines = Compute(WorkerCategory.MedicalWorker, Enumerable.Range(1, 7).Select(d => Log(d, 8, RiskClass.I)), hn);
        lines.Single(l => l.Kind == SubsidyKind.EpidemicAllowance).Amount.ShouldBe(130.67m);
        lines.Single(l => l.Kind == SubsidyKind.TierI).Amount.ShouldBe(2100m);
        D1D2Subsidy.Fen(0.125m).ShouldBe(0.13m); // 四舍五入, not banker's rounding
    }

    /// <summary>A person's logs as <see cref="D1D2Subsidy.PostDaysSql"/> returns them: one entry per post (tier and aid team), days as bits from <paramref name="from"/>.</summary>
    private static List<SubsidyPostDays> Posts(DateOnly from, IEnumerable<(int Post, SubsidyDay Log)> logs, int[] limits) => logs
        .GroupBy(l => l.Post)
        .Select(g => new SubsidyPostDays(
            g.Aggregate(0L, (m, l) => m | 1L << (l.Log.Day.DayNumber - from.DayNumber)),
            [.. limits.Select(limit => g.Where(l => l.Log.Hours <= limit).Aggregate(0L, (m, l) => m | 1L << (l.Log.Day.DayNumber - from.DayNumber)))],
            g.First().Log.Tier, g.First().Log.AidTeam))
        .ToList();

    [Fact]
    public void Days_grouped_by_post_period_and_half_day_limit_pay_what_the_days_one_by_one_pay()
    {
        // From 16 Nov a second profile's rules: higher tier II rate and a 6-hour half-day limit. A person works up to three
        // posts; when two share a day, grouping gives way (null) and the day's hours are added up from the logs instead.
        var from = new DateOnly(2026, 11, 1);
        var hn = PolicyCatalog.For(PolicyProfileCode.HN);
        var later = hn.With("D1.tierIIYuan", "260", new DateOnly(2026, 11, 16), "测试").With("D1.halfDayMaxHours", "6", new DateOnly(2026, 11, 16), "测试");
        D1D2SubsidyRules RulesOn(DateOnly day) => day.Day < 16 ? hn.D1 : later.D1;
        var (breaks, limits) = D1D2Subsidy.Breaks(from, from.AddDays(29), Enumerable.Range(0, 30).Select(i => RulesOn(from.AddDays(i))));
        breaks.ShouldBe([from, new DateOnly(2026, 11, 16)]);
        limits.ShouldBe([4, 6]);

        var random = new Random(20200123);
        var (grouped, merged) = (0, 0);
        for (var person = 0; person < 300; person++)
        {
            var posts = random.Next(1, 4);
            var tiers = Enumerable.Range(0, posts).Select(_ => (Tier: random.Next(2) == 0 ? RiskClass.I : RiskClass.II, Aid: random.Next(4) == 0)).ToList();
            var logs = Enumerable.Range(0, posts)
                .SelectMany(p => Enumerable.Range(1, 30).Where(_ => random.Next(3) == 0)
                    .Select(d => (Post: p, Log: new SubsidyDay(new DateOnly(2026, 11, d), random.Next(1, 25) / 2m, tiers[p].Tier, tiers[p].Aid))))
                .ToList();
            var groups = D1D2Subsidy.Group(from, Posts(from, logs, limits), breaks, limits);
            var sharedDay = logs.GroupBy(l => l.Log.Day).Any(g => g.Count() > 1);
            (groups is null).ShouldBe(sharedDay);
            if (groups is null) { merged++; continue; }
            grouped++;
            groups.Sum(g => g.Count).ShouldBe(logs.Count);
            var category = person % 2 == 0 ? WorkerCategory.MedicalWorker : WorkerCategory.CommunityCadre;
            D1D2Subsidy.Compute(category, groups, RulesOn).ShouldBe(D1D2Subsidy.Compute(category, logs.Select(l => l.Log), RulesOn));
        }
        (grouped, merged).ShouldSatisfyAllConditions(c => c.grouped.ShouldBeGreaterThan(50), c => c.merged.ShouldBeGreaterThan(50));
    }

    [Fact]
    public void A_post_s_days_split_at_a_parameter_change_and_at_the_half_day_limit()
    {
        var from = new DateOnly(2026, 11, 1);
        var later = Zj.With("D1.tierIYuan", "400", new DateOnly(2026, 11, 16), "测试");
        DateOnly[] breaks = [from, new DateOnly(2026, 11, 16)];
        // 14 Nov 8 h, 15 Nov 3 h, 16 and 17 Nov 8 h, 18 Nov 4 h — at one tier I post.
        var logs = new[] { (14, 8m), (15, 3m), (16, 8m), (17, 8m), (18, 4m) }.Select(x => (Post: 0, Log: Log(x.Item1, x.Item2, RiskClass.I))).ToList();
        var groups = D1D2Subsidy.Group(from, Posts(from, logs, [4]), breaks, [4])!;
        groups.Select(g => (g.First.Day.Day, g.First.Hours, g.Count)).ShouldBe([(15, 4m, 1), (14, 5m, 1), (18, 4m, 1), (16, 5m, 2)]);
        // 1.5 days × 300 + 2.5 days × 400 = 1,450.00
        D1D2Subsidy.Compute(WorkerCategory.MedicalWorker, groups, day => day.Day < 16 ? Zj.D1 : later.D1).Sum(l => l.Amount).ShouldBe(1450.00m);
    }
}
