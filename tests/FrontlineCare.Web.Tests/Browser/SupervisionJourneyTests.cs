using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class SupervisionJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task An_inspector_records_a_finding_the_committee_rectifies_it_and_the_organisation_department_closes_it()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var supervisor = await browser.SignInAsync(host.BaseUrl, "supervisor");
        await Support.Browser.RecordFailureAsync(supervisor, "supervision-inspector", async () =>
        {
            await supervisor.GotoAsync("/supervision");
            await Support.Browser.PickAsync(supervisor, "finding-unit", "东山社区");
            await Support.Browser.Field(supervisor, "finding-inspector").FillAsync("区委督查组");
            await Support.Browser.Field(supervisor, "finding-problem").FillAsync("卡口登记台账不全（浏览器测试）");
            await Support.Browser.Field(supervisor, "finding-owner").FillAsync("东山社区书记");
            await Support.Browser.Field(supervisor, "finding-deadline").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd"));
            await supervisor.ClickAsync("[data-testid=finding-create]");
            await Assertions.Expect(supervisor.Locator("[data-testid=finding-new]")).ToContainTextAsync("不能早于");
            await Support.Browser.Field(supervisor, "finding-deadline").FillAsync("");
            await supervisor.ClickAsync("[data-testid=finding-create]");
            await Assertions.Expect(supervisor.Locator("[data-testid=finding-list]")).ToContainTextAsync("卡口登记台账不全（浏览器测试）");
        });

        var committee = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(committee, "supervision-committee", async () =>
        {
            await committee.GotoAsync("/supervision");
            var row = committee.Locator("[data-testid=finding-list] tr").Filter(new() { HasText = "卡口登记台账不全（浏览器测试）" });
            await row.Locator("input[data-testid=finding-rectification], [data-testid=finding-rectification] input").First.FillAsync("补齐台账，专人每日核对");
            await row.Locator("[data-testid=finding-rectify]").ClickAsync();
            await Assertions.Expect(row).ToContainTextAsync("补齐台账，专人每日核对");
        });

        var orgdept = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(orgdept, "supervision-close", async () =>
        {
            await orgdept.GotoAsync("/supervision");
            var row = orgdept.Locator("[data-testid=finding-list] tr").Filter(new() { HasText = "卡口登记台账不全（浏览器测试）" });
            await row.Locator("[data-testid=finding-close]").ClickAsync();
            await Assertions.Expect(orgdept.Locator("[data-testid=finding-list]")).Not.ToContainTextAsync("卡口登记台账不全（浏览器测试）");
        });
    }
}
