using FrontlineCare.Core.Data;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class SignInTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", "supervisor");
            await page.FillAsync("#password", "Wrong-password-" + i);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.Locator("[data-testid=login-error]").WaitForAsync();
        }
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "supervisor");
        await page.FillAsync("#password", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");

        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("账号已锁定");
        page.Url.ShouldContain("/account/login");
        await Support.Browser.ScreenshotAsync(page, "sign-in-locked");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/account/login"));
        await page.GotoAsync("/workers");
        page.Url.ShouldContain("/account/login");
    }

    [Fact]
    public async Task A_user_switches_to_english_and_back_to_chinese()
    {
        var page = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Assertions.Expect(page.Locator("nav, .mud-navmenu").First).ToContainTextAsync("一线人员");
        await page.GotoAsync("/culture?culture=en-US&redirectUri=%2Fworkers");
        await Assertions.Expect(page.Locator(".mud-navmenu").First).ToContainTextAsync("Frontline workers");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Frontline workers");
        await Support.Browser.ScreenshotAsync(page, "english-worker-list");
        await page.GotoAsync("/culture?culture=zh-CN&redirectUri=%2Fworkers");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("一线人员");
    }
}
