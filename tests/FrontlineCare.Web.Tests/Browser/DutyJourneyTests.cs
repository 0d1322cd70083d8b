using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class DutyJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    private static string LastWeekLabel() =>
        Label(FrontlineCare.Core.Features.Duty.DutyService.WeekStartOf(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))).AddDays(-7));

    private static string Label(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    [Fact]
    public async Task A_committee_jumps_to_a_week_two_years_ago_by_the_date_picker_finds_its_post_and_back_fills_it()
    {
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "补录测试");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var day = today.AddYears(-2);
        var monday = FrontlineCare.Core.Features.Duty.DutyService.WeekStartOf(day);
        // A post staffed for a month two years ago and never since: the old picker (last 90 days) did not offer it.
        await host.Data.AddDeploymentAsync(worker.Id, monday.AddDays(-14), monday.AddDays(14), "两年前补录卡口");

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await Support.Browser.RecordFailureAsync(page, "duty-back-fill", async () =>
        {
            await page.GotoAsync("/duty");
            var date = Support.Browser.Field(page, "duty-date");
            await date.FillAsync(day.ToString("yyyy-MM-dd"));
            // A typed date is taken when the field is left, as any edited text field's; the calendar it opened closes.
            await date.PressAsync("Tab");
            await page.Locator("h1").ClickAsync();
            await Support.Browser.ListClosedAsync(page);
            // The grid is on that week (Monday to Sunday around the picked day) before a post is chosen.
            await Assertions.Expect(page.Locator("[data-testid=duty-week]")).ToContainTextAsync(Label(monday));
            await Assertions.Expect(page.Locator("[data-testid=duty-week]")).ToContainTextAsync(Label(monday.AddDays(6)));

            // The post list follows the chosen week and is searched by part of the name.
            await Support.Browser.PickAsync(page, "duty-post", "补录", "两年前补录卡口");
            var cell = page.Locator("input[data-testid='duty-cell-补录测试-2'], [data-testid='duty-cell-补录测试-2'] input").First;
            // The grid with its cells (each labelled by person and day) passes axe as the empty page does.
            await Assertions.Expect(cell).ToBeVisibleAsync();
            var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "critical" or "serious")
                .SelectMany(v => v.Nodes.Select(n => $"{v.Id} at {n.Target}")).ToList();
            serious.ShouldBeEmpty();
            await cell.FillAsync("7.5");
            await page.ClickAsync("[data-testid=duty-save]");
            await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存" })).ToBeVisibleAsync();
            await Support.Browser.ScreenshotAsync(page, "committee-duty-two-years-ago");

            // A month jump from there moves by the month, and the week keeps its place.
            await page.ClickAsync("[data-testid=duty-next-month]");
            await Assertions.Expect(page.Locator("[data-testid=duty-week]")).ToContainTextAsync(Label(FrontlineCare.Core.Features.Duty.DutyService.WeekStartOf(monday.AddMonths(1))));
        });
        await using var db = host.Data.NewContext();
        (await db.DutyLogs.SingleAsync(l => l.WorkerId == worker.Id)).ShouldSatisfyAllConditions(
            l => l.Day.ShouldBe(monday.AddDays(2)),
            l => l.Hours.ShouldBe(7.5m));
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
            await Support.Browser.PickAsync(page, "duty-post", "浏览器测试卡口");
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
            await Support.Browser.PickAsync(page, "duty-post", "导入测试卡口");
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
