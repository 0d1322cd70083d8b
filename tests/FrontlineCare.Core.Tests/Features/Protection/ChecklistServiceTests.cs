using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Checklist;
using FrontlineCare.Core.Features.Supervision;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Protection;

/// <summary>H3 checklist on the real database: the profile's measures, the figures the data shows, statements, the matrix.</summary>
public sealed class ChecklistServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private ChecklistService Service => fixture.Get<ChecklistService>();

    [Fact]
    public async Task A_unit_sees_its_profile_s_measures_with_the_figures_its_data_shows()
    {
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var view = (await Service.GetAsync(null)).Value!;
        (view.UnitName, view.Profile, view.MayEdit).ShouldBe(("海门街道", PolicyProfileCode.ZJ, true));
        view.Items.Select(i => i.Item.Number).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]); // ZJ's eight measures
        // ZJ1 (A1): the demo data deploys people under 海门街道.
        view.Items[0].Indicators.Single(i => i.Key == "DeployedNow").Value.ShouldBeGreaterThan(0);
        // ZJ4 (E2): money spent from a fund held under 海门街道 shows, to the fen.
        var spentBefore = view.Items[3].Indicators.Single(i => i.Key == "FundSpentYuan").Value;
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var funds = fixture.Get<Core.Features.Funds.FundService>();
        var fund = (await funds.CreateAsync(new() { UnitId = await fixture.UnitIdAsync("东山社区"), Name = "清单测试基金", Kind = Core.Features.Funds.CareFundKind.PartyFee, Source = "测试" })).Value;
        (await funds.RecordAsync(new() { FundId = fund, Kind = Core.Features.Funds.FundEntryKind.Receipt, Amount = 1000m, OccurredOn = new DateOnly(2026, 11, 20), Note = "下拨" })).IsOk.ShouldBeTrue();
        (await funds.RecordAsync(new()
        {
            FundId = fund, Kind = Core.Features.Funds.FundEntryKind.Spending, Purpose = Core.Features.Funds.FundPurpose.Visit, Amount = 300.50m,
            OccurredOn = new DateOnly(2026, 11, 21), UnitId = await fixture.UnitIdAsync("东山社区"), Note = "慰问",
        })).IsOk.ShouldBeTrue();
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.GetAsync(null)).Value!.Items[3].Indicators.Single(i => i.Key == "FundSpentYuan").Value.ShouldBe(spentBefore + 300.50m);
        // Figures of features a role may not read are not shown to it: money to people and care records for a supervisor.
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        var read = (await Service.GetAsync(await fixture.UnitIdAsync("海门街道"))).Value!;
        read.Items[3].Indicators.ShouldNotContain(i => i.Key == "FundSpentYuan");
        read.Items[5].Indicators.ShouldNotContain(i => i.Key == "SubsidyPaidYuan");
        read.Items[0].Indicators.ShouldContain(i => i.Key == "DeployedNow");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.GetAsync(null)).Value!.Items[5].Indicators.ShouldNotContain(i => i.Key == "SubsidyPaidYuan"); // sheets: organisation department only

        // A finding recorded now shows as open under QN's first measure in a QN unit.
        var qn = await fixture.AddUnitAsync("海门街道", name: "黔南清单社区");
        await using (var db = fixture.NewContext())
            await db.Units.Where(u => u.Id == qn.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ProfileOverride, PolicyProfileCode.QN));
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await fixture.Get<SupervisionService>().CreateAsync(new FindingForm
            { UnitId = qn.Id, FoundOn = new DateOnly(2026, 11, 20), Inspector = "督查组", Problem = "网格员未到岗", Owner = "社区书记" })).IsOk.ShouldBeTrue();
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var qnView = (await Service.GetAsync(qn.Id)).Value!;
        qnView.Profile.ShouldBe(PolicyProfileCode.QN);
        qnView.Items.Count.ShouldBe(9);
        qnView.Items[0].Indicators.Single(i => i.Key == "FindingsOpen").Value.ShouldBe(1);
    }

    [Fact]
    public async Task The_committee_writes_a_statement_the_organisation_department_sees_it_in_the_matrix_and_others_cannot()
    {
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var haimen = await fixture.UnitIdAsync("海门街道");
        (await Service.SaveStatementAsync(haimen, 5, " ", null)).Errors.ShouldHaveSingleItem().Field.ShouldBe("Statement");
        (await Service.SaveStatementAsync(haimen, 5, "建立轮休台账，连续值守超过13天的一律安排休息", null)).IsOk.ShouldBeTrue();
        var saved = (await Service.GetAsync(null)).Value!.Items[4].Statement!;
        saved.Statement.ShouldStartWith("建立轮休台账");
        (await Service.SaveStatementAsync(haimen, 5, "另一人同时修改", null)).Status.ShouldBe(ResultStatus.Conflict); // a stale first save
        (await Service.SaveStatementAsync(haimen, 5, "补充：落实补休", saved.Version)).IsOk.ShouldBeTrue();
        (await Service.SaveStatementAsync(haimen, 99, "不存在的条目", null)).Status.ShouldBe(ResultStatus.NotFound);
        (await Service.MatrixAsync()).Message.ShouldBe(Messages.ChecklistMatrixOrgDepartmentOnly);

        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.SaveStatementAsync(haimen, 5, "越权填写", null)).Message.ShouldBe(Messages.NotFound);
        (await Service.GetAsync(haimen)).Status.ShouldBe(ResultStatus.NotFound);
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Service.SaveStatementAsync(haimen, 5, "审核人不填报", null)).Message.ShouldBe(Messages.ReadOnlyRole);

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var matrix = (await Service.MatrixAsync()).Value!;
        matrix[0].UnitName.ShouldBe("椒江区");
        var row = matrix.Single(r => r.UnitName == "海门街道");
        row.Items.Single(i => i.Item.Number == 5).Statement!.Statement.ShouldBe("补充：落实补休");
        row.Items.Where(i => i.Item.Number != 5).ShouldAllBe(i => i.Statement == null);
        row.Items.ShouldAllBe(i => i.Indicators.Count == 0); // the page's matrix shows statements only
        (await Service.MatrixAsync(withFigures: true)).Value!.Single(r => r.UnitName == "海门街道").Items[0].Indicators
            .ShouldContain(i => i.Key == "DeployedNow"); // the export carries the figures
    }

    [Fact]
    public void Every_profile_lists_its_seed_s_measures_and_maps_them_to_portal_measures()
    {
        H3Checklist.Items(PolicyProfileCode.ZJ).Count.ShouldBe(8);
        H3Checklist.Items(PolicyProfileCode.SX).Count.ShouldBe(12);
        H3Checklist.Items(PolicyProfileCode.GZ).Count.ShouldBe(10);
        H3Checklist.Items(PolicyProfileCode.HN).Count.ShouldBe(9);
        H3Checklist.Items(PolicyProfileCode.QN).Count.ShouldBe(9);
        H3Checklist.Items(PolicyProfileCode.HN)[8].Codes.ShouldBe(["G1", "G2", "G3"]); // HN9 敢于撑腰鼓劲
    }

    [Fact]
    public async Task Evidence_files_attach_to_a_saved_statement_and_only_the_jurisdiction_downloads_them()
    {
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var haimen = await fixture.UnitIdAsync("海门街道");
        var pdf = new Core.Features.Files.UploadedFile("轮休台账.pdf", [.. "%PDF-1.4 test"u8]);
        (await Service.AttachAsync(haimen, 6, [pdf])).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.ChecklistStatementFirst);
        (await Service.SaveStatementAsync(haimen, 6, "补助按月核发", null)).IsOk.ShouldBeTrue();
        var renamedExe = new Core.Features.Files.UploadedFile("发放表.pdf", [0x4D, 0x5A, 0x90, 0x00]);
        (await Service.AttachAsync(haimen, 6, [pdf, renamedExe])).Errors.ShouldHaveSingleItem().Field.ShouldBe("Files"); // nothing saved
        (await Service.GetAsync(null)).Value!.Items[5].Attachments.ShouldBeEmpty();
        (await Service.AttachAsync(haimen, 6, [pdf])).IsOk.ShouldBeTrue();
        var item = (await Service.GetAsync(null)).Value!.Items[5];
        var file = item.Attachments.ShouldHaveSingleItem();
        file.FileName.ShouldBe("轮休台账.pdf");
        (await Service.AttachmentAsync(item.Statement!.Id, file.FileId)).Value!.Content.ShouldBe(pdf.Content);

        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.AttachmentAsync(item.Statement.Id, file.FileId)).Status.ShouldBe(ResultStatus.NotFound);
    }
}
