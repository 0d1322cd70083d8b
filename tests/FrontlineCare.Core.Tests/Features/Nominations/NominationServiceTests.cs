using System.Text;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Files;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace FrontlineCare.Core.Tests.Features.Nominations;

/// <summary>Nominations (F7) within the excellent quota (F6), on the real database. The fixture's today is 2026-11-23.</summary>
public sealed class NominationServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const int Year = 2026;
    private NominationService Service => fixture.Get<NominationService>();

    /// <summary>A new community under 海门街道 with <paramref name="people"/> workers deployed this year.</summary>
    private async Task<(Guid UnitId, List<Guid> Workers)> CommunityAsync(int people, StaffCategory category = StaffCategory.CivilServant)
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        var workers = new List<Guid>();
        for (var i = 0; i < people; i++)
        {
            var worker = await fixture.AddWorkerAsync(unit.Id);
            await fixture.AddDeploymentAsync(worker.Id, new DateOnly(Year, 3, 1), new DateOnly(Year, 4, 30));
            workers.Add(worker.Id);
        }
        await using var db = fixture.NewContext();
        await db.Workers.Where(w => w.UnitId == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.StaffCategory, category));
        return (unit.Id, workers);
    }

    private static NominationForm Individual(Guid workerId, AwardKind kind = AwardKind.AnnualEvaluationExcellent) => new()
    {
        NomineeKind = NomineeKind.Individual, WorkerId = workerId, Year = Year, Kind = kind, Deeds = "连续值守卡口 60 天，排查返乡人员 3,000 余人次。",
    };

    private async Task<Guid> NominateAsync(Guid workerId, AwardKind kind = AwardKind.AnnualEvaluationExcellent)
    {
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var result = await Service.SubmitAsync(Individual(workerId, kind), []);
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)) + result.Message);
        return result.Value;
    }

    private async Task<NominationDetail> DetailAsync(Guid id) => (await Service.GetAsync(id)).Value!;

    [Fact]
    public async Task A_committee_nominates_and_the_facts_the_portal_knows_come_with_it()
    {
        var (_, workers) = await CommunityAsync(1);

        var id = await NominateAsync(workers[0]);

        var detail = await DetailAsync(id);
        (detail.Status, detail.Level, detail.RequiredLevels).ShouldBe((NominationStatus.InReview, 1, 1));
        detail.Facts.Deployments.ShouldBe(1);
        detail.Facts.FirstDeployed.ShouldBe(new DateOnly(Year, 3, 1));
        detail.Facts.Places.ShouldBe("台州站出站口");
        detail.Steps.ShouldHaveSingleItem().Action.ShouldBe(NominationAction.Submitted);
        detail.Quota.ShouldBe(new QuotaUse(1, 1, 1));
        detail.CanWithdraw.ShouldBeTrue();
        detail.CanReview.ShouldBeFalse();
    }

    [Fact]
    public async Task The_excellent_quota_refuses_the_nomination_over_it_with_the_numbers()
    {
        var (_, workers) = await CommunityAsync(10); // 30% of 10 = 3 places
        foreach (var worker in workers.Take(3)) await NominateAsync(worker);

        var over = await Service.SubmitAsync(Individual(workers[3]), []);

        over.Status.ShouldBe(ResultStatus.Invalid);
        over.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(nameof(NominationForm.Kind), string.Format(Messages.QuotaExcellentFull, Year, 10, 30, 3, 3)));
        // Commendations are not limited by ratio in ZJ: the same person can still be nominated for one.
        (await Service.SubmitAsync(Individual(workers[3], AwardKind.Commendation), [])).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task A_withdrawn_or_rejected_nomination_gives_its_place_back()
    {
        var (_, workers) = await CommunityAsync(3); // one place
        var first = await NominateAsync(workers[0]);
        (await Service.SubmitAsync(Individual(workers[1]), [])).Status.ShouldBe(ResultStatus.Invalid);

        (await Service.WithdrawAsync(first, (await DetailAsync(first)).Version)).IsOk.ShouldBeTrue();

        (await Service.SubmitAsync(Individual(workers[1]), [])).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task Two_committees_taking_the_last_place_at_once_get_one_place()
    {
        var (_, workers) = await CommunityAsync(3); // one place
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var results = await Task.WhenAll(workers.Take(2).Select(w => Task.Run(() => Service.SubmitAsync(Individual(w), []))));

        results.Count(r => r.IsOk).ShouldBe(1);
        results.Count(r => r.Status == ResultStatus.Invalid).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_nominations_are_refused_field_by_field_and_nothing_is_saved()
    {
        var (unitId, workers) = await CommunityAsync(1, StaffCategory.PublicInstitution);
        var undeployed = await fixture.AddWorkerAsync(unitId);
        var outsider = await fixture.AddWorkerAsync("白云社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        // 记三等功 is on the civil-servant ladder, not the public-institution one (记功).
        (await Service.SubmitAsync(Individual(workers[0], AwardKind.ThirdClassMerit), [])).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError(nameof(NominationForm.Kind), Messages.NominationKindNotOnLadder));
        (await Service.SubmitAsync(Individual(undeployed.Id, AwardKind.AdvancedIndividual), [])).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError(nameof(NominationForm.WorkerId), string.Format(Messages.NominationNotFrontline, Year)));
        (await Service.SubmitAsync(Individual(outsider.Id), [])).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError(nameof(NominationForm.WorkerId), Messages.Required));
        var blank = await Service.SubmitAsync(Individual(workers[0], AwardKind.MeritCitation), [new UploadedFile("evil.pdf", "MZ\x90\0"u8.ToArray())]);
        blank.Errors.ShouldContain(new FieldError("Files", string.Format(Messages.FileTypeRefused, "evil.pdf")));
        var huge = new byte[EvidenceFiles.MaxBytes + 1];
        "%PDF-"u8.CopyTo(huge);
        (await Service.SubmitAsync(Individual(workers[0], AwardKind.MeritCitation), [new UploadedFile("扫描件.pdf", huge)])).Errors
            .ShouldContain(new FieldError("Files", string.Format(Messages.FileTooLarge, "扫描件.pdf", 10)));
        var noDeeds = Individual(workers[0], AwardKind.MeritCitation);
        noDeeds.Deeds = "  ";
        noDeeds.Year = 2019;
        var errors = (await Service.SubmitAsync(noDeeds, [])).Errors.Select(e => e.Field).ToList();
        errors.ShouldBe([nameof(NominationForm.Year), nameof(NominationForm.Deeds)], ignoreOrder: true);

        await using var db = fixture.NewContext();
        (await db.Nominations.AnyAsync(n => n.UnitId == unitId || n.WorkerId == outsider.Id)).ShouldBeFalse();
        (await db.StoredFiles.AnyAsync(f => f.FileName == "evil.pdf")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_supervisor_returns_the_committee_resubmits_and_the_supervisor_approves()
    {
        var (_, workers) = await CommunityAsync(4);
        var id = await NominateAsync(workers[0], AwardKind.Commendation);

        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        var queue = await Service.ListAsync(new NominationQuery { ToReview = true, PageSize = 100 });
        queue.Items.ShouldContain(i => i.Id == id);
        (await Service.DecideAsync(new NominationDecision(id, (await DetailAsync(id)).Version, DecisionKind.Return, " "))).Errors.ShouldHaveSingleItem()
            .Message.ShouldBe(Messages.NominationReturnComment);
        (await Service.DecideAsync(new NominationDecision(id, (await DetailAsync(id)).Version, DecisionKind.Return, "请补充核酸采样点的工作量"))).IsOk.ShouldBeTrue();

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var returned = await DetailAsync(id);
        (returned.Status, returned.CanResubmit).ShouldBe((NominationStatus.Returned, true));
        returned.Steps.Last().Comment.ShouldBe("请补充核酸采样点的工作量");
        var pdf = new UploadedFile("事迹材料.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%test\n"));
        (await Service.ResubmitAsync(id, returned.Version, returned.Deeds + "另负责核酸采样点 12 天。", [pdf])).IsOk.ShouldBeTrue();

        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        var resubmitted = await DetailAsync(id);
        resubmitted.Attachments.ShouldHaveSingleItem().ContentType.ShouldBe("application/pdf");
        (await Service.DecideAsync(new NominationDecision(id, resubmitted.Version, DecisionKind.Approve, null))).IsOk.ShouldBeTrue();
        var approved = await DetailAsync(id);
        approved.Status.ShouldBe(NominationStatus.Approved);
        approved.Steps.Select(s => s.Action).ShouldBe([NominationAction.Submitted, NominationAction.Returned, NominationAction.Resubmitted, NominationAction.Approved]);
        (await Service.AttachmentAsync(id, resubmitted.Attachments[0].FileId)).Value!.Content.ShouldBe(pdf.Content);
        (await Service.AttachmentAsync(id, Guid.NewGuid())).Status.ShouldBe(ResultStatus.NotFound);
        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.AttachmentAsync(id, resubmitted.Attachments[0].FileId)).Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task A_decided_nomination_cannot_be_decided_again_and_two_supervisors_at_once_make_one_decision()
    {
        var (_, workers) = await CommunityAsync(2);
        var id = await NominateAsync(workers[0], AwardKind.Commendation);
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        var version = (await DetailAsync(id)).Version;
        var home = await fixture.UnitIdAsync("椒江区");
        NominationService As(string name)
        {
            var user = new TestUser();
            user.Become(Roles.Supervisor, home, name);
            return new NominationService(fixture.Get<IDbContextFactory<AppDbContext>>(), fixture.Get<PolicyProfileService>(), fixture.Get<QuotaService>(),
                user, fixture.Clock, NullLogger<NominationService>.Instance);
        }

        var results = await Task.WhenAll(
            Task.Run(() => As("甲").DecideAsync(new NominationDecision(id, version, DecisionKind.Approve, null))),
            Task.Run(() => As("乙").DecideAsync(new NominationDecision(id, version, DecisionKind.Reject, "事迹不够突出"))));

        results.Count(r => r.IsOk).ShouldBe(1);
        results.Single(r => !r.IsOk).ShouldBe(Result.Conflict(Messages.NominationAlreadyDecided));
        (await DetailAsync(id)).Steps.Count(s => s.Action is NominationAction.Approved or NominationAction.Rejected).ShouldBe(1);
        (await Service.DecideAsync(new NominationDecision(id, (await DetailAsync(id)).Version, DecisionKind.Approve, null)))
            .ShouldBe(Result.Conflict(Messages.NominationAlreadyDecided));
    }

    [Fact]
    public async Task Nobody_reviews_their_own_nomination_and_committees_cannot_review()
    {
        var (_, workers) = await CommunityAsync(2);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var id = (await Service.SubmitAsync(Individual(workers[0], AwardKind.Commendation), [])).Value;
        var version = (await DetailAsync(id)).Version;

        (await Service.DecideAsync(new NominationDecision(id, version, DecisionKind.Approve, null))).Status.ShouldBe(ResultStatus.Forbidden);
        // The same account acting as a supervisor (a person with both duties) still may not decide it.
        fixture.User.Role = Roles.Supervisor;
        (await Service.DecideAsync(new NominationDecision(id, version, DecisionKind.Approve, null))).ShouldBe(Result.Forbidden(Messages.NominationOwnSubmission));
        (await Service.ListAsync(new NominationQuery { ToReview = true, PageSize = 100 })).Items.ShouldNotContain(i => i.Id == id);
    }

    [Theory]
    [InlineData(Roles.Supervisor, "白云街道", false)]
    [InlineData(Roles.Supervisor, "椒江区", true)]
    [InlineData(Roles.Supervisor, "府山街道", false)]
    [InlineData(Roles.UnitCommittee, "白云街道", false)]
    [InlineData(Roles.OrgDepartment, "椒江区", true)]
    public async Task Only_the_jurisdiction_sees_a_nomination_and_only_its_supervisors_decide_it(string role, string home, bool sees)
    {
        var (_, workers) = await CommunityAsync(1);
        var id = await NominateAsync(workers[0], AwardKind.Commendation);
        var version = (await DetailAsync(id)).Version;
        await fixture.UseAsync(role, home);

        (await Service.GetAsync(id)).IsOk.ShouldBe(sees);
        (await Service.ListAsync(new NominationQuery { PageSize = 100 })).Items.Any(i => i.Id == id).ShouldBe(sees);
        var decided = await Service.DecideAsync(new NominationDecision(id, version, DecisionKind.Approve, null));
        decided.IsOk.ShouldBe(role == Roles.Supervisor && sees);
        // A supervisor outside finds no such nomination; another role may not decide at all.
        if (!decided.IsOk) decided.Status.ShouldBe(role == Roles.Supervisor ? ResultStatus.NotFound : ResultStatus.Forbidden);
    }

    [Fact]
    public async Task A_supervisor_approves_several_at_once_and_each_is_checked_on_its_own()
    {
        var (_, workers) = await CommunityAsync(3);
        var a = await NominateAsync(workers[0], AwardKind.Commendation);
        var b = await NominateAsync(workers[1], AwardKind.Commendation);
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        var queue = (await Service.ListAsync(new NominationQuery { ToReview = true, PageSize = 100 })).Items.Where(i => i.Id == a || i.Id == b).ToList();
        // Someone else rejects b in the meantime.
        (await Service.DecideAsync(new NominationDecision(b, queue.Single(i => i.Id == b).Version, DecisionKind.Reject, "重复推荐"))).IsOk.ShouldBeTrue();

        var outcomes = await Service.ApproveManyAsync(queue);

        outcomes.Single(o => o.Id == a).Result.IsOk.ShouldBeTrue();
        outcomes.Single(o => o.Id == b).Result.ShouldBe(Result.Conflict(Messages.NominationAlreadyDecided));
        (await DetailAsync(a)).Status.ShouldBe(NominationStatus.Approved);
        (await DetailAsync(b)).Status.ShouldBe(NominationStatus.Rejected);
    }

    [Fact]
    public async Task The_quota_overview_shows_participants_places_and_use_per_unit()
    {
        var (unitId, workers) = await CommunityAsync(10);
        await NominateAsync(workers[0]);
        var approvedId = await NominateAsync(workers[1]);
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Service.DecideAsync(new NominationDecision(approvedId, (await DetailAsync(approvedId)).Version, DecisionKind.Approve, null))).IsOk.ShouldBeTrue();

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var row = (await fixture.Get<QuotaService>().OverviewAsync(Year)).Single(r => r.UnitId == unitId);

        (row.Participants, row.Excellent, row.ExcellentApproved).ShouldBe((10, new QuotaUse(10, 3, 2), 1));
        row.Excellent.Remaining.ShouldBe(1);
        row.Caps.ShouldBeEmpty(); // ZJ sets no caps
    }

    [Fact]
    public async Task An_approved_commendation_carries_a_story_and_photo_into_the_jurisdictions_gallery()
    {
        var (_, workers) = await CommunityAsync(1);
        var id = await NominateAsync(workers[0], AwardKind.Commendation);
        var png = new UploadedFile("照片.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);

        // Not before it is approved.
        (await Service.PublicizeAsync(id, (await DetailAsync(id)).Version, "坚守卡口 40 天的社区书记", png)).ShouldBe(Result.Conflict(Messages.NominationNotApproved));
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Service.DecideAsync(new NominationDecision(id, (await DetailAsync(id)).Version, DecisionKind.Approve, null))).IsOk.ShouldBeTrue();
        // A supervisor does not publicise; a PDF is not a photo; a story is required.
        (await Service.PublicizeAsync(id, (await DetailAsync(id)).Version, "故事", null)).Status.ShouldBe(ResultStatus.Forbidden);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var version = (await DetailAsync(id)).Version;
        var bad = await Service.PublicizeAsync(id, version, " ", new UploadedFile("事迹.pdf", "%PDF-1.4"u8.ToArray()));
        bad.Errors.Select(e => e.Field).ShouldBe(["Story", "Photo"], ignoreOrder: true);

        (await Service.PublicizeAsync(id, version, "坚守卡口 40 天的社区书记", png)).IsOk.ShouldBeTrue();

        var detail = await DetailAsync(id);
        (detail.Story, detail.HasPhoto).ShouldBe(("坚守卡口 40 天的社区书记", true));
        (await Service.PhotoAsync(id)).Value!.ContentType.ShouldBe("image/png");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Service.GalleryAsync()).ShouldContain(g => g.Id == id && g.HasPhoto && g.Story == "坚守卡口 40 天的社区书记");
        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.GalleryAsync()).ShouldNotContain(g => g.Id == id);
        (await Service.PhotoAsync(id)).Status.ShouldBe(ResultStatus.NotFound);
    }
}
