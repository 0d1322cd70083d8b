using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class SubsidyJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task The_organisation_department_generates_checks_approves_and_exports_a_month_s_sheet_that_adds_up()
    {
        // A ward nurse at a tier I post: 8 h on the 1st and 2nd, 3 h on the 3rd → 2.5 days × 300 = 750.00 yuan.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var month = new DateOnly(today.Year, today.Month, 1);
        var hospital = await host.Data.AddUnitAsync("椒江区", UnitKind.Hospital, "补助测试医院");
        var nurse = await host.Data.AddWorkerAsync(hospital.Id, name: "补助护士");
        var deployment = await host.Data.AddDeploymentAsync(nurse.Id, month.AddDays(-10), null, "隔离病区");
        await using (var db = host.Data.NewContext())
        {
            await db.Workers.Where(w => w.Id == nurse.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.Category, WorkerCategory.MedicalWorker));
            await db.Deployments.Where(d => d.Id == deployment.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.RiskClass, RiskClass.I));
            foreach (var (day, hours) in new[] { (0, 8m), (1, 8m), (2, 3m) })
                db.DutyLogs.Add(new DutyLog { Id = Guid.CreateVersion7(), DeploymentId = deployment.Id, WorkerId = nurse.Id, Day = month.AddDays(day), Hours = hours });
            await db.SaveChangesAsync();
        }

        var page = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(page, "subsidy", async () =>
        {
            await page.GotoAsync("/subsidies");
            await page.ClickAsync("[data-testid=subsidy-create]");
            await Assertions.Expect(page.Locator("[data-testid=subsidy-generate]")).ToContainTextAsync("此项为必填");
            await Support.Browser.PickAsync(page, "subsidy-unit", "补助测试", "补助测试医院");
            await page.ClickAsync("[data-testid=subsidy-create]");

            var rows = page.Locator("[data-testid=subsidy-rows]");
            await Assertions.Expect(rows).ToContainTextAsync("补助护士", new() { Timeout = 20_000 });
            await Assertions.Expect(rows).ToContainTextAsync("临时性工作补助一档 2.5 天 × 300 元 = 750.00 元");
            await Assertions.Expect(page.Locator("[data-testid=subsidy-total]")).ToContainTextAsync("750.00 元");
            await Assertions.Expect(page.Locator("[data-testid=subsidy-status]")).ToHaveTextAsync("草稿");

            await page.ClickAsync("[data-testid=subsidy-check]");
            await Assertions.Expect(page.Locator("[data-testid=subsidy-status]")).ToHaveTextAsync("已核对");
            await page.ClickAsync("[data-testid=subsidy-approve]");
            await Assertions.Expect(page.Locator("[data-testid=subsidy-status]")).ToHaveTextAsync("已审批");
            await Assertions.Expect(page.Locator("[data-testid=subsidy-regenerate]")).ToHaveCountAsync(0);

            var href = await page.Locator("[data-testid=subsidy-export]").GetAttributeAsync("href");
            var response = await page.Context.APIRequest.GetAsync(host.BaseUrl + href);
            response.Status.ShouldBe(200);
            await using var xlsx = new MemoryStream(await response.BodyAsync());
            var sheet = (await xlsx.QueryAsync()).Cast<IDictionary<string, object?>>().ToList();
            ((string)sheet[0]["A"]!).ShouldBe($"补助测试医院{month.Year}年{month.Month}月一线人员补助发放表");
            sheet[1]["O"].ShouldBe("合计");
            var person = sheet[2];
            (person["A"], person["B"]).ShouldBe((1.0, "补助护士"));
            ((string)person["C"]!).ShouldContain("**********");
            (Convert.ToDecimal(person["F"]), Convert.ToDecimal(person["G"]), Convert.ToDecimal(person["O"])).ShouldBe((2.5m, 750m, 750m));
            (sheet[3]["A"], Convert.ToDecimal(sheet[3]["O"])).ShouldBe(("合计", 750m));
            ((string)sheet[4]["A"]!).ShouldContain("审批人：orgdept");
        });
    }
}
