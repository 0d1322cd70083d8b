using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

/// <summary>The portal's CSP blocks none of its own scripts (issue #14), and the API reference works under its own policy.</summary>
public sealed class ContentSecurityPolicyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    private static List<string> Collect(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") problems.Add(message.Text);
        };
        page.PageError += (_, error) => problems.Add(error);
        return problems;
    }

    [Fact]
    public async Task A_signed_in_page_has_no_content_security_policy_error()
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var problems = Collect(page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "orgdept");
        await page.FillAsync("#password", FrontlineCare.Core.Data.DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.Locator("[data-testid=current-user]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GotoAsync("/workers");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("一线人员");
        await page.WaitForTimeoutAsync(500);
        problems.ShouldBeEmpty();
        page.Url.ShouldEndWith("/workers");
    }

    [Fact]
    public async Task The_api_reference_renders_under_its_own_policy()
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
        var page = await context.NewPageAsync();
        var problems = Collect(page);
        await page.GotoAsync("/scalar/v1");
        await Assertions.Expect(page.GetByText("FrontlineCare API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        problems.Where(p => p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
    }
}
