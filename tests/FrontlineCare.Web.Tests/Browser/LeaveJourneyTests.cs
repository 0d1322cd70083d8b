using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class LeaveJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_records_owed_days_requests_compensatory_leave_and_approves_it_and_the_balance_falls()
    {
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "补休测试");
        // Next Monday and Tuesday: two working days (no holiday falls in late November or early December).
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var monday = FrontlineCare.Core.Features.Duty.DutyService.WeekStartOf(today).AddDays(7);

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "leave", async () =>
        {
            await page.GotoAsync($"/workers/{worker.Id}");
            var panel = page.Locator("[data-testid=leave-panel]");
            await Assertions.Expect(panel.Locator("[data-testid=leave-balance]")).ToContainTextAsync("0 天");

            await page.ClickAsync("[data-testid=leave-add]");
            await page.ClickAsync("[data-testid=leave-save]");
            await Assertions.Expect(panel).ToContainTextAsync("请写明事由");
            await page.Locator("[data-testid=leave-days] input, input[data-testid=leave-days]").First.FillAsync("3");
            await page.Locator("[data-testid=leave-reason] input, input[data-testid=leave-reason]").First.FillAsync("国庆期间连续值守");
            await page.ClickAsync("[data-testid=leave-save]");
            await Assertions.Expect(panel.Locator("[data-testid=leave-balance]")).ToContainTextAsync("3 天");
            await Assertions.Expect(panel.Locator("[data-testid=leave-ledger]")).ToContainTextAsync("国庆期间连续值守");

            await page.ClickAsync("[data-testid=leave-request]");
            // The form opens on 补休, the usual request.
            await Assertions.Expect(page.Locator("[data-testid=leave-kind]")).ToContainTextAsync("补休");
            await page.Locator("[data-testid=leave-from] input, input[data-testid=leave-from]").First.FillAsync(monday.ToString("yyyy-MM-dd"));
            await page.Locator("[data-testid=leave-to] input, input[data-testid=leave-to]").First.FillAsync(monday.AddDays(1).ToString("yyyy-MM-dd"));
            await page.Locator("[data-testid=leave-reason] input, input[data-testid=leave-reason]").First.FillAsync("回家照顾老人");
            await page.ClickAsync("[data-testid=leave-save]");
            await Assertions.Expect(panel.Locator("[data-testid=leave-requests]")).ToContainTextAsync("待审批");

            await page.GotoAsync("/leave");
            var row = page.Locator("[data-testid=pending-leave] tr").Filter(new() { HasText = "补休测试" });
            await row.Locator("[data-testid=leave-approve]").ClickAsync();
            await Assertions.Expect(row).ToHaveCountAsync(0);

            await page.GotoAsync($"/workers/{worker.Id}");
            await Assertions.Expect(panel.Locator("[data-testid=leave-balance]")).ToContainTextAsync("1 天");
            await Assertions.Expect(panel.Locator("[data-testid=leave-ledger]")).ToContainTextAsync("批准补休");
            await Support.Browser.ScreenshotAsync(page, "committee-leave");
        });
    }
}
