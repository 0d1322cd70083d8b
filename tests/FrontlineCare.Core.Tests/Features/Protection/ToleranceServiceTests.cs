using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Audit;
using FrontlineCare.Core.Features.Protection;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Protection;

/// <summary>G1 error-tolerance cases on the real database: the procedure, the findings, who sees a case, and the read log.</summary>
public sealed class ToleranceServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private ToleranceService Service => fixture.Get<ToleranceService>();

    /// <summary>Acts as one of the demo accounts (so that it can be named a handler).</summary>
    private async Task ActAsAsync(string userName)
    {
        await using var db = fixture.NewContext();
        var account = await db.Users.SingleAsync(u => u.UserName == userName);
        var role = await db.UserRoles.Where(r => r.UserId == account.Id).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name!).SingleAsync();
        fixture.User.Become(role, account.HomeUnitId, userName);
        fixture.User.UserId = account.Id;
    }

    private async Task<Guid> AccountIdAsync(string userName)
    {
        await using var db = fixture.NewContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A case opened by the organisation department of 椒江区 about a new cadre of 东山社区 (in 海门街道).</summary>
    private async Task<(Guid CaseId, FrontlineWorker Worker)> OpenAsync(params string[] handlers)
    {
        var worker = await fixture.AddWorkerAsync(fixture.UnitIdAsync("东山社区"), name: "容错甲");
        await ActAsAsync("orgdept");
        var handlerIds = new List<Guid>();
        foreach (var h in handlers) handlerIds.Add(await AccountIdAsync(h));
        var result = await Service.SaveAsync(Form(worker.Id, handlerIds));
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors) + result.Message);
        return (result.Value, worker);
    }

    private static ToleranceCaseForm Form(Guid workerId, List<Guid>? handlers = null) => new()
    {
        WorkerId = workerId, Start = ToleranceStart.Application, OpenedOn = Today.AddDays(-20),
        Facts = "2月3日凌晨卡口发现密接人员，未经集体研究即临时封闭小区出入口。", Action = "临时封闭小区、组织核酸检测",
        Mistake = "未按程序报批即封闭，封闭公告未及时发布", Impact = "部分居民出行受阻，无重大损失", Handlers = handlers ?? [],
    };

    private async Task<ToleranceCaseView> ViewAsync(Guid id) => (await Service.GetAsync(id)).Value!;

    /// <summary>Marks every condition with <paramref name="conditions"/> and every exclusion with <paramref name="exclusions"/>.</summary>
    private async Task<Result> FindAsync(Guid id, CriterionFinding conditions, CriterionFinding exclusions, ToleranceCondition? notMet = null)
    {
        var view = await ViewAsync(id);
        var findings = view.Conditions.Select(c => new CriterionFindingForm
            {
                CriterionId = c.Id, Finding = c.Condition == notMet ? CriterionFinding.No : conditions, Note = "经核实", Evidence = "调查笔录第2页",
            })
            .Concat(view.Exclusions.Select(c => new CriterionFindingForm { CriterionId = c.Id, Finding = exclusions })).ToList();
        return await Service.SaveFindingsAsync(id, view.Case.Version, findings);
    }

    private async Task<Result> StepAsync(Guid id, ToleranceStage stage, ToleranceOutcome? outcome = null, DateOnly? on = null, string? plan = null)
    {
        var version = (await ViewAsync(id)).Case.Version;
        return await Service.AdvanceAsync(id, new ToleranceStepForm
        {
            Stage = stage, On = on ?? Today, Note = "调阅监控、询问当事人", DecidedBy = "椒江区纪委常委会", Outcome = outcome, Reason = "符合容错条件",
            RectificationPlan = plan, RectificationDue = plan is null ? null : Today.AddDays(30), FiledWith = "台州市纪委", Version = version,
        });
    }

    [Fact]
    public async Task A_case_goes_from_application_to_filing_step_by_step_with_its_rectification_tracked()
    {
        var (id, _) = await OpenAsync();
        var view = await ViewAsync(id);
        // ZJ's criteria, copied onto the case, all unclear at first.
        view.Conditions.Select(c => c.Condition!.Value).ShouldBe(PolicyCatalog.For(PolicyProfileCode.ZJ).G1.Conditions.Value);
        view.Exclusions.Count.ShouldBe(7);
        view.Conditions.Concat(view.Exclusions).ShouldAllBe(c => c.Finding == CriterionFinding.Unclear);
        view.Deadlines.ShouldHaveSingleItem().Due.ShouldBe(Today.AddDays(-20).AddDays(30));

        var early = await StepAsync(id, ToleranceStage.Decided, ToleranceOutcome.Exempt);
        (early.Status, early.Message).ShouldBe((ResultStatus.Conflict, Messages.ToleranceOutOfOrder)); // no decision before verification
        (await StepAsync(id, ToleranceStage.Verified, on: Today.AddDays(-21))).Errors.ShouldHaveSingleItem().Field.ShouldBe("On"); // before the opening
        (await StepAsync(id, ToleranceStage.Verified)).IsOk.ShouldBeTrue();

        var unclear = await StepAsync(id, ToleranceStage.Decided, ToleranceOutcome.Exempt);
        unclear.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Outcome", Messages.ToleranceUnclear));
        (await FindAsync(id, CriterionFinding.Yes, CriterionFinding.No)).IsOk.ShouldBeTrue();
        (await StepAsync(id, ToleranceStage.Filed)).Message.ShouldBe(Messages.ToleranceOutOfOrder);
        (await StepAsync(id, ToleranceStage.Decided, ToleranceOutcome.Exempt, plan: "补办封闭审批手续，完善应急处置预案")).IsOk.ShouldBeTrue();
        (await StepAsync(id, ToleranceStage.Filed)).Message.ShouldBe(Messages.ToleranceOutOfOrder); // no filing before the notice
        (await StepAsync(id, ToleranceStage.Notified)).IsOk.ShouldBeTrue();
        (await StepAsync(id, ToleranceStage.Filed)).IsOk.ShouldBeTrue();

        view = await ViewAsync(id);
        (view.Case.Stage, view.Case.Outcome, view.Case.FiledWith, view.Case.Closed).ShouldBe((ToleranceStage.Filed, ToleranceOutcome.Exempt, "台州市纪委", false));
        view.Deadlines.Select(d => d.MetOn).ShouldAllBe(d => d == Today);
        (await Service.ListAsync()).ShouldContain(r => r.Id == id); // open until the rectification is done
        (await Service.RectifiedAsync(id, view.Case.Version, Today)).IsOk.ShouldBeTrue();
        (await ViewAsync(id)).Case.Closed.ShouldBeTrue();
        (await Service.ListAsync()).ShouldNotContain(r => r.Id == id);
        (await Service.ListAsync(includeClosed: true)).ShouldContain(r => r.Id == id && r.Closed);
    }

    [Fact]
    public async Task Exemption_needs_every_condition_and_an_exclusion_leaves_only_not_tolerated()
    {
        var (id, _) = await OpenAsync();
        (await StepAsync(id, ToleranceStage.Verified)).IsOk.ShouldBeTrue();
        (await FindAsync(id, CriterionFinding.Yes, CriterionFinding.No, notMet: ToleranceCondition.EmergencyReported)).IsOk.ShouldBeTrue();
        (await StepAsync(id, ToleranceStage.Decided, ToleranceOutcome.Exempt)).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.ToleranceConditionNotMet);
        (await StepAsync(id, ToleranceStage.Decided, ToleranceOutcome.Lighter)).IsOk.ShouldBeTrue();

        var (other, _) = await OpenAsync();
        (await StepAsync(other, ToleranceStage.Verified)).IsOk.ShouldBeTrue();
        (await FindAsync(other, CriterionFinding.Yes, CriterionFinding.Yes)).IsOk.ShouldBeTrue();
        (await StepAsync(other, ToleranceStage.Decided, ToleranceOutcome.Reduced)).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.ToleranceExcluded);
        var before = (await ViewAsync(other)).Case;
        before.Stage.ShouldBe(ToleranceStage.Verified); // nothing of the refused decision was saved
        before.Outcome.ShouldBeNull();
        (await StepAsync(other, ToleranceStage.Decided, ToleranceOutcome.NotTolerated)).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task After_the_decision_facts_and_findings_are_frozen_and_a_stale_edit_is_refused()
    {
        var (id, worker) = await OpenAsync();
        var stale = (await ViewAsync(id)).Case.Version;
        (await FindAsync(id, CriterionFinding.Yes, CriterionFinding.No)).IsOk.ShouldBeTrue();
        var form = Form(worker.Id);
        (form.Id, form.Version, form.Facts) = (id, stale, "另一人同时修改");
        (await Service.SaveAsync(form)).Status.ShouldBe(ResultStatus.Conflict); // the findings moved the case on
        (await ViewAsync(id)).Case.Facts.ShouldStartWith("2月3日");

        (await StepAsync(id, ToleranceStage.Verified)).IsOk.ShouldBeTrue();
        (await StepAsync(id, ToleranceStage.Decided, ToleranceOutcome.Exempt)).IsOk.ShouldBeTrue();
        (await FindAsync(id, CriterionFinding.No, CriterionFinding.No)).Message.ShouldBe(Messages.ToleranceDecidedLocked);
        form.Version = (await ViewAsync(id)).Case.Version;
        (await Service.SaveAsync(form)).Message.ShouldBe(Messages.ToleranceDecidedLocked);
    }

    [Fact]
    public async Task Bad_input_is_refused_by_field_and_a_person_outside_the_jurisdiction_cannot_be_the_subject()
    {
        var outside = await fixture.AddWorkerAsync(fixture.UnitIdAsync("府山街道"), name: "外地乙");
        await ActAsAsync("orgdept");
        await using var db = fixture.NewContext();
        var count = await db.ToleranceCases.CountAsync();

        var result = await Service.SaveAsync(Form(outside.Id));
        result.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("WorkerId", Messages.Required));
        var empty = await Service.SaveAsync(new ToleranceCaseForm { WorkerId = outside.Id, Start = ToleranceStart.Application, OpenedOn = Today.AddDays(1) });
        empty.Errors.Select(e => e.Field).ShouldBe(["OpenedOn", "Facts", "Action", "Mistake", "Impact"], ignoreOrder: true);
        (await db.ToleranceCases.CountAsync()).ShouldBe(count);

        await ActAsAsync("committee");
        var worker = await fixture.AddWorkerAsync(fixture.UnitIdAsync("东山社区"));
        (await Service.SaveAsync(Form(worker.Id))).Message.ShouldBe(Messages.ToleranceOpenOrgDepartmentOnly);
    }

    [Fact]
    public async Task Only_handlers_supervisors_and_the_organisation_department_of_the_jurisdiction_see_a_case()
    {
        var (id, _) = await OpenAsync();

        // The cadre's own unit committee does not see it, nor a committee elsewhere, nor an organisation department elsewhere, nor the administrator.
        // Inside the jurisdiction the refusal is the role's (restricted to handlers); outside it, the case is not found.
        foreach (var (role, home, status) in new[] { (Roles.UnitCommittee, "海门街道", ResultStatus.Forbidden), (Roles.UnitCommittee, "白云街道", ResultStatus.NotFound),
                     (Roles.OrgDepartment, "绍兴市", ResultStatus.NotFound), (Roles.Admin, "浙江省", ResultStatus.NotFound) })
        {
            await fixture.UseAsync(role, home);
            var denied = await Service.GetAsync(id);
            (denied.Status, denied.Message).ShouldBe((status, status == ResultStatus.Forbidden ? Messages.ProtectionRestricted : Messages.NotFound), $"{role} {home}");
            (await Service.ListAsync()).ShouldNotContain(r => r.Id == id);
        }

        // The supervisor of the jurisdiction reads but does not work it.
        await ActAsAsync("supervisor");
        (await Service.GetAsync(id)).Value!.MayWork.ShouldBeFalse();
        (await StepAsync(id, ToleranceStage.Verified)).Message.ShouldBe(Messages.ProtectionReadOnly);
        (await Service.ListAsync()).ShouldContain(r => r.Id == id);

        // Named as a handler, the 海门街道 committee sees and works it; a committee whose jurisdiction lacks the person cannot be named.
        await ActAsAsync("orgdept");
        (await Service.SetHandlerAsync(id, await AccountIdAsync("committee2"), true)).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.ToleranceHandlerNotEligible);
        (await Service.SetHandlerAsync(id, await AccountIdAsync("committee"), true)).IsOk.ShouldBeTrue();
        await ActAsAsync("committee");
        var handled = (await Service.GetAsync(id)).Value!;
        (handled.MayWork, handled.MayManageHandlers, handled.AccessLog).ShouldBe((true, false, null));
        (await Service.ListAsync()).ShouldContain(r => r.Id == id);
        (await StepAsync(id, ToleranceStage.Verified)).IsOk.ShouldBeTrue();
        (await Service.SetHandlerAsync(id, await AccountIdAsync("supervisor"), true)).Message.ShouldBe(Messages.ToleranceHandlersOrgDepartmentOnly);

        // A supervisor named as a handler still only reads.
        await ActAsAsync("orgdept");
        (await Service.SetHandlerAsync(id, await AccountIdAsync("supervisor"), true)).IsOk.ShouldBeTrue();
        await ActAsAsync("supervisor");
        (await Service.GetAsync(id)).Value!.MayWork.ShouldBeFalse();

        // Removed again, it no longer does.
        await ActAsAsync("orgdept");
        (await Service.SetHandlerAsync(id, await AccountIdAsync("committee"), false)).IsOk.ShouldBeTrue();
        await ActAsAsync("committee");
        (await Service.GetAsync(id)).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task Every_read_is_logged_the_organisation_department_sees_the_log_and_the_person_s_history_never_shows_the_case()
    {
        var (id, worker) = await OpenAsync();
        await ActAsAsync("supervisor");
        await Service.GetAsync(id);
        (await Service.GetAsync(id)).Value!.AccessLog.ShouldBeNull();

        await ActAsAsync("orgdept");
        var log = (await Service.GetAsync(id)).Value!.AccessLog!;
        log.Count(e => e.Action == AuditAction.View && e.UserName == "supervisor").ShouldBe(2);
        log.ShouldContain(e => e.Action == AuditAction.View && e.UserName == "orgdept");
        log.ShouldContain(e => e.Action == AuditAction.Insert && e.Entity == "ToleranceCase");

        // The case's entries carry the person, but the person's history — which the unit committee reads — leaves them out.
        await using (var db = fixture.NewContext())
            (await db.AuditEntries.CountAsync(a => a.WorkerId == worker.Id && a.Entity == "ToleranceCase")).ShouldBeGreaterThan(3);
        await ActAsAsync("committee");
        var history = await fixture.Get<WorkerService>().HistoryAsync(worker.Id);
        history.IsOk.ShouldBeTrue();
        history.Value!.ShouldNotContain(e => AuditTrail.Restricted.Contains(e.Entity));
    }

    [Fact]
    public async Task Evidence_files_are_attached_while_the_facts_are_open_read_only_by_those_who_see_the_case_and_each_read_is_logged()
    {
        var (id, worker) = await OpenAsync();
        var application = new Core.Features.Files.UploadedFile("书面申请.pdf", [.. "%PDF-1.4 申请"u8]);
        var minutes = new Core.Features.Files.UploadedFile("会议纪要.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1]);
        var renamedExe = new Core.Features.Files.UploadedFile("调查笔录.pdf", [0x4D, 0x5A, 0x90, 0x00]);

        // A bad file refuses the whole batch, by field.
        (await Service.AttachAsync(id, [application, renamedExe])).Errors.ShouldHaveSingleItem().Field.ShouldBe("Files");
        (await ViewAsync(id)).Files.ShouldBeEmpty();
        (await Service.AttachAsync(id, [application, minutes])).IsOk.ShouldBeTrue();
        var files = (await ViewAsync(id)).Files;
        files.Select(f => f.FileName).ShouldBe(["书面申请.pdf", "会议纪要.png"], ignoreOrder: true);
        var fileId = files.Single(f => f.FileName == "书面申请.pdf").FileId;

        // The supervisor reads the file but adds none; a committee that is not a handler reads nothing.
        await ActAsAsync("supervisor");
        (await Service.FileAsync(id, fileId)).Value!.Content.ShouldBe(application.Content);
        (await Service.AttachAsync(id, [minutes])).Message.ShouldBe(Messages.ProtectionReadOnly);
        await ActAsAsync("committee");
        (await Service.FileAsync(id, fileId)).Status.ShouldBe(ResultStatus.Forbidden);
        (await Service.AttachAsync(id, [minutes])).Status.ShouldBe(ResultStatus.Forbidden);

        // The organisation department sees the upload and the supervisor's read in the case's log, and the person's history shows neither.
        await ActAsAsync("orgdept");
        var log = (await Service.GetAsync(id)).Value!.AccessLog!;
        log.ShouldContain(e => e.Entity == "ToleranceCaseFile" && e.Action == AuditAction.View && e.UserName == "supervisor");
        log.Count(e => e.Entity == "ToleranceCaseFile" && e.Action == AuditAction.Insert).ShouldBe(2);
        var history = await fixture.Get<WorkerService>().HistoryAsync(worker.Id);
        history.Value!.ShouldNotContain(e => e.Entity == "ToleranceCaseFile");

        // A file of another case is not found through this one; after the decision no file is added.
        var (other, _) = await OpenAsync();
        (await Service.FileAsync(other, fileId)).Status.ShouldBe(ResultStatus.NotFound);
        (await FindAsync(id, CriterionFinding.Yes, CriterionFinding.No)).IsOk.ShouldBeTrue();
        (await StepAsync(id, ToleranceStage.Verified)).IsOk.ShouldBeTrue();
        (await StepAsync(id, ToleranceStage.Decided, ToleranceOutcome.Exempt)).IsOk.ShouldBeTrue();
        (await Service.AttachAsync(id, [minutes])).Message.ShouldBe(Messages.ToleranceDecidedLocked);
        (await ViewAsync(id)).Files.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Two_uploads_at_the_same_moment_never_take_a_case_past_its_file_limit()
    {
        var (id, _) = await OpenAsync();
        var six = Enumerable.Range(1, 6).Select(i => new Core.Features.Files.UploadedFile($"材料{i}.pdf", [.. "%PDF-1.4 "u8, (byte)i])).ToList();

        // Without the case row's lock both could count the files before either had saved.
        var results = await Task.WhenAll(Service.AttachAsync(id, six), Service.AttachAsync(id, six));

        results.Count(r => r.IsOk).ShouldBe(1);
        results.Single(r => !r.IsOk).Errors.ShouldHaveSingleItem().Message.ShouldBe(string.Format(Messages.FileTooMany, 10));
        (await ViewAsync(id)).Files.Count.ShouldBe(6);
    }

    [Fact]
    public async Task Only_a_tolerated_decision_is_shown_where_the_cadre_is_considered()
    {
        var (tolerated, worker) = await OpenAsync();
        (await StepAsync(tolerated, ToleranceStage.Verified)).IsOk.ShouldBeTrue();
        (await FindAsync(tolerated, CriterionFinding.Yes, CriterionFinding.No)).IsOk.ShouldBeTrue();
        (await StepAsync(tolerated, ToleranceStage.Decided, ToleranceOutcome.Exempt)).IsOk.ShouldBeTrue();

        var form = Form(worker.Id);
        var refused = (await Service.SaveAsync(form)).Value;
        (await StepAsync(refused, ToleranceStage.Verified)).IsOk.ShouldBeTrue();
        (await FindAsync(refused, CriterionFinding.Yes, CriterionFinding.Yes)).IsOk.ShouldBeTrue();
        (await StepAsync(refused, ToleranceStage.Decided, ToleranceOutcome.NotTolerated)).IsOk.ShouldBeTrue();

        await using (var db = fixture.NewContext())
            (await ToleranceService.ToleratedAsync(db, worker.Id, CancellationToken.None)).ShouldHaveSingleItem()
                .ShouldBe(new ToleratedCaseNote(Today, ToleranceOutcome.Exempt));

        // Where promotion is considered: on the talent pool, the unit committee sees the tolerated outcome and nothing else.
        await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-30), null);
        (await fixture.Get<Core.Features.Talent.TalentService>().AddAsync(new() { List = Core.Policy.Measures.TalentList.TalentPool, WorkerId = worker.Id, Evidence = "一线值守表现突出" }))
            .IsOk.ShouldBeTrue();
        await ActAsAsync("committee");
        (await fixture.Get<Core.Features.Talent.TalentService>().ListAsync(Core.Policy.Measures.TalentList.TalentPool)).Single(r => r.WorkerId == worker.Id)
            .Tolerated.ShouldHaveSingleItem().Outcome.ShouldBe(ToleranceOutcome.Exempt);
    }

    [Fact]
    public async Task A_case_in_a_Qiannan_unit_is_checked_against_Qiannan_s_wording()
    {
        var unit = await fixture.AddUnitAsync("海门街道", name: "黔南测试社区");
        await using (var db = fixture.NewContext())
            await db.Units.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ProfileOverride, PolicyProfileCode.QN));
        var worker = await fixture.AddWorkerAsync(unit.Id);
        await ActAsAsync("orgdept");
        var id = (await Service.SaveAsync(Form(worker.Id))).Value;
        (await ViewAsync(id)).Conditions.Select(c => c.Condition!.Value).ShouldContain(ToleranceCondition.ChainBroken);
    }
}
