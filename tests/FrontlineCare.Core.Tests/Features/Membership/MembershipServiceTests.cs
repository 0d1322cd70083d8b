using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Membership;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Membership;

/// <summary>F1 fast-track admission on the real database; today is 2026-11-23.</summary>
public sealed class MembershipServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MembershipService Service => fixture.Get<MembershipService>();

    private async Task<FrontlineWorker> ActivistAsync(DateTime? applied, DateTime? activist)
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.AddDeploymentAsync(worker.Id, new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30));
        await using (var db = fixture.NewContext())
            await db.Workers.Where(w => w.Id == worker.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.PoliticalStatus, PoliticalStatus.Masses));
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.SaveTrackAsync(new MembershipTrackForm
        {
            WorkerId = worker.Id, AppliedOn = applied, ActivistSince = activist, TrainingHours = 24, Contacts = "张明、李华",
        })).IsOk.ShouldBeTrue();
        return worker;
    }

    [Fact]
    public async Task An_activist_is_fast_tracked_through_the_branch_vote_and_the_higher_committees_approval()
    {
        var worker = await ActivistAsync(new DateTime(2025, 12, 1), new DateTime(2026, 6, 1));
        (await Service.OpenAsync(new FastTrackForm { WorkerId = worker.Id, Route = FastTrackRoute.ActivistShortTraining, Deeds = "连续 60 天值守隔离点" })).IsOk.ShouldBeTrue();

        var summary = (await Service.SummaryAsync(worker.Id)).Value!;
        summary.Status.ShouldBe(PoliticalStatus.Activist);
        var view = summary.Cases.ShouldHaveSingleItem();
        view.Waivers.ShouldBe([FastTrackWaiver.ActivistMinimum, FastTrackWaiver.AnnualPlan]); // activist for under a year; ZJ is quota-exempt
        (view.CanVote, view.CanDecide).ShouldBe((true, false));

        // The higher committee cannot decide before the branch has voted; the branch's own committee cannot decide at all.
        (await Service.DecideAsync(new FastTrackDecisionForm(view.Case.Id, view.Case.Version, true, new DateTime(2026, 11, 20), null))).ShouldBe(Result.Forbidden(Messages.MembershipHigherOnly));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Service.DecideAsync(new FastTrackDecisionForm(view.Case.Id, view.Case.Version, true, new DateTime(2026, 11, 20), null))).ShouldBe(Result.Conflict(Messages.MembershipWrongStep));

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.RecordVoteAsync(new BranchVoteForm(view.Case.Id, view.Case.Version, new DateTime(2026, 11, 23), 9, 10))).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.MembershipVotes);
        (await Service.RecordVoteAsync(new BranchVoteForm(view.Case.Id, view.Case.Version, new DateTime(2026, 11, 23), 9, 7))).IsOk.ShouldBeTrue();

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        view = (await Service.SummaryAsync(worker.Id)).Value!.Cases.Single();
        (view.Case.Status, view.CanDecide, view.ApprovalDue).ShouldBe((FastTrackStatus.BranchVoted, true, new DateOnly(2027, 2, 23)));
        (await Service.DecideAsync(new FastTrackDecisionForm(view.Case.Id, view.Case.Version, true, new DateTime(2026, 11, 23), "同意接收为预备党员"))).IsOk.ShouldBeTrue();

        var done = (await Service.SummaryAsync(worker.Id)).Value!;
        done.Status.ShouldBe(PoliticalStatus.PartyMember);
        (done.Cases.Single().Case.Status, done.Cases.Single().Case.ProbationEnds).ShouldBe((FastTrackStatus.Approved, new DateOnly(2027, 11, 23)));
    }

    [Fact]
    public async Task A_branch_vote_without_a_majority_ends_the_case_and_routes_are_checked()
    {
        var applicant = await ActivistAsync(new DateTime(2026, 3, 1), null);
        (await Service.OpenAsync(new FastTrackForm { WorkerId = applicant.Id, Route = FastTrackRoute.ActivistShortTraining, Deeds = "x" })).Errors.ShouldHaveSingleItem()
            .Message.ShouldBe(Messages.MembershipNotActivist);
        (await Service.OpenAsync(new FastTrackForm { WorkerId = applicant.Id, Route = FastTrackRoute.AppliedAtFrontline, Deeds = "冲锋在前" })).IsOk.ShouldBeTrue();
        (await Service.OpenAsync(new FastTrackForm { WorkerId = applicant.Id, Route = FastTrackRoute.AppliedAtFrontline, Deeds = "again" })).Errors.ShouldHaveSingleItem()
            .Message.ShouldBe(Messages.MembershipCaseOpen);

        var view = (await Service.SummaryAsync(applicant.Id)).Value!.Cases.Single();
        (await Service.RecordVoteAsync(new BranchVoteForm(view.Case.Id, view.Case.Version, new DateTime(2026, 11, 23), 10, 5))).IsOk.ShouldBeTrue(); // half is not more than half
        (await Service.SummaryAsync(applicant.Id)).Value!.Cases.Single().Case.Status.ShouldBe(FastTrackStatus.Refused);

        var late = await ActivistAsync(new DateTime(2026, 6, 1), null); // applied after the deployment ended
        (await Service.OpenAsync(new FastTrackForm { WorkerId = late.Id, Route = FastTrackRoute.AppliedAtFrontline, Deeds = "x" })).Errors.ShouldHaveSingleItem()
            .Message.ShouldBe(Messages.MembershipAppliedAfterFrontline);
    }

    [Fact]
    public async Task Bad_track_dates_and_another_jurisdiction_are_refused()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var bad = await Service.SaveTrackAsync(new MembershipTrackForm { WorkerId = worker.Id, AppliedOn = new DateTime(2026, 6, 1), ActivistSince = new DateTime(2026, 5, 1) });
        bad.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(nameof(MembershipTrackForm.ActivistSince), Messages.MembershipActivistBeforeApplication));
        (await Service.SaveTrackAsync(new MembershipTrackForm { WorkerId = worker.Id, AppliedOn = new DateTime(2026, 12, 1) })).Errors.ShouldHaveSingleItem()
            .Field.ShouldBe(nameof(MembershipTrackForm.AppliedOn));

        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.SaveTrackAsync(new MembershipTrackForm { WorkerId = worker.Id, AppliedOn = new DateTime(2026, 6, 1) })).Status.ShouldBe(ResultStatus.NotFound);
        await using var db = fixture.NewContext();
        (await db.MembershipTracks.AnyAsync(t => t.WorkerId == worker.Id)).ShouldBeFalse();
    }
}
