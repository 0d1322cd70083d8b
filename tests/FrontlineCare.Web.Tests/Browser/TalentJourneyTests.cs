using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class TalentJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task The_organisation_department_puts_a_proven_cadre_on_the_talent_pool_and_exports_the_list()
    {
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "人才测试");
        await host.Data.AddDeploymentAsync(worker.Id, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31), "人才测试卡口");

        var page = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(page, "talent", async () =>
        {
            await page.GotoAsync("/talent");
            await page.ClickAsync("[data-testid=talent-add]");
            await Support.Browser.PickAsync(page, "talent-worker", "人才测试");
            await page.ClickAsync("[data-testid=talent-save]");
            await Assertions.Expect(page.Locator("[data-testid=talent-form]")).ToContainTextAsync("请写明依据");
            await Support.Browser.Field(page, "talent-evidence", "textarea").FillAsync("卡口值守 60 天，群众评价好");
            await page.ClickAsync("[data-testid=talent-save]");
            await Assertions.Expect(page.Locator("[data-testid=talent-list]")).ToContainTextAsync("卡口值守 60 天");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=talent-export]"));
            download.SuggestedFilename.ShouldStartWith("优秀干部库");
        });
    }
}
