using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class MembershipJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_fast_tracks_an_activist_through_the_branch_vote_and_the_organisation_department_approves()
    {
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "火线测试");
        await host.Data.AddDeploymentAsync(worker.Id, new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30), "火线测试卡口");
        await using (var db = host.Data.NewContext())
            await db.Workers.Where(w => w.Id == worker.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.PoliticalStatus, PoliticalStatus.Masses));

        var committee = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(committee, "membership-committee", async () =>
        {
            await committee.GotoAsync($"/workers/{worker.Id}");
            var panel = committee.Locator("[data-testid=membership-panel]");
            await panel.Locator("[data-testid=membership-edit]").ClickAsync();
            await Support.Browser.Field(committee, "membership-applied").FillAsync("2026-01-10");
            await Support.Browser.Field(committee, "membership-activist").FillAsync("2026-06-01");
            await committee.ClickAsync("[data-testid=membership-track-save]");
            await Assertions.Expect(panel.Locator("[data-testid=membership-track]")).ToContainTextAsync("培养联系人");

            await panel.Locator("[data-testid=membership-fast-track]").ClickAsync();
            await Support.Browser.Field(committee, "membership-deeds", "textarea").FillAsync("在隔离点连续值守 60 天");
            await committee.ClickAsync("[data-testid=membership-open]");
            await Assertions.Expect(panel.Locator("[data-testid=membership-case-status]")).ToHaveTextAsync("待支部大会表决");
            await Assertions.Expect(panel.Locator("[data-testid=membership-case]")).ToContainTextAsync("不受发展党员指导性计划限制");

            await Support.Browser.Field(committee, "membership-eligible").FillAsync("9");
            await Support.Browser.Field(committee, "membership-for").FillAsync("8");
            await committee.ClickAsync("[data-testid=membership-vote]");
            await Assertions.Expect(panel.Locator("[data-testid=membership-case-status]")).ToHaveTextAsync("待上级党委审批");
            await Assertions.Expect(panel.Locator("[data-testid=membership-approve]")).ToHaveCountAsync(0); // not the committee's step
        });

        var orgdept = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(orgdept, "membership-orgdept", async () =>
        {
            await orgdept.GotoAsync("/membership");
            await orgdept.Locator("[data-testid=membership-cases] a").Filter(new() { HasText = "火线测试" }).ClickAsync();
            var panel = orgdept.Locator("[data-testid=membership-panel]");
            await panel.Locator("[data-testid=membership-approve]").ClickAsync();
            await Assertions.Expect(panel.Locator("[data-testid=membership-case-status]")).ToHaveTextAsync("已批准为预备党员");
            await Assertions.Expect(panel.Locator("[data-testid=membership-probation]")).ToContainTextAsync("预备期");
        });
    }
}
