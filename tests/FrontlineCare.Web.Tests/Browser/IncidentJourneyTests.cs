using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class IncidentJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_records_an_assault_refers_it_to_the_police_and_closes_it()
    {
        await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "事件测试");

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "incident", async () =>
        {
            await page.GotoAsync("/incidents");
            await Support.Browser.PickAsync(page, "incident-worker", "事件测试");
            await Support.Browser.Field(page, "incident-place").FillAsync("东山社区卡口");
            await Support.Browser.Field(page, "incident-description").FillAsync("劝导戴口罩时被推搡");
            await page.ClickAsync("[data-testid=incident-save]");
            var list = page.Locator("[data-testid=incident-list]");
            await Assertions.Expect(list).ToContainTextAsync("事件测试");
            await Assertions.Expect(list).ToContainTextAsync("剩 3 天"); // the referral is due

            // Closing without a police referral is refused with the reason.
            await list.Locator("tr").Filter(new() { HasText = "事件测试" }).ClickAsync();
            await Support.Browser.Field(page, "incident-outcome").FillAsync("公安机关已立案");
            await Support.Browser.Field(page, "incident-closed").CheckAsync();
            await page.ClickAsync("[data-testid=incident-save]");
            await Assertions.Expect(page.Locator("[data-testid=incident-referral-error]")).ToContainTextAsync("尚未移送");

            await Support.Browser.Field(page, "incident-police").CheckAsync();
            await Support.Browser.Field(page, "incident-referred-on").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd"));
            await Support.Browser.Field(page, "incident-referred-to").FillAsync("东山派出所");
            await page.ClickAsync("[data-testid=incident-save]");
            await Assertions.Expect(list).Not.ToContainTextAsync("事件测试");
            await page.GetByText("含已结案").ClickAsync();
            await Assertions.Expect(list).ToContainTextAsync("移送公安机关 · 东山派出所");
        });
    }
}
