using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class DutyJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_logs_duty_for_a_post_and_sees_a_too_long_shift_flagged()
    {
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "值班测试");
        var monday = FrontlineCare.Core.Features.Duty.DutyService.WeekStartOf(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));
        await host.Data.AddDeploymentAsync(worker.Id, monday.AddDays(-30), null, "浏览器测试卡口");

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "duty", async () =>
        {
            await page.GotoAsync("/duty");
            await page.Locator("input[data-testid=duty-post], [data-testid=duty-post] input").First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "浏览器测试卡口" }).First.ClickAsync();
            await page.ClickAsync("text=上一周");

            var cell = page.Locator("input[data-testid='duty-cell-值班测试-0'], [data-testid='duty-cell-值班测试-0'] input").First;
            await cell.FillAsync("13");
            await page.Locator("input[data-testid='duty-cell-值班测试-1'], [data-testid='duty-cell-值班测试-1'] input").First.FillAsync("8");
            await page.ClickAsync("[data-testid=duty-save]");

            await Assertions.Expect(page.Locator("[data-testid=overload]")).ToContainTextAsync("单日 13 小时（上限 12）");
            await Support.Browser.ScreenshotAsync(page, "committee-duty-week");

            // The overload opened a forced-rest case (B2) that the committee now handles.
            await page.GotoAsync("/forced-rest");
            await Assertions.Expect(page.Locator("[data-testid=forced-rest]")).ToContainTextAsync("值班测试");
            await Support.Browser.ScreenshotAsync(page, "committee-forced-rest");
        });
    }
}
