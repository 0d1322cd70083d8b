using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class ChecklistJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_states_how_it_rotates_staff_and_the_organisation_department_exports_the_report()
    {
        var committee = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(committee, "checklist-committee", async () =>
        {
            await committee.GotoAsync("/checklist");
            var items = committee.Locator("[data-testid=checklist-item]");
            await Assertions.Expect(items).ToHaveCountAsync(8); // ZJ's eight measures
            var rest = items.Filter(new() { HasText = "ZJ5" });
            await Assertions.Expect(rest).ToContainTextAsync("强制休息提示"); // a figure from the portal's own data
            await rest.Locator("textarea").First.FillAsync("建立轮休台账，连续值守超过13天的一律安排休息");
            await rest.Locator("[data-testid=checklist-save]").ClickAsync();
            await Assertions.Expect(rest).ToContainTextAsync("更新");
        });

        var orgdept = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(orgdept, "checklist-orgdept", async () =>
        {
            await orgdept.GotoAsync("/checklist");
            var haimen = orgdept.Locator("[data-testid=checklist-matrix] tr").Filter(new() { HasText = "海门街道" });
            await Assertions.Expect(haimen).ToContainTextAsync("1 / 8");
            var href = await orgdept.Locator("[data-testid=checklist-export]").GetAttributeAsync("href");
            var response = await orgdept.Context.APIRequest.GetAsync(host.BaseUrl + href);
            response.Status.ShouldBe(200);
            await using var xlsx = new MemoryStream(await response.BodyAsync());
            var sheet = (await xlsx.QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
            sheet.ShouldContain(r => (string?)r["单位"] == "海门街道" && ((string?)r["措施"] ?? "").StartsWith("ZJ5")
                                     && (string?)r["落实情况说明"] == "建立轮休台账，连续值守超过13天的一律安排休息");
        });
    }
}
