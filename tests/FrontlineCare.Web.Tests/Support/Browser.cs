using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright: headless, never a downloaded browser.</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    public IBrowser Instance { get; private set; } = null!;

    public static string ScreenshotDir => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException("Chromium is missing: run deploy/test.sh, which installs Debian's chromium package.");
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    public async Task<IPage> SignInAsync(string baseUrl, string userName, int width = 1366, int height = 900)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", FrontlineCare.Core.Data.DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));
        // The interactive circuit is up once the user's name shows in the app bar.
        await page.Locator("[data-testid=current-user]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>The input (or textarea) of a Mud field, whether the test id sits on the element itself or on its wrapper.</summary>
    public static ILocator Field(IPage page, string testId, string element = "input") =>
        page.Locator($"{element}[data-testid={testId}], [data-testid={testId}] {element}").First;

    /// <summary>
    /// Types into an autocomplete and picks the option with the text (or <paramref name="option"/>). The list shown on
    /// focus (an empty search) can arrive after the typed search's; then the text is typed again, up to three times.
    /// </summary>
    public static async Task PickAsync(IPage page, string testId, string text, string? option = null)
    {
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option ?? text }).First;
        for (var attempt = 1; ; attempt++)
        {
            await Field(page, testId).FillAsync(text);
            try
            {
                await item.WaitForAsync(new() { Timeout = 7_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await Field(page, testId).FillAsync("");
            }
        }
        await item.ClickAsync();
        // Once the choice reaches the server, the autocomplete closes its list and takes the focus back. A fill begun
        // before then has its focus taken mid-way and its text lands in the autocomplete instead of the next field.
        await ListClosedAsync(page);
        await page.WaitForFunctionAsync("el => el === document.activeElement", await Field(page, testId).ElementHandleAsync());
    }

    /// <summary>
    /// Opens a select and chooses the option containing the text (or exactly the text), then waits for the list to
    /// close: the server has taken the choice and rendered the form for it.
    /// </summary>
    public static async Task ChooseAsync(ILocator select, string option, bool exact = false)
    {
        await select.ClickAsync();
        var items = select.Page.Locator(".mud-popover-open .mud-list-item");
        await (exact ? items.GetByText(option, new() { Exact = true }) : items.Filter(new() { HasText = option }).First).ClickAsync();
        await ListClosedAsync(select.Page);
    }

    public static Task ListClosedAsync(IPage page) => Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);

    /// <summary>Runs a journey; on failure keeps a screenshot and the page's HTML next to the others, then rethrows.</summary>
    public static async Task RecordFailureAsync(IPage page, string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, $"FAILED-{name}.png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(ScreenshotDir, $"FAILED-{name}.html"), await page.ContentAsync());
            throw;
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}
