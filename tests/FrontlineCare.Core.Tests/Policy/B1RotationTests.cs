using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

/// <summary>B1 rotation proposals: the minimum kept, rest days given, leave respected, couples kept apart when possible.</summary>
public sealed class B1RotationTests
{
    private static readonly DateOnly Start = new(2026, 11, 30);
    private static readonly RotationLimits TwoPerDay = new(MinStaffPerDay: 2, MaxConsecutiveDays: 13, MinRestDaysPer7: 1);

    private static List<DateOnly> Days(int count) => Enumerable.Range(0, count).Select(i => Start.AddDays(i)).ToList();

    private static RotationCandidate Person(int n, IEnumerable<DateOnly> available, Guid? spouse = null, Guid? worker = null) =>
        new(new Guid(n, 0, 0, new byte[8]), worker ?? new Guid(0, (short)n, 0, new byte[8]), spouse, available.ToHashSet(), 0, []);

    [Fact]
    public void Four_people_two_a_day_for_two_weeks_keep_the_minimum_share_the_work_and_all_rest()
    {
        var days = Days(14);
        var people = Enumerable.Range(1, 4).Select(n => Person(n, days)).ToList();

        var (onDuty, issues) = B1Rotation.Propose(days, people, TwoPerDay);

        issues.ShouldBeEmpty();
        onDuty.Values.ShouldAllBe(d => d.Count == 2);
        var worked = people.Select(p => onDuty.Count(d => d.Value.Contains(p.DeploymentId))).ToList();
        (worked.Max() - worked.Min()).ShouldBeLessThanOrEqualTo(1);
        var set = onDuty.SelectMany(d => d.Value.Select(id => (id, d.Key))).ToHashSet();
        B1Rotation.Check(days, people, set, TwoPerDay).ShouldBeEmpty();
    }

    [Fact]
    public void Nobody_works_more_than_six_days_in_seven_even_when_the_post_runs_short()
    {
        var days = Days(14);
        var people = Enumerable.Range(1, 2).Select(n => Person(n, days)).ToList();

        var (onDuty, issues) = B1Rotation.Propose(days, people, TwoPerDay);

        foreach (var p in people)
            for (var i = 0; i + 7 <= 14; i++)
                days.Skip(i).Take(7).Count(d => onDuty[d].Contains(p.DeploymentId)).ShouldBeLessThanOrEqualTo(6);
        issues.ShouldAllBe(i => i.Kind == RotationIssueKind.Understaffed && i.Unavoidable);
        issues.ShouldNotBeEmpty();
    }

    [Fact]
    public void Approved_leave_and_forced_rest_days_are_never_proposed()
    {
        var days = Days(7);
        var onLeave = Person(1, days.Skip(3));
        var people = new[] { onLeave, Person(2, days), Person(3, days) };

        var (onDuty, _) = B1Rotation.Propose(days, people, TwoPerDay);

        days.Take(3).ShouldAllBe(d => !onDuty[d].Contains(onLeave.DeploymentId));
    }

    [Fact]
    public void A_couple_is_on_the_same_day_only_when_nobody_else_can_go_and_the_plan_says_so()
    {
        var days = Days(7);
        var husband = Guid.NewGuid();
        var wife = Guid.NewGuid();
        var other = Person(3, days.Where(d => d != days[4]));
        var people = new[] { Person(1, days, spouse: wife, worker: husband), Person(2, days, spouse: husband, worker: wife), other };

        var (onDuty, issues) = B1Rotation.Propose(days, people, TwoPerDay);

        var coupleDays = days.Where(d => onDuty[d].Contains(people[0].DeploymentId) && onDuty[d].Contains(people[1].DeploymentId)).ToList();
        coupleDays.ShouldContain(days[4], "the third person is away that day");
        issues.Where(i => i.Kind == RotationIssueKind.CoupleSameDay).Select(i => i.Day).ShouldBe(coupleDays);
        issues.ShouldAllBe(i => i.Unavoidable);
    }

    [Fact]
    public void Checking_a_changed_plan_finds_missing_rest_leave_days_and_short_days()
    {
        var days = Days(8);
        var tireless = Person(1, days);
        var away = Person(2, days.Skip(1));
        var onDuty = days.Select(d => (tireless.DeploymentId, d)).Append((away.DeploymentId, days[0])).ToHashSet();

        var issues = B1Rotation.Check(days, [tireless, away], onDuty, TwoPerDay);

        issues.ShouldContain(new RotationIssue(RotationIssueKind.NoRest, days[6], tireless.DeploymentId, 1));
        issues.ShouldContain(new RotationIssue(RotationIssueKind.Unavailable, days[0], away.DeploymentId, 1));
        issues.Count(i => i.Kind == RotationIssueKind.Understaffed).ShouldBe(7);
    }
}
