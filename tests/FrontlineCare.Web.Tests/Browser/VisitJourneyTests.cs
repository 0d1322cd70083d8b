using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class VisitJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_plans_a_visit_from_the_priority_list_and_records_it_as_done()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "走访测试");
        await host.Data.AddDeploymentAsync(worker.Id, today.AddDays(-400), null, "走访测试卡口");

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "visit", async () =>
        {
            await page.GotoAsync("/visits");
            var row = page.Locator("[data-testid=visit-priority] tr").Filter(new() { HasText = "走访测试" });
            await Assertions.Expect(row).ToContainTextAsync("从未走访", new() { Timeout = 20_000 });
            await row.Locator("[data-testid=visit-plan]").ClickAsync();
            await page.ClickAsync("[data-testid=visit-save]");
            await Assertions.Expect(page.Locator("[data-testid=visit-form]")).ToContainTextAsync("此项为必填");
            await Support.Browser.Field(page, "visit-leader").FillAsync("李书记（街道党工委书记）");
            await page.ClickAsync("[data-testid=visit-save]");

            await page.GetByRole(AriaRole.Tab, new() { Name = "走访计划与记录" }).ClickAsync();
            var visit = page.Locator("[data-testid=visit-list] tr").Filter(new() { HasText = "走访测试" });
            await Assertions.Expect(visit).ToContainTextAsync("计划中");
            await visit.Locator("[data-testid=visit-complete]").ClickAsync();
            await page.ClickAsync("[data-testid=visit-save]");
            await Assertions.Expect(visit).ToContainTextAsync("已走访");
        });
    }
}
