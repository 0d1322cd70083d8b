using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Titles;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Titles;

public sealed class TitleServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TitleService Service => fixture.Get<TitleService>();

    private async Task<FrontlineWorker> WorkerAsync(string unit, WorkerCategory category, bool deployed)
    {
        var worker = await fixture.AddWorkerAsync(unit);
        if (deployed) await fixture.AddDeploymentAsync(worker.Id, new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30));
        await using var db = fixture.NewContext();
        await db.Workers.Where(w => w.Id == worker.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.Category, category));
        return worker;
    }

    [Fact]
    public async Task A_frontline_medical_worker_is_offered_the_profiles_privileges_each_with_its_rule()
    {
        var nurse = await WorkerAsync("东山社区", WorkerCategory.MedicalWorker, deployed: true);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var summary = (await Service.SummaryAsync(nurse.Id)).Value!;
        summary.NotOffered.ShouldBeNull();
        summary.Offered.Select(o => o.Privilege).ShouldContain(TitlePrivilege.ExceptionalApplication); // ZJ3 破格申报
        summary.Offered.Single(o => o.Privilege == TitlePrivilege.PaperExemption).Rule.ShouldContain("人社厅发〔2020〕23号");

        (await Service.RecordAsync(new TitleApplicationForm
        {
            WorkerId = nurse.Id, TargetTitle = "主管护师", Year = 2026, Privileges = [TitlePrivilege.EarlyApplication, TitlePrivilege.PaperExemption],
        })).IsOk.ShouldBeTrue();
        var application = (await Service.SummaryAsync(nurse.Id)).Value!.Applications.ShouldHaveSingleItem();
        application.Privileges.ShouldBe([TitlePrivilege.EarlyApplication, TitlePrivilege.PaperExemption]);

        (await Service.SetStatusAsync(application.Id, application.Version, TitleApplicationStatus.Passed)).ShouldBe(Result.Conflict(Messages.TitleWrongStep));
        (await Service.SetStatusAsync(application.Id, application.Version, TitleApplicationStatus.Submitted)).IsOk.ShouldBeTrue();
        await using var db = fixture.NewContext();
        var audit = await db.AuditEntries.Where(a => a.WorkerId == nurse.Id && a.Entity == nameof(TitleApplication) && a.Action == Core.Features.Audit.AuditAction.Insert).SingleAsync();
        audit.Changes["Privileges"].New.ShouldBe("EarlyApplication,PaperExemption");
    }

    [Fact]
    public async Task Privileges_are_refused_to_people_the_rules_do_not_cover_and_beyond_the_profile()
    {
        var cadre = await WorkerAsync("东山社区", WorkerCategory.CommunityCadre, deployed: true);
        var homeNurse = await WorkerAsync("东山社区", WorkerCategory.MedicalWorker, deployed: false);
        var shaoxingNurse = await WorkerAsync("府山街道", WorkerCategory.MedicalWorker, deployed: true);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        (await Service.SummaryAsync(cadre.Id)).Value!.NotOffered.ShouldBe(TitleIneligibility.NotAHealthProfessional);
        (await Service.RecordAsync(new TitleApplicationForm { WorkerId = cadre.Id, TargetTitle = "社会工作师", Year = 2026, Privileges = [TitlePrivilege.PriorityReview] }))
            .Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.TitleNotHealthProfessional);
        (await Service.RecordAsync(new TitleApplicationForm { WorkerId = homeNurse.Id, TargetTitle = "护师", Year = 2026, Privileges = [TitlePrivilege.PriorityReview] }))
            .Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.TalentNoFrontline);
        // Without privileges, anyone's application can still be recorded.
        (await Service.RecordAsync(new TitleApplicationForm { WorkerId = homeNurse.Id, TargetTitle = "护师", Year = 2026 })).IsOk.ShouldBeTrue();

        // A profile that does not grant a privilege (QN has no 破格) refuses it.
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var qn = await WorkerAsync("白云社区", WorkerCategory.MedicalWorker, deployed: true);
        await using (var db = fixture.NewContext())
            await db.Units.Where(u => u.Name == "白云社区").ExecuteUpdateAsync(s => s.SetProperty(u => u.ProfileOverride, Core.Policy.PolicyProfileCode.QN));
        (await Service.RecordAsync(new TitleApplicationForm { WorkerId = qn.Id, TargetTitle = "主治医师", Year = 2026, Privileges = [TitlePrivilege.ExceptionalApplication] }))
            .Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.TitlePrivilegeNotGranted);
        await using (var db = fixture.NewContext())
            await db.Units.Where(u => u.Name == "白云社区").ExecuteUpdateAsync(s => s.SetProperty(u => u.ProfileOverride, (Core.Policy.PolicyProfileCode?)null));

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.SummaryAsync(shaoxingNurse.Id)).Status.ShouldBe(ResultStatus.NotFound);
    }
}
