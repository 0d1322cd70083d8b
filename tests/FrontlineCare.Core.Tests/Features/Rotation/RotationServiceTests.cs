using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Features.Rotation;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;

namespace FrontlineCare.Core.Tests.Features.Rotation;

/// <summary>Rotation plans: proposed around leave and forced rest, adjusted, published with confirmation, within jurisdiction.</summary>
public sealed class RotationServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Tomorrow = new(2026, 11, 24);

    private RotationService Rotation => fixture.Get<RotationService>();

    /// <summary>A post with <paramref name="people"/> workers of 东山社区 deployed from a month ago, open-ended.</summary>
    private async Task<(string Place, List<Guid> Workers)> PostAsync(int people)
    {
        var place = "排班测试" + Guid.NewGuid().ToString("N")[..6];
        var workers = new List<Guid>();
        for (var i = 0; i < people; i++)
        {
            var worker = await fixture.AddWorkerAsync("东山社区");
            await fixture.AddDeploymentAsync(worker.Id, Tomorrow.AddDays(-30), null, place);
            workers.Add(worker.Id);
        }
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        return (place, workers);
    }

    private async Task<RotationPlanView> ProposeAsync(string place, int min, int days = 14)
    {
        var id = await Rotation.ProposeAsync(new RotationPlanForm { Place = place, From = Tomorrow, Days = days, MinStaffPerDay = min });
        id.IsOk.ShouldBeTrue(string.Join("; ", id.Errors));
        return (await Rotation.GetAsync(id.Value)).Value!;
    }

    private static HashSet<(Guid, DateOnly)> OnDuty(RotationPlanView plan) =>
        plan.Rows.SelectMany(r => plan.Days.Where((_, i) => r.OnDuty[i]).Select(d => (r.DeploymentId, d))).ToHashSet();

    [Fact]
    public async Task A_proposal_keeps_the_minimum_every_day_and_gives_everyone_rest()
    {
        var (place, _) = await PostAsync(4);

        var plan = await ProposeAsync(place, min: 2);

        plan.Status.ShouldBe(RotationPlanStatus.Draft);
        plan.Rows.Count.ShouldBe(4);
        plan.Days.Count.ShouldBe(14);
        for (var i = 0; i < 14; i++) plan.Rows.Count(r => r.OnDuty[i]).ShouldBe(2);
        plan.Rows.ShouldAllBe(r => r.OnDuty.Count(d => !d) >= 2);
        plan.Issues.ShouldBeEmpty();
    }

    [Fact]
    public async Task Approved_leave_and_forced_rest_keep_people_off_the_plan()
    {
        var (place, workers) = await PostAsync(4);
        await using (var db = fixture.NewContext())
        {
            db.LeaveRequests.Add(new LeaveRequest
            {
                Id = Guid.CreateVersion7(), WorkerId = workers[0], Kind = LeaveKind.AnnualLeave, From = Tomorrow, To = Tomorrow.AddDays(2), Days = 3,
                Reason = "探亲", Status = LeaveRequestStatus.Approved,
            });
            db.ForcedRestCases.Add(new ForcedRestCase
            {
                Id = Guid.CreateVersion7(), WorkerId = workers[1], Kind = OverloadKind.ConsecutiveDays, PeriodFrom = Tomorrow.AddDays(-20),
                PeriodTo = Tomorrow.AddDays(-2), Value = 19, Limit = 13, Status = ForcedRestStatus.Open, OpenedAt = AppFixture.Now,
            });
            await db.SaveChangesAsync();
        }

        var plan = await ProposeAsync(place, min: 2);

        var onLeave = plan.Rows.Single(r => r.WorkerId == workers[0]);
        onLeave.Available.Take(3).ShouldAllBe(a => !a);
        onLeave.OnDuty.Take(3).ShouldAllBe(d => !d);
        var resting = plan.Rows.Single(r => r.WorkerId == workers[1]);
        resting.Available.ShouldAllBe(a => !a, "an open forced-rest case keeps the person off until the rest is scheduled");
        resting.OnDuty.ShouldAllBe(d => !d);
    }

    [Fact]
    public async Task An_under_staffed_plan_publishes_only_after_confirmation_and_then_is_fixed()
    {
        var (place, _) = await PostAsync(2);
        var plan = await ProposeAsync(place, min: 2, days: 7);
        plan.Issues.ShouldContain(i => i.Kind == RotationIssueKind.Understaffed, "two people cannot both work seven days in a row and rest");

        var unconfirmed = await Rotation.PublishAsync(plan.Id, plan.Version, confirmed: false);
        unconfirmed.Status.ShouldBe(ResultStatus.NeedsConfirmation);
        unconfirmed.Message!.ShouldContain("低于最低配置");
        (await Rotation.GetAsync(plan.Id)).Value!.Status.ShouldBe(RotationPlanStatus.Draft);

        (await Rotation.PublishAsync(plan.Id, plan.Version, confirmed: true)).IsOk.ShouldBeTrue();
        var published = (await Rotation.GetAsync(plan.Id)).Value!;
        (published.Status, published.UnderstaffedConfirmedBy, published.CanEdit).ShouldBe((RotationPlanStatus.Published, fixture.User.UserName, false));
        (await Rotation.SaveAsync(plan.Id, [], published.Version)).Message.ShouldBe(Messages.RotationPublished);
    }

    [Fact]
    public async Task Adjusting_a_draft_refuses_days_someone_cannot_work_and_detects_a_stale_copy()
    {
        var (place, workers) = await PostAsync(3);
        await using (var db = fixture.NewContext())
        {
            db.LeaveRequests.Add(new LeaveRequest
            {
                Id = Guid.CreateVersion7(), WorkerId = workers[2], Kind = LeaveKind.CompensatoryLeave, From = Tomorrow, To = Tomorrow, Days = 1,
                Reason = "补休", Status = LeaveRequestStatus.Approved,
            });
            await db.SaveChangesAsync();
        }
        var plan = await ProposeAsync(place, min: 1, days: 7);
        var away = plan.Rows.Single(r => r.WorkerId == workers[2]).DeploymentId;

        var refused = await Rotation.SaveAsync(plan.Id, [.. OnDuty(plan), (away, Tomorrow)], plan.Version);
        refused.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError($"{away}/{Tomorrow:yyyy-MM-dd}", Messages.RotationUnavailable));

        var fewer = OnDuty(plan).Where(a => a.Item2 != Tomorrow.AddDays(3)).ToList();
        (await Rotation.SaveAsync(plan.Id, fewer, plan.Version)).IsOk.ShouldBeTrue();
        var saved = (await Rotation.GetAsync(plan.Id)).Value!;
        saved.Issues.ShouldContain(new RotationIssue(RotationIssueKind.Understaffed, Tomorrow.AddDays(3), null, 0));
        (await Rotation.SaveAsync(plan.Id, OnDuty(plan), plan.Version)).Message.ShouldBe(Messages.ConcurrencyConflict, "the first save changed the plan");
    }

    [Fact]
    public async Task A_couple_on_the_same_post_is_kept_apart_when_someone_else_can_go()
    {
        var (place, workers) = await PostAsync(4);
        await fixture.MarryAsync(workers[0], workers[1]);

        var plan = await ProposeAsync(place, min: 2);

        var husband = plan.Rows.Single(r => r.WorkerId == workers[0]);
        var wife = plan.Rows.Single(r => r.WorkerId == workers[1]);
        Enumerable.Range(0, 14).ShouldAllBe(i => !(husband.OnDuty[i] && wife.OnDuty[i]));
        husband.SpouseName.ShouldNotBeNull();
    }

    [Fact]
    public async Task Bad_requests_and_other_jurisdictions_are_refused()
    {
        var (place, _) = await PostAsync(2);
        var bad = await Rotation.ProposeAsync(new RotationPlanForm { Place = place, From = Tomorrow.AddDays(-2), Days = 6, MinStaffPerDay = 0 });
        bad.Errors.Select(e => e.Field).ShouldBe(["From", "Days", "MinStaffPerDay"]);
        (await Rotation.ProposeAsync(new RotationPlanForm { Place = "没有人的地方", From = Tomorrow, Days = 7, MinStaffPerDay = 1 }))
            .Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Place", Messages.RotationNobodyDeployed));
        var plan = await ProposeAsync(place, min: 1, days: 7);

        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Rotation.GetAsync(plan.Id)).Status.ShouldBe(ResultStatus.NotFound);
        (await Rotation.PublishAsync(plan.Id, plan.Version, confirmed: true)).Status.ShouldBe(ResultStatus.NotFound);
        (await Rotation.ListAsync()).ShouldNotContain(p => p.Id == plan.Id);
        (await Rotation.ProposeAsync(new RotationPlanForm { Place = place, From = Tomorrow, Days = 7, MinStaffPerDay = 1 }))
            .Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.RotationNobodyDeployed, "海门街道's people are not 白云街道's to plan");

        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Rotation.DeleteAsync(plan.Id, plan.Version)).Status.ShouldBe(ResultStatus.Forbidden);
    }
}
