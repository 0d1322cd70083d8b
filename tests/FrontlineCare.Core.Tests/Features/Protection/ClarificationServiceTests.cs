using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Protection;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Protection;

/// <summary>G2 name-clearing cases on the real database: what may be cleared, how, in which order, and by whom it is seen.</summary>
public sealed class ClarificationServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private ClarificationService Service => fixture.Get<ClarificationService>();

    private async Task<Guid> OpenAsync(Guid unitId, Guid? sameMatterAs = null, Guid? workerId = null)
    {
        workerId ??= (await fixture.AddWorkerAsync(unitId, name: "澄清丙")).Id;
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var result = await Service.SaveAsync(new ClarificationCaseForm
        {
            WorkerId = workerId, ReceivedOn = Today.AddDays(-15), Source = "12388举报平台", Allegation = "举报其在卡口值守期间擅离岗位", SameMatterAsId = sameMatterAs,
        });
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors) + result.Message);
        return result.Value;
    }

    private async Task<Result> StepAsync(Guid id, ClarificationStage stage, ReportConclusion? conclusion = null) =>
        await Service.AdvanceAsync(id, new ClarificationStepForm
        {
            Stage = stage, On = Today, Conclusion = conclusion, Note = "调取值班记录和监控", ApprovedBy = "椒江区纪委", Version = (await Service.GetAsync(id)).Value!.Case.Version,
        });

    private async Task<Result> RecordAsync(Guid id, DateOnly? consent, params ClarificationMethod[] methods)
    {
        var c = (await Service.GetAsync(id)).Value!.Case;
        return await Service.SaveAsync(new ClarificationCaseForm
        {
            Id = id, WorkerId = c.WorkerId, ReceivedOn = c.ReceivedOn, Source = c.Source, Allegation = c.Allegation, SameMatterAsId = c.SameMatterAsId,
            ConsentOn = consent, Methods = [.. methods], Audience = "街道机关全体干部", Version = c.Version,
        });
    }

    [Fact]
    public async Task An_untrue_report_is_cleared_with_consent_by_an_allowed_method_in_order()
    {
        var id = await OpenAsync(await fixture.UnitIdAsync("东山社区"));
        (await StepAsync(id, ClarificationStage.Approved)).Message.ShouldBe(Messages.ClarificationOutOfOrder);
        (await StepAsync(id, ClarificationStage.Concluded, ReportConclusion.Untrue)).IsOk.ShouldBeTrue();
        (await StepAsync(id, ClarificationStage.Approved)).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("ConsentOn", Messages.ClarificationNoConsent));
        (await RecordAsync(id, Today.AddDays(-1))).IsOk.ShouldBeTrue();
        (await StepAsync(id, ClarificationStage.Approved)).Errors.ShouldHaveSingleItem().Field.ShouldBe("Methods"); // no method yet
        (await RecordAsync(id, Today.AddDays(-1), ClarificationMethod.Letter, ClarificationMethod.Meeting)).IsOk.ShouldBeTrue();
        (await StepAsync(id, ClarificationStage.Approved)).IsOk.ShouldBeTrue();
        var view = (await Service.GetAsync(id)).Value!;
        view.Clearing!.Due.ShouldBe(Today.AddDays(30));
        (await RecordAsync(id, Today, ClarificationMethod.Letter)).Message.ShouldBe(Messages.ClarificationApprovedLocked);
        (await StepAsync(id, ClarificationStage.Cleared)).IsOk.ShouldBeTrue();
        view = (await Service.GetAsync(id)).Value!;
        (view.Case.Stage, view.Clearing!.MetOn).ShouldBe((ClarificationStage.Cleared, Today));
        view.Case.Methods.ShouldBe([ClarificationMethod.Letter, ClarificationMethod.Meeting]);
    }

    [Fact]
    public async Task A_report_that_cannot_be_excluded_is_never_cleared()
    {
        var id = await OpenAsync(await fixture.UnitIdAsync("东山社区"));
        (await StepAsync(id, ClarificationStage.Concluded, ReportConclusion.NotExcluded)).IsOk.ShouldBeTrue();
        (await RecordAsync(id, Today, ClarificationMethod.Letter)).IsOk.ShouldBeTrue();
        (await StepAsync(id, ClarificationStage.Approved)).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Conclusion", Messages.ClarificationNotClearable));
        (await Service.GetAsync(id)).Value!.Case.Stage.ShouldBe(ClarificationStage.Concluded);
    }

    [Fact]
    public async Task Qiannan_requires_a_public_clarification()
    {
        var unit = await fixture.AddUnitAsync("海门街道", name: "黔南澄清社区");
        await using (var db = fixture.NewContext())
            await db.Units.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ProfileOverride, PolicyProfileCode.QN));
        var id = await OpenAsync(unit.Id);
        (await StepAsync(id, ClarificationStage.Concluded, ReportConclusion.Fabricated)).IsOk.ShouldBeTrue();
        (await RecordAsync(id, Today, ClarificationMethod.Letter)).IsOk.ShouldBeTrue();
        (await StepAsync(id, ClarificationStage.Approved)).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.ClarificationPublicRequired);
        (await RecordAsync(id, Today, ClarificationMethod.Letter, ClarificationMethod.PublicNotice)).IsOk.ShouldBeTrue();
        (await StepAsync(id, ClarificationStage.Approved)).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task A_report_about_a_concluded_matter_flags_the_person_as_repeatedly_reported()
    {
        var dongshan = await fixture.UnitIdAsync("东山社区");
        var first = await OpenAsync(dongshan);
        var workerId = (await Service.GetAsync(first)).Value!.Case.WorkerId;
        var early = await OpenAsync(dongshan, first, workerId);
        (await Service.GetAsync(early)).Value!.Repeated.ShouldBeFalse(); // the first is not concluded yet
        (await StepAsync(first, ClarificationStage.Concluded, ReportConclusion.Untrue)).IsOk.ShouldBeTrue();
        (await Service.GetAsync(early)).Value!.Repeated.ShouldBeTrue();
        (await Service.ListAsync()).Single(r => r.Id == early).Repeated.ShouldBeTrue();

        var other = await fixture.AddWorkerAsync(dongshan);
        var refused = await Service.SaveAsync(new ClarificationCaseForm
            { WorkerId = other.Id, ReceivedOn = Today, Source = "信访", Allegation = "同一事项", SameMatterAsId = first });
        refused.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("SameMatterAsId", Messages.ClarificationSameMatterInvalid));
    }

    [Fact]
    public async Task Like_error_tolerance_only_handlers_supervisors_and_the_organisation_department_see_it_and_reads_are_logged()
    {
        var id = await OpenAsync(await fixture.UnitIdAsync("东山社区"));
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.GetAsync(id)).Message.ShouldBe(Messages.ProtectionRestricted);
        (await Service.ListAsync()).ShouldNotContain(r => r.Id == id);
        await fixture.UseAsync(Roles.OrgDepartment, "绍兴市");
        (await Service.GetAsync(id)).Status.ShouldBe(ResultStatus.NotFound);
        await fixture.UseAsync(Roles.Supervisor, "椒江区", "督查员");
        var read = (await Service.GetAsync(id)).Value!;
        (read.MayWork, read.AccessLog).ShouldBe((false, null));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Service.GetAsync(id)).Value!.AccessLog!.ShouldContain(e => e.UserName == "督查员" && e.Action == Core.Features.Audit.AuditAction.View);

        // A person outside the jurisdiction cannot be the subject; nothing is saved.
        var outside = await fixture.AddWorkerAsync(fixture.UnitIdAsync("府山街道"));
        (await Service.SaveAsync(new ClarificationCaseForm { WorkerId = outside.Id, ReceivedOn = Today, Source = "信访", Allegation = "x" }))
            .Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("WorkerId", Messages.Required));
    }

    [Fact]
    public async Task A_handler_of_one_report_sees_nothing_of_the_person_s_other_reports_and_consent_must_come_before_approval()
    {
        var dongshan = await fixture.UnitIdAsync("东山社区");
        var first = await OpenAsync(dongshan);
        var workerId = (await Service.GetAsync(first)).Value!.Case.WorkerId;
        var second = await OpenAsync(dongshan, workerId: workerId);
        await using (var db = fixture.NewContext())
        {
            var committee = await db.Users.Where(u => u.UserName == "committee").Select(u => u.Id).SingleAsync();
            (await Service.SetHandlerAsync(second, committee, true)).IsOk.ShouldBeTrue();
            (await Service.GetAsync(second)).Value!.Earlier.ShouldContain(e => e.Id == first); // the organisation department sees both
            fixture.User.Become(Roles.UnitCommittee, await fixture.UnitIdAsync("海门街道"), "committee");
            fixture.User.UserId = committee;
        }
        (await Service.GetAsync(second)).Value!.Earlier.ShouldBeEmpty();
        (await Service.GetAsync(first)).Status.ShouldBe(ResultStatus.Forbidden);

        // Approval dated before the person consented is refused.
        var version = (await Service.GetAsync(second)).Value!.Case.Version;
        (await Service.AdvanceAsync(second, new ClarificationStepForm { Stage = ClarificationStage.Concluded, On = Today.AddDays(-3), Conclusion = ReportConclusion.Untrue, Version = version }))
            .IsOk.ShouldBeTrue();
        (await RecordAsync(second, Today.AddDays(-1), ClarificationMethod.Letter)).IsOk.ShouldBeTrue();
        var view = (await Service.GetAsync(second)).Value!;
        (await Service.AdvanceAsync(second, new ClarificationStepForm { Stage = ClarificationStage.Approved, On = Today.AddDays(-2), ApprovedBy = "区纪委", Version = view.Case.Version }))
            .Errors.ShouldHaveSingleItem().Field.ShouldBe("ConsentOn");
    }
}
