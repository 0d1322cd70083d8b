using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class VolunteerJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_records_volunteer_hours_sees_the_total_and_prints_a_certificate()
    {
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "志愿测试");
        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "volunteer", async () =>
        {
            await page.GotoAsync($"/workers/{worker.Id}");
            var panel = page.Locator("[data-testid=volunteer-panel]");
            await panel.Locator("[data-testid=volunteer-add]").ClickAsync();
            await page.ClickAsync("[data-testid=volunteer-save]");
            await Assertions.Expect(panel).ToContainTextAsync("请填写核实人");

            await Support.Browser.Field(page, "volunteer-activity").FillAsync("社区卡口测温登记");
            await Support.Browser.Field(page, "volunteer-day").FillAsync("2026-02-03");
            await Support.Browser.Field(page, "volunteer-from").FillAsync("08:00");
            await Support.Browser.Field(page, "volunteer-from").BlurAsync();
            await Support.Browser.Field(page, "volunteer-to").FillAsync("12:30");
            await Support.Browser.Field(page, "volunteer-to").BlurAsync();
            await Support.Browser.Field(page, "volunteer-verifier").FillAsync("王社工");
            await page.ClickAsync("[data-testid=volunteer-save]");
            await Assertions.Expect(panel.Locator("[data-testid=volunteer-total]")).ToContainTextAsync("累计 4.5 小时");
            await Assertions.Expect(panel.Locator("[data-testid=volunteer-records]")).ToContainTextAsync("2026-02-03 08:00 – 12:30");

            // The same hours again are refused: they cannot count twice.
            await panel.Locator("[data-testid=volunteer-add]").ClickAsync();
            await Support.Browser.Field(page, "volunteer-activity").FillAsync("重复登记");
            await Support.Browser.Field(page, "volunteer-day").FillAsync("2026-02-03");
            await Support.Browser.Field(page, "volunteer-from").FillAsync("10:00");
            await Support.Browser.Field(page, "volunteer-from").BlurAsync();
            await Support.Browser.Field(page, "volunteer-to").FillAsync("11:00");
            await Support.Browser.Field(page, "volunteer-to").BlurAsync();
            await Support.Browser.Field(page, "volunteer-verifier").FillAsync("王社工");
            await page.ClickAsync("[data-testid=volunteer-save]");
            await Assertions.Expect(panel).ToContainTextAsync("同一时段不能重复计算");

            await panel.Locator("[data-testid=volunteer-certificate]").ClickAsync();
            var certificate = page.Locator("[data-testid=certificate]");
            await Assertions.Expect(certificate).ToContainTextAsync("志愿测试", new() { Timeout = 20_000 });
            await Assertions.Expect(certificate).ToContainTextAsync("累计服务时长 4.5 小时");
            await Assertions.Expect(certificate).ToContainTextAsync("社区卡口测温登记");

            await page.GotoAsync("/volunteers");
            await Support.Browser.ChooseAsync(page.Locator("[data-testid=volunteer-min-stars]"), "全部有记录的人员");
            await Assertions.Expect(page.Locator("[data-testid=volunteer-list]")).ToContainTextAsync("志愿测试");
        });
    }
}
