using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class InsuranceJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_sees_who_lacks_cover_records_a_policy_and_covers_them_all_at_once()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "缺保测试");
        var deployment = await host.Data.AddDeploymentAsync(worker.Id, today.AddDays(-3), null, "发热门诊");
        await using (var db = host.Data.NewContext())
            await db.Deployments.Where(d => d.Id == deployment.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.RiskClass, RiskClass.I));

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "insurance", async () =>
        {
            await page.GotoAsync("/insurance");
            await Assertions.Expect(page.Locator("[data-testid=insurance-missing]")).ToContainTextAsync("缺保测试", new() { Timeout = 20_000 });

            await page.GetByRole(AriaRole.Tab, new() { Name = "保单" }).ClickAsync();
            await Support.Browser.PickAsync(page, "insurance-holder", "海门街道");
            await Support.Browser.Field(page, "insurance-insurer").FillAsync("中国人寿");
            await Support.Browser.Field(page, "insurance-number").FillAsync("ZJ2026-0001");
            await Support.Browser.Field(page, "insurance-sum").FillAsync("500000");
            await page.ClickAsync("[data-testid=insurance-save]");
            await Assertions.Expect(page.Locator("[data-testid=insurance-form]")).ToContainTextAsync("此项为必填");
            await page.GetByLabel("起保日期").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd"));
            await page.GetByLabel("终止日期").FillAsync(today.AddDays(180).ToString("yyyy-MM-dd"));
            await page.GetByLabel("终止日期").BlurAsync();
            await page.ClickAsync("[data-testid=insurance-save]");
            await Assertions.Expect(page.Locator("[data-testid=insurance-policies]")).ToContainTextAsync("ZJ2026-0001");

            await page.GetByRole(AriaRole.Tab, new() { Name = "缺保名单" }).ClickAsync();
            await Support.Browser.ChooseAsync(page.Locator("[data-testid=insurance-cover-with]"), "ZJ2026-0001");
            await page.ClickAsync("[data-testid=insurance-cover-missing]");
            await Assertions.Expect(page.Locator("[data-testid=insurance-missing]")).Not.ToContainTextAsync("缺保测试");
        });
    }
}
