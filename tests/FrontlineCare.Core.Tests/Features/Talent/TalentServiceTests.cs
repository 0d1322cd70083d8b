using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Talent;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Talent;

public sealed class TalentServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TalentService Service => fixture.Get<TalentService>();

    private async Task<FrontlineWorker> DeployedAsync(string unit = "东山社区", bool deployed = true)
    {
        var worker = await fixture.AddWorkerAsync(unit); // a community cadre (Arrange)
        if (deployed) await fixture.AddDeploymentAsync(worker.Id, new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30));
        return worker;
    }

    [Fact]
    public async Task The_organisation_department_lists_a_proven_cadre_once_and_takes_them_off_with_a_reason()
    {
        var worker = await DeployedAsync();
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var form = new TalentEntryForm { List = TalentList.RecruitmentPriority, WorkerId = worker.Id, Evidence = "连续值守卡口 60 天，获区级嘉奖" };

        (await Service.AddAsync(form)).IsOk.ShouldBeTrue();
        (await Service.AddAsync(form)).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.TalentAlreadyOnList);

        var row = (await Service.ListAsync(TalentList.RecruitmentPriority)).Single(r => r.WorkerId == worker.Id);
        row.NationalId.ShouldBe(worker.NationalId); // the organisation department sees it in full
        (await Service.RemoveAsync(row.Id, row.Version, " ")).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.TalentRemoveReason);
        (await Service.RemoveAsync(row.Id, row.Version, "已录用为乡镇公务员")).IsOk.ShouldBeTrue();

        (await Service.ListAsync(TalentList.RecruitmentPriority)).ShouldNotContain(r => r.WorkerId == worker.Id);
        (await Service.ListAsync(TalentList.RecruitmentPriority, includeRemoved: true)).Single(r => r.WorkerId == worker.Id).RemovedReason.ShouldBe("已录用为乡镇公务员");
        (await Service.AddAsync(form)).IsOk.ShouldBeTrue(); // taken off, they may be listed again
    }

    [Fact]
    public async Task Ineligible_people_and_other_roles_and_jurisdictions_are_refused()
    {
        var undeployed = await DeployedAsync(deployed: false);
        var cadre = await DeployedAsync();
        var outsider = await DeployedAsync("府山街道");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        (await Service.AddAsync(new TalentEntryForm { List = TalentList.TalentPool, WorkerId = undeployed.Id, Evidence = "x" })).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.TalentNoFrontline);
        (await Service.AddAsync(new TalentEntryForm { List = TalentList.PromotionPriority, WorkerId = cadre.Id, Evidence = "x" })).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.TalentNoStaffPost);
        (await Service.AddAsync(new TalentEntryForm { List = TalentList.TalentPool, WorkerId = cadre.Id, Evidence = " " })).Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(TalentEntryForm.Evidence));
        (await Service.AddAsync(new TalentEntryForm { List = TalentList.TalentPool, WorkerId = outsider.Id, Evidence = "x" })).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.Required);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.AddAsync(new TalentEntryForm { List = TalentList.TalentPool, WorkerId = cadre.Id, Evidence = "x" })).Status.ShouldBe(ResultStatus.Forbidden);

        await using var db = fixture.NewContext();
        (await db.TalentListEntries.AnyAsync(e => e.WorkerId == undeployed.Id || e.WorkerId == cadre.Id || e.WorkerId == outsider.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_committee_reads_its_own_people_on_a_list_with_ids_masked_and_not_another_units()
    {
        var mine = await DeployedAsync();
        var other = await DeployedAsync("白云社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        foreach (var w in new[] { mine, other })
            (await Service.AddAsync(new TalentEntryForm { List = TalentList.TalentPool, WorkerId = w.Id, Evidence = "表现突出" })).IsOk.ShouldBeTrue();

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var rows = await Service.ListAsync(TalentList.TalentPool);
        rows.ShouldContain(r => r.WorkerId == mine.Id && r.NationalId != mine.NationalId && r.NationalId.Contains('*'));
        rows.ShouldNotContain(r => r.WorkerId == other.Id);
    }
}
