using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class RotationJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_proposes_a_rotation_sees_the_short_days_and_publishes_only_after_confirming()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        foreach (var name in new[] { "排班甲", "排班乙" })
        {
            var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("海门社区"), name: name);
            await host.Data.AddDeploymentAsync(worker.Id, today.AddDays(-20), null, "排班测试卡口");
        }

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "rotation", async () =>
        {
            await page.GotoAsync("/rotation");
            await Support.Browser.ChooseAsync(page.Locator("[data-testid=rotation-post]"), "排班测试卡口");
            await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
            await page.Locator("[data-testid=rotation-days] input, input[data-testid=rotation-days]").First.FillAsync("7");
            await page.Locator("[data-testid=rotation-min] input, input[data-testid=rotation-min]").First.FillAsync("2");
            await page.ClickAsync("[data-testid=rotation-propose]");

            await Assertions.Expect(page.Locator("[data-testid=rotation-grid]")).ToContainTextAsync("排班甲");
            await Assertions.Expect(page.Locator("[data-testid=rotation-status]")).ToContainTextAsync("草稿");
            // Two people cannot both work all seven days and rest: some day is short, and says so.
            await Assertions.Expect(page.Locator("[data-testid=rotation-issues]")).ToContainTextAsync("低于最少 2 人");

            await page.ClickAsync("[data-testid=rotation-publish]");
            await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("确认仍要发布吗");
            await page.Locator(".mud-dialog button").Filter(new() { HasText = "取消" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=rotation-status]")).ToContainTextAsync("草稿");

            await page.ClickAsync("[data-testid=rotation-publish]");
            await page.Locator(".mud-dialog button").Filter(new() { HasText = "仍然发布" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=rotation-status]")).ToContainTextAsync("已发布");
            await Assertions.Expect(page.Locator("[data-testid=rotation-save]")).ToHaveCountAsync(0);
            await Support.Browser.ScreenshotAsync(page, "committee-rotation");
        });
    }
}
