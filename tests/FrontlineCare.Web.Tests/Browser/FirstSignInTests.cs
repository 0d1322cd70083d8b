using System.Diagnostics;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FrontlineCare.Web.Tests.Browser;

/// <summary>The first sign-in after a start renders the portal, never a blank page (issue #14).</summary>
public sealed class FirstSignInTests(PortalHost host, Support.Browser browser, ITestOutputHelper output) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task The_first_sign_in_after_a_start_says_it_is_loading_until_the_live_page_renders()
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "orgdept");
        await page.FillAsync("#password", FrontlineCare.Core.Data.DemoData.Password);
        var clock = Stopwatch.StartNew();
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));
        var redirected = clock.Elapsed;
        // Until the circuit has rendered, the page says that it is loading (never blank).
        await Assertions.Expect(page.Locator("[data-testid=app-loading], [data-testid=current-user]").First).ToBeAttachedAsync(new() { Timeout = 2_000 });
        await page.Locator("[data-testid=current-user]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        var rendered = clock.Elapsed;
        output.WriteLine($"redirected after {redirected.TotalMilliseconds:0} ms, rendered after {rendered.TotalMilliseconds:0} ms");
        await Assertions.Expect(page.Locator("[data-testid=app-loading]")).ToBeHiddenAsync();
        problems.ShouldBeEmpty();
    }
}
