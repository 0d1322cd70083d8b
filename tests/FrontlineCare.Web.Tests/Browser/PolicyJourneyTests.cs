using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class PolicyJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task The_organisation_department_records_a_sourced_threshold_change_after_a_bad_value_is_refused()
    {
        var page = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(page, "policy", async () =>
        {
            await page.GotoAsync("/policy");
            var value = page.Locator("[data-testid='value-B2.maxShiftHours']");
            await Assertions.Expect(value).ToContainTextAsync("12");

            await page.ClickAsync("[data-testid='change-B2.maxShiftHours']");
            await page.Locator("[data-testid=policy-value] input, input[data-testid=policy-value]").First.FillAsync("30");
            await page.Locator("[data-testid=policy-from] input, input[data-testid=policy-from]").First.FillAsync("2026-01-01");
            await page.ClickAsync("[data-testid=policy-save]");
            await Assertions.Expect(page.Locator("text=请输入 1 到 24 之间的整数")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("text=请写明依据（文件名称、条款或会议决定）")).ToBeVisibleAsync();
            await Assertions.Expect(value).ToContainTextAsync("12");

            await page.Locator("[data-testid=policy-value] input, input[data-testid=policy-value]").First.FillAsync("10");
            await page.Locator("[data-testid=policy-source] textarea, textarea[data-testid=policy-source]").First.FillAsync("椒江区疫情防控指挥部第 12 次会议纪要");
            await page.ClickAsync("[data-testid=policy-save]");

            await Assertions.Expect(value).ToContainTextAsync("10");
            await Assertions.Expect(value).ToContainTextAsync("默认值 12");
            await Assertions.Expect(page.Locator("[data-testid=policy-parameters]")).ToContainTextAsync("椒江区疫情防控指挥部第 12 次会议纪要");
            await Support.Browser.ScreenshotAsync(page, "orgdept-policy");
        });
    }
}
