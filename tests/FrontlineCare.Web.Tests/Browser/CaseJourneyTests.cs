using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class CaseJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_opens_an_infection_case_sees_the_claim_deadline_and_records_the_family_liaison_s_visit()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "个案测试");
        await host.Data.AddDeploymentAsync(worker.Id, today.AddDays(-20), null, "个案测试卡口");

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "case", async () =>
        {
            await page.GotoAsync("/cases");
            await Support.Browser.PickAsync(page, "case-worker", "个案测试");
            await Support.Browser.Field(page, "case-occurred").FillAsync(today.AddDays(-30).ToString("yyyy-MM-dd"));
            await Support.Browser.Field(page, "case-description").FillAsync("转运途中感染");
            await page.ClickAsync("[data-testid=case-open]");
            await Assertions.Expect(page.Locator("[data-testid=case-new]")).ToContainTextAsync("早于此人首次在岗日期");

            await Support.Browser.Field(page, "case-occurred").FillAsync(today.AddDays(-5).ToString("yyyy-MM-dd"));
            await page.ClickAsync("[data-testid=case-open]");
            // Unit's claim: 30 days from the infection, 25 left.
            await Assertions.Expect(page.Locator("[data-testid=case-claim]")).ToContainTextAsync("剩 25 天", new() { Timeout = 20_000 });

            await Support.Browser.Field(page, "case-liaison").FillAsync("王书记");
            await page.ClickAsync("[data-testid=case-save]");
            await Assertions.Expect(page.Locator("[data-testid=case-followup-due]")).ToBeVisibleAsync();
            await Support.Browser.Field(page, "case-followup-by").FillAsync("王书记");
            await Support.Browser.Field(page, "case-followup-note").FillAsync("电话问候家属");
            await page.ClickAsync("[data-testid=case-followup-add]");
            await Assertions.Expect(page.Locator("[data-testid=case-followups]")).ToContainTextAsync("王书记：电话问候家属");
        });
    }
}
