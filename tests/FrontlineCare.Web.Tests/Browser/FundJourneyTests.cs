using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class FundJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task The_organisation_department_sets_up_a_fund_spends_from_it_within_the_balance_and_reverses_a_mistake()
    {
        var page = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(page, "fund", async () =>
        {
            await page.GotoAsync("/funds");
            await Support.Browser.Field(page, "fund-name").FillAsync("海门街道专项党费");
            await page.ClickAsync("[data-testid=fund-create-save]");
            await Assertions.Expect(page.Locator("[data-testid=fund-create]")).ToContainTextAsync("请写明资金来源依据");
            await Support.Browser.PickAsync(page, "fund-unit", "海门街道");
            await Support.Browser.Field(page, "fund-source").FillAsync("区委组织部下拨专项党费");
            await page.ClickAsync("[data-testid=fund-create-save]");
            await Assertions.Expect(page.Locator("[data-testid=fund-balance]")).ToContainTextAsync("0.00 元", new() { Timeout = 20_000 });

            async Task ChooseKindAsync(string kind)
            {
                await Support.Browser.ChooseAsync(page.Locator("[data-testid=fund-kind]"), kind);
                // The form re-renders for the kind.
                await Assertions.Expect(page.Locator("[data-testid=fund-kind]:visible")).ToContainTextAsync(kind);
            }
            await ChooseKindAsync("入账");
            await Support.Browser.Field(page, "fund-amount").FillAsync("3000");
            await Support.Browser.Field(page, "fund-note").FillAsync("区委组织部下拨");
            await page.ClickAsync("[data-testid=fund-record]");
            await Assertions.Expect(page.Locator("[data-testid=fund-balance]")).ToContainTextAsync("3,000.00 元");

            await ChooseKindAsync("支出");
            await Support.Browser.ChooseAsync(page.Locator("[data-testid=fund-purpose]"), "慰问");
            await Support.Browser.PickAsync(page, "fund-recipient-unit", "东山社区");
            await Support.Browser.Field(page, "fund-amount").FillAsync("5000");
            await Support.Browser.Field(page, "fund-note").FillAsync("慰问卡口值守人员");
            await page.ClickAsync("[data-testid=fund-record]");
            await Assertions.Expect(page.Locator("[data-testid=fund-entry-form]")).ToContainTextAsync("余额不足：当前余额 3,000.00 元");
            await Support.Browser.Field(page, "fund-amount").FillAsync("400");
            await page.ClickAsync("[data-testid=fund-record]");
            await Assertions.Expect(page.Locator("[data-testid=fund-balance]")).ToContainTextAsync("2,600.00 元");
            await Assertions.Expect(page.Locator("[data-testid=fund-entries]")).ToContainTextAsync("东山社区");

            await page.Locator("[data-testid=fund-reverse]").First.ClickAsync();
            await Support.Browser.Field(page, "fund-reverse-reason").FillAsync("金额录错");
            await page.ClickAsync("[data-testid=fund-reverse-confirm]");
            await Assertions.Expect(page.Locator("[data-testid=fund-balance]")).ToContainTextAsync("3,000.00 元");
            await Assertions.Expect(page.Locator("[data-testid=fund-entries]")).ToContainTextAsync("已冲销");
            await Assertions.Expect(page.Locator("[data-testid=fund-statement]")).ToContainTextAsync("期末：3,000.00 元");
        });
    }
}
