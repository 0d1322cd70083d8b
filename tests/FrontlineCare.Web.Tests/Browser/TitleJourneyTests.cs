using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class TitleJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_records_a_frontline_nurses_title_application_with_the_privileges_the_profile_grants()
    {
        var nurse = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "职称测试");
        await host.Data.AddDeploymentAsync(nurse.Id, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31), "职称测试医院");
        await using (var db = host.Data.NewContext())
            await db.Workers.Where(w => w.Id == nurse.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.Category, WorkerCategory.MedicalWorker));

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "title", async () =>
        {
            await page.GotoAsync($"/workers/{nurse.Id}");
            var panel = page.Locator("[data-testid=title-panel]");
            await Assertions.Expect(panel.Locator("[data-testid=title-offered]")).ToContainTextAsync("放宽条件或破格申报");
            await Assertions.Expect(panel.Locator("[data-testid=title-offered]")).ToContainTextAsync("人社厅发〔2020〕23号");

            await panel.Locator("[data-testid=title-add]").ClickAsync();
            await page.Locator("input[data-testid=title-target], [data-testid=title-target] input").First.FillAsync("主管护师");
            await page.Locator("[data-testid=title-privilege-PaperExemption]").ClickAsync();
            await page.ClickAsync("[data-testid=title-save]");
            var application = panel.Locator("[data-testid=title-application]");
            await Assertions.Expect(application).ToContainTextAsync("主管护师");
            await Assertions.Expect(application).ToContainTextAsync("论文不作要求");
        });
    }
}
