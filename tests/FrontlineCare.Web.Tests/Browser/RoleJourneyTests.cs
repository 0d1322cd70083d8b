using FrontlineCare.Core.Policy;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

/// <summary>One journey per role, in Debian's Chromium against the real portal; each saves a screenshot.</summary>
public sealed class RoleJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task OrgDepartment_registers_a_worker_and_deploys_them()
    {
        var page = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(page, "orgdept", async () =>
        {
            await page.GotoAsync("/workers");
            await page.ClickAsync("[data-testid=add-worker]");

            var dialog = page.Locator(".mud-dialog");
            await Field(dialog, "worker-name").FillAsync("陈晓燕");
            // A wrong check digit is flagged on the field as the user types.
            var goodId = NationalIdNumber.Compose("331002", new DateOnly(1988, 6, 2), 124);
            var badId = goodId[..17] + (goodId[17] == '0' ? '1' : '0');
            var idInput = Field(dialog, "worker-national-id");
            await idInput.FillAsync(badId);
            await idInput.BlurAsync();
            await Assertions.Expect(dialog.GetByText("身份证号校验位不正确，请核对")).ToBeVisibleAsync();

            await idInput.FillAsync(goodId);
            await Field(dialog, "worker-mobile").FillAsync("13857600001");
            await Support.Browser.ChooseAsync(dialog.Locator("[data-testid=worker-gender]"), "女");
            await Support.Browser.ChooseAsync(dialog.Locator("[data-testid=worker-category]"), "村（社区）干部");
            await Support.Browser.ChooseAsync(dialog.Locator("[data-testid=worker-political]"), "中共党员");
            await Support.Browser.PickAsync(page, "worker-unit", "东山", "东山社区");
            await dialog.Locator("[data-testid=worker-save]").ClickAsync();

            // Navigation inside the circuit fires no load event: wait for the worker page itself.
            await Assertions.Expect(page.Locator("[data-testid=worker-title]")).ToHaveTextAsync("陈晓燕", new() { Timeout = 20_000 });
            page.Url.ShouldContain("/workers/");

            await page.ClickAsync("[data-testid=add-deployment]");
            var deployment = page.Locator(".mud-dialog");
            await Support.Browser.ChooseAsync(deployment.Locator("[data-testid=deployment-post]"), "卡口");
            await Support.Browser.ChooseAsync(deployment.Locator("[data-testid=deployment-risk]"), "二类：其他一线防控工作");
            await Field(deployment, "deployment-place").FillAsync("甬台温高速椒江出口卡口");
            var start = Field(deployment, "deployment-start");
            await start.FillAsync(DateTime.Today.AddDays(-2).ToString("yyyy-MM-dd"));
            await start.PressAsync("Enter");
            await deployment.Locator("[data-testid=deployment-save]").ClickAsync();

            await Assertions.Expect(page.Locator("[data-testid=deployment-timeline]")).ToContainTextAsync("甬台温高速椒江出口卡口");
            await Assertions.Expect(page.Locator("[data-testid=history]")).ToContainTextAsync("新增");
            await Support.Browser.ScreenshotAsync(page, "orgdept-worker-deployed");
        });
    }

    [Fact]
    public async Task UnitCommittee_sees_only_its_own_people_and_is_stopped_at_another_units_worker()
    {
        await using var db = host.Data.NewContext();
        var baiyun = await host.Data.UnitIdAsync("白云社区");
        var outsider = db.Workers.First(w => w.UnitId == baiyun);

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await page.GotoAsync("/workers");
        var grid = page.Locator("[data-testid=worker-grid]");
        await Assertions.Expect(grid).ToContainTextAsync("海门");
        await Assertions.Expect(grid).Not.ToContainTextAsync("白云");
        // Full ID numbers are for the organisation department only.
        await Assertions.Expect(grid).ToContainTextAsync("**********");
        await Support.Browser.ScreenshotAsync(page, "committee-worker-list");

        await page.GotoAsync($"/workers/{outsider.Id}");
        // Outside the jurisdiction reads exactly like a record that does not exist: nothing says it is there.
        await Assertions.Expect(page.Locator("[data-testid=problem]")).ToContainTextAsync("页面不存在");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(outsider.FullName);
        await Support.Browser.ScreenshotAsync(page, "committee-not-in-jurisdiction");

        // A tampered id is "not found", never an error page.
        await page.GotoAsync("/workers/1%27%20OR%201=1");
        await Assertions.Expect(page.Locator("[data-testid=problem]")).ToContainTextAsync("页面不存在");
    }

    [Fact]
    public async Task Supervisor_reads_a_worker_but_cannot_edit()
    {
        await using var db = host.Data.NewContext();
        var dongshan = await host.Data.UnitIdAsync("东山社区");
        var worker = db.Workers.First(w => w.UnitId == dongshan);

        var page = await browser.SignInAsync(host.BaseUrl, "supervisor");
        await page.GotoAsync($"/workers/{worker.Id}");
        await Assertions.Expect(page.Locator("[data-testid=worker-title]")).ToHaveTextAsync(worker.FullName);
        await Assertions.Expect(page.Locator("[data-testid=edit-worker]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=add-deployment]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=worker-national-id]")).ToContainTextAsync("**********");
        await Assertions.Expect(page.Locator("[data-testid=duty-heat-map] .heat-cell").First).ToBeVisibleAsync();
        await Support.Browser.ScreenshotAsync(page, "supervisor-worker-read-only");
    }

    [Fact]
    public async Task Admin_creates_an_account_with_a_role_and_home_unit()
    {
        var page = await browser.SignInAsync(host.BaseUrl, "admin");
        await Support.Browser.RecordFailureAsync(page, "admin", async () =>
        {
            // Accounts only: the personnel pages are not in Admin's menu.
            await Assertions.Expect(page.Locator(".mud-nav-link[href='/accounts']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".mud-nav-link[href='/workers']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".mud-nav-link[href='/nominations']")).ToHaveCountAsync(0);
            await page.GotoAsync("/accounts");
            await Support.Browser.Field(page, "account-username").FillAsync("baiyun.committee");
            await Support.Browser.Field(page, "account-displayname").FillAsync("白云街道党工委");
            await Support.Browser.ChooseAsync(page.Locator("[data-testid=account-role]"), "单位党委（党组）");
            await Support.Browser.ChooseAsync(page.Locator("[data-testid=account-unit]"), "白云街道");
            await Support.Browser.Field(page, "account-password").FillAsync("Baiyun2026x");
            await page.ClickAsync("[data-testid=account-save]");
            await Assertions.Expect(page.Locator("[data-testid=accounts]")).ToContainTextAsync("baiyun.committee");
            await Support.Browser.ScreenshotAsync(page, "admin-accounts");
        });
    }

    [Fact]
    public async Task OrgDepartment_sees_the_dashboard_and_the_unit_tree_with_inherited_profiles()
    {
        var page = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(page, "orgdept-home", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=tile-workers]")).Not.ToHaveTextAsync("0");
            await Support.Browser.ScreenshotAsync(page, "orgdept-home");
            await page.GotoAsync("/units");
            var tree = page.Locator("[data-testid=unit-tree]");
            await Assertions.Expect(tree).ToContainTextAsync("海门街道");
            await Assertions.Expect(tree).Not.ToContainTextAsync("绍兴市");
            await Support.Browser.ScreenshotAsync(page, "orgdept-units");
        });
    }

    [Fact]
    public async Task The_worker_list_is_usable_on_a_phone_screen()
    {
        var page = await browser.SignInAsync(host.BaseUrl, "orgdept", width: 390, height: 844);
        await page.GotoAsync("/workers");
        await Assertions.Expect(page.Locator("[data-testid=worker-grid]")).ToContainTextAsync("3310");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(390 + 1);
        await Support.Browser.ScreenshotAsync(page, "phone-worker-list");
    }

    /// <summary>The input of a Mud field, whether the test id sits on the input itself or on its wrapper.</summary>
    private static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
