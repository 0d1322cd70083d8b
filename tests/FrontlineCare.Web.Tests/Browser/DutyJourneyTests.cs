using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class DutyJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    private static string LastWeekLabel()
    {
        var monday = FrontlineCare.Core.Features.Duty.DutyService.WeekStartOf(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))).AddDays(-7);
        return $"{monday.Year}年{monday.Month}月{monday.Day}日";
    }

    [Fact]
    public async Task A_committee_logs_duty_sees_the_overload_and_reports_and_the_organisation_department_returns_the_report()
    {
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "值班测试");
        var monday = FrontlineCare.Core.Features.Duty.DutyService.WeekStartOf(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));
        await host.Data.AddDeploymentAsync(worker.Id, monday.AddDays(-30), null, "浏览器测试卡口");

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "duty", async () =>
        {
            await page.GotoAsync("/duty");
            await Support.Browser.ChooseAsync(page.Locator("[data-testid=duty-post]"), "浏览器测试卡口");
            await page.ClickAsync("text=上一周");
            // The grid reloads for last week before its cells are typed into.
            await Assertions.Expect(page.Locator("[data-testid=duty-week]")).ToContainTextAsync(LastWeekLabel());

            var cell = page.Locator("input[data-testid='duty-cell-值班测试-0'], [data-testid='duty-cell-值班测试-0'] input").First;
            await cell.FillAsync("13");
            await page.Locator("input[data-testid='duty-cell-值班测试-1'], [data-testid='duty-cell-值班测试-1'] input").First.FillAsync("8");
            await page.ClickAsync("[data-testid=duty-save]");

            await Assertions.Expect(page.Locator("[data-testid=overload]")).ToContainTextAsync("单日 13 小时（上限 12）");
            await Support.Browser.ScreenshotAsync(page, "committee-duty-week");

            // The overload opened a forced-rest case (B2) that the committee now handles.
            await page.GotoAsync("/forced-rest");
            await Assertions.Expect(page.Locator("[data-testid=forced-rest]")).ToContainTextAsync("值班测试");
            await Support.Browser.ScreenshotAsync(page, "committee-forced-rest");

            // B5: the committee reports last week, its figures filled in from the duty just logged.
            await page.GotoAsync("/reports");
            var lastWeek = monday.AddDays(-7).ToString("yyyy-MM-dd");
            await page.ClickAsync($"[data-testid=submit-{lastWeek}]");
            await page.Locator("[data-testid=report-notes] textarea, textarea[data-testid=report-notes]").First.FillAsync("为值班人员送去夜宵和防寒用品");
            await page.ClickAsync("[data-testid=report-send]");
            await Assertions.Expect(page.Locator("[data-testid=my-reports] tr").Filter(new() { HasText = "待审核" })).ToHaveCountAsync(1);
        });

        var orgDepartment = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(orgDepartment, "report-review", async () =>
        {
            await orgDepartment.GotoAsync("/reports");
            var haimen = orgDepartment.Locator("[data-testid=overview] tr").Filter(new() { HasText = "海门街道" }).First;
            await Assertions.Expect(haimen).ToContainTextAsync("待审核");
            await Assertions.Expect(orgDepartment.Locator("[data-testid=overview]")).ToContainTextAsync("为值班人员送去夜宵和防寒用品");
            await haimen.Locator("[data-testid=return]").ClickAsync();
            await orgDepartment.ClickAsync("[data-testid=return-send]");
            await Assertions.Expect(orgDepartment.Locator("text=退回时请写明需要补充或更正的内容")).ToBeVisibleAsync();
            await orgDepartment.Locator("[data-testid=return-comment] textarea, textarea[data-testid=return-comment]").First.FillAsync("请补充强制休息安排情况");
            await orgDepartment.ClickAsync("[data-testid=return-send]");
            await Assertions.Expect(haimen).ToContainTextAsync("已退回");
            await Support.Browser.ScreenshotAsync(orgDepartment, "orgdept-reports");
        });

        await Support.Browser.RecordFailureAsync(page, "report-returned", async () =>
        {
            await page.GotoAsync("/reports");
            await Assertions.Expect(page.Locator("[data-testid=review-comment]").First).ToContainTextAsync("请补充强制休息安排情况");
            await Support.Browser.ScreenshotAsync(page, "committee-reports");
        });
    }

    [Fact]
    public async Task A_committee_imports_the_week_from_the_excel_template_after_a_bad_sheet_is_rejected_whole()
    {
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("西街社区"), name: "导入测试");
        var monday = FrontlineCare.Core.Features.Duty.DutyService.WeekStartOf(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))).AddDays(-7);
        await host.Data.AddDeploymentAsync(worker.Id, monday.AddDays(-30), null, "导入测试卡口");

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "duty-import", async () =>
        {
            await page.GotoAsync("/duty");
            await Support.Browser.ChooseAsync(page.Locator("[data-testid=duty-post]"), "导入测试卡口");
            await page.ClickAsync("text=上一周");
            // The grid reloads for last week before its cells are typed into.
            await Assertions.Expect(page.Locator("[data-testid=duty-week]")).ToContainTextAsync(LastWeekLabel());

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=duty-template]"));
            var template = Path.Combine(Path.GetTempPath(), $"duty-{Guid.NewGuid():N}.xlsx");
            await download.SaveAsAsync(template);
            var rows = MiniExcelLibs.MiniExcel.Query(template, useHeaderRow: true).Cast<IDictionary<string, object?>>()
                .Select(r => new Dictionary<string, object?>(r)).ToList();
            var row = rows.ShouldHaveSingleItem();
            var days = row.Keys.Skip(2).ToList();

            row[days[0]] = 8;
            row[days[1]] = "三十";
            var bad = Path.Combine(Path.GetTempPath(), $"duty-bad-{Guid.NewGuid():N}.xlsx");
            MiniExcelLibs.MiniExcel.SaveAs(bad, rows);
            await page.Locator("input[type=file]").Last.SetInputFilesAsync(bad);
            await Assertions.Expect(page.Locator("[data-testid=import-errors]")).ToContainTextAsync("D2：应为 0 到 24 之间的小时数");
            var firstCell = page.Locator("input[data-testid='duty-cell-导入测试-0'], [data-testid='duty-cell-导入测试-0'] input").First;
            await Assertions.Expect(firstCell).ToHaveValueAsync("");

            row[days[1]] = 9;
            var good = Path.Combine(Path.GetTempPath(), $"duty-good-{Guid.NewGuid():N}.xlsx");
            MiniExcelLibs.MiniExcel.SaveAs(good, rows);
            await page.Locator("input[type=file]").Last.SetInputFilesAsync(good);
            await Assertions.Expect(page.Locator("text=已导入 1 人的值班记录")).ToBeVisibleAsync();
            await Assertions.Expect(firstCell).ToHaveValueAsync("8");
            await Assertions.Expect(page.Locator("input[data-testid='duty-cell-导入测试-1'], [data-testid='duty-cell-导入测试-1'] input").First).ToHaveValueAsync("9");
            await Support.Browser.ScreenshotAsync(page, "committee-duty-import");
        });
    }
}
