using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class HealthJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_sees_who_has_not_reported_today_files_a_fever_and_a_supervisor_cannot_read_health_data()
    {
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "日报测试");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await host.Data.AddDeploymentAsync(worker.Id, today.AddDays(-5), null, "日报测试卡口");

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "health", async () =>
        {
            await page.GotoAsync("/health");
            var row = page.Locator("[data-testid=health-sheet] tr").Filter(new() { HasText = "日报测试" });
            await Assertions.Expect(row).ToContainTextAsync("缺报", new() { Timeout = 20_000 });
            var missingBefore = await page.Locator("[data-testid=health-missing]").InnerTextAsync();

            await row.Locator("[data-testid=health-edit]").ClickAsync();
            await page.ClickAsync("[data-testid=health-save]");
            await Assertions.Expect(page.Locator("[data-testid=health-form]")).ToContainTextAsync("请至少填写早晚体温中的一项");

            await Support.Browser.Field(page, "health-morning").FillAsync("37.8");
            await Support.Browser.Field(page, "health-morning").BlurAsync();
            await page.ClickAsync("[data-testid=health-save]");
            await Assertions.Expect(row).ToContainTextAsync("发热");
            await Assertions.Expect(row).ToContainTextAsync("37.8 ℃");
            await Assertions.Expect(page.Locator("[data-testid=health-missing]")).Not.ToHaveTextAsync(missingBefore);

            // Only problems: the fever stays on the list.
            await page.GetByText("只看缺报和异常").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=health-sheet]")).Not.ToContainTextAsync("正常");
            await Assertions.Expect(row).ToContainTextAsync("发热");
        });

        var supervisor = await browser.SignInAsync(host.BaseUrl, "supervisor");
        await Support.Browser.RecordFailureAsync(supervisor, "health-supervisor", async () =>
        {
            await supervisor.GotoAsync("/health");
            await Assertions.Expect(supervisor.Locator("[data-testid=health-denied]")).ToContainTextAsync("健康信息仅组织部门和单位党委可查看", new() { Timeout = 20_000 });
            await Assertions.Expect(supervisor.Locator("[data-testid=health-sheet]")).ToHaveCountAsync(0);
        });
    }
}
