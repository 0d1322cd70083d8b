using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class DifficultyJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_records_a_family_difficulty_follows_it_up_resolves_it_and_exports_the_ledger()
    {
        await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "困难测试");
        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "difficulty", async () =>
        {
            await page.GotoAsync("/difficulties");
            await Support.Browser.PickAsync(page, "difficulty-worker", "困难测试");
            // Choosing a registered worker hides the fields for someone outside the registry.
            await Assertions.Expect(page.Locator("[data-testid=difficulty-form]")).Not.ToContainTextAsync("党员、群众姓名");
            await Support.Browser.Field(page, "difficulty-description").FillAsync("母亲住院无人陪护");
            await page.ClickAsync("[data-testid=difficulty-save]");
            await Assertions.Expect(page.Locator("[data-testid=difficulty-form]")).ToContainTextAsync("请指定一对一联络人");
            await Support.Browser.Field(page, "difficulty-liaison").FillAsync("网格员小陈");
            await page.ClickAsync("[data-testid=difficulty-save]");

            var row = page.Locator("[data-testid=difficulty-list] tr").Filter(new() { HasText = "困难测试" });
            await Assertions.Expect(row).ToContainTextAsync("已 0 天");
            await row.Locator("[data-testid=difficulty-handle]").ClickAsync();
            await Support.Browser.Field(page, "difficulty-action-note").FillAsync("联系医院志愿者陪护");
            await page.ClickAsync("[data-testid=difficulty-action-add]");
            await Assertions.Expect(page.Locator("[data-testid=difficulty-act]")).ToContainTextAsync("联系医院志愿者陪护");
            await Support.Browser.Field(page, "difficulty-resolution").FillAsync("已安排志愿者每日陪护");
            await page.ClickAsync("[data-testid=difficulty-resolve]");
            await Assertions.Expect(row).ToHaveCountAsync(0); // open items only by default

            var response = await page.Context.APIRequest.GetAsync(host.BaseUrl + "/difficulties/export");
            response.Status.ShouldBe(200);
            await using var xlsx = new MemoryStream(await response.BodyAsync());
            var rows = (await xlsx.QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
            var mine = rows.Single(r => (string?)r["对象"] == "困难测试");
            ((string)mine["办理结果"]!).ShouldBe("已安排志愿者每日陪护");
            ((string)mine["最近跟进"]!).ShouldContain("联系医院志愿者陪护");
        });
    }
}
