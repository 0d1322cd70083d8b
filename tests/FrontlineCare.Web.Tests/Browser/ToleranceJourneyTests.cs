using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class ToleranceJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task The_organisation_department_runs_an_error_tolerance_case_from_application_to_filing()
    {
        await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "容错测试");

        var page = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(page, "tolerance", async () =>
        {
            await page.GotoAsync("/tolerance");
            await Support.Browser.PickAsync(page, "tolerance-worker", "容错测试");
            await page.ClickAsync("[data-testid=tolerance-open]");
            await Assertions.Expect(page.Locator("[data-testid=tolerance-new]")).ToContainTextAsync("必填");

            await Support.Browser.Field(page, "tolerance-facts", "textarea").FillAsync("夜间发现密接人员，未经集体研究即临时封闭小区出入口");
            await Support.Browser.Field(page, "tolerance-action", "textarea").FillAsync("临时封闭小区并组织核酸检测");
            await Support.Browser.Field(page, "tolerance-mistake", "textarea").FillAsync("未按程序报批");
            await Support.Browser.Field(page, "tolerance-impact", "textarea").FillAsync("部分居民出行受阻");
            await page.ClickAsync("[data-testid=tolerance-open]");
            var stage = page.Locator("[data-testid=tolerance-stage]");
            await Assertions.Expect(stage).ToHaveTextAsync("申请或启动", new() { Timeout = 20_000 });

            // Naming a handler while an edit of the facts is under way keeps the edit.
            var mistake = Support.Browser.Field(page, "tolerance-case-mistake", "textarea");
            await mistake.FillAsync("未按程序报批，事后两小时内补报");
            await Support.Browser.ChooseAsync(page.Locator("[data-testid=case-handler-pick]"), "李书记");
            await page.ClickAsync("[data-testid=case-handler-add]");
            await Assertions.Expect(page.Locator("[data-testid=case-handlers]")).ToContainTextAsync("李书记（committee）");
            await Assertions.Expect(mistake).ToHaveValueAsync("未按程序报批，事后两小时内补报");

            // The written application goes onto the case as evidence, and downloads as a file, never as a page.
            await page.Locator("[data-testid=tolerance-evidence] input[type=file]").Last.SetInputFilesAsync(
                new FilePayload { Name = "书面申请.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 书面申请"u8.ToArray() });
            var evidence = page.Locator("[data-testid=tolerance-evidence-file]");
            await Assertions.Expect(evidence).ToHaveTextAsync("书面申请.pdf");
            var download = await page.APIRequest.GetAsync((await evidence.GetAttributeAsync("href"))!);
            download.Status.ShouldBe(200);
            download.Headers["content-type"].ShouldBe("application/octet-stream");
            (await download.BodyAsync()).ShouldBe("%PDF-1.4 书面申请"u8.ToArray());

            // Meanwhile the committee, now a handler, corrects the impact and saves. A later file upload keeps the
            // organisation department's unsaved edit, but its save is then refused, not laid over the committee's.
            var committee = await browser.SignInAsync(host.BaseUrl, "committee");
            await committee.GotoAsync(page.Url);
            var theirImpact = Support.Browser.Field(committee, "tolerance-case-impact", "textarea");
            await theirImpact.FillAsync("部分居民出行受阻约两小时");
            await committee.ClickAsync("[data-testid=tolerance-save-facts]");
            await Assertions.Expect(committee.Locator(".mud-snackbar").Filter(new() { HasText = "已保存" }).First).ToBeVisibleAsync();
            await page.Locator("[data-testid=tolerance-evidence] input[type=file]").Last.SetInputFilesAsync(
                new FilePayload { Name = "调查笔录.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 调查笔录"u8.ToArray() });
            await Assertions.Expect(evidence).ToHaveCountAsync(2);
            await Assertions.Expect(mistake).ToHaveValueAsync("未按程序报批，事后两小时内补报");
            await page.ClickAsync("[data-testid=tolerance-save-facts]");
            await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "该记录已被他人修改" }).First).ToBeVisibleAsync();
            await Assertions.Expect(Support.Browser.Field(page, "tolerance-case-impact", "textarea")).ToHaveValueAsync("部分居民出行受阻约两小时");

            // 核实, then a decision while the criteria are still unclear is refused on the outcome.
            await Support.Browser.Field(page, "tolerance-verify-note").FillAsync("调阅监控、询问当事人");
            await page.ClickAsync("[data-testid=tolerance-advance]");
            await Assertions.Expect(stage).ToHaveTextAsync("核实");
            await Support.Browser.Field(page, "tolerance-decided-by").FillAsync("椒江区纪委常委会");
            await Outcome(page, "免责");
            await page.ClickAsync("[data-testid=tolerance-advance]");
            await Assertions.Expect(page.Locator("[data-testid=tolerance-procedure]")).ToContainTextAsync("待查明");

            // Every condition met, no exclusion present.
            var rows = page.Locator("[data-testid=tolerance-criterion]");
            var count = await rows.CountAsync();
            count.ShouldBeGreaterThan(10);
            for (var i = 0; i < count; i++)
            {
                var exclusion = i >= count / 2;
                await Support.Browser.ChooseAsync(rows.Nth(i).Locator("[data-testid=tolerance-finding]:visible"), exclusion ? "不存在" : "满足", exact: true);
            }
            await page.ClickAsync("[data-testid=tolerance-save-findings]");
            await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存" }).First).ToBeVisibleAsync();
            await Support.Browser.Field(page, "tolerance-decided-by").FillAsync("椒江区纪委常委会");
            await Outcome(page, "免责");
            await page.ClickAsync("[data-testid=tolerance-advance]");
            await Assertions.Expect(stage).ToHaveTextAsync("认定 · 免责");

            await page.ClickAsync("[data-testid=tolerance-advance]"); // 书面反馈本人
            await Assertions.Expect(stage).ToHaveTextAsync("书面反馈本人 · 免责");
            await Support.Browser.Field(page, "tolerance-filed-with").FillAsync("台州市纪委");
            await page.ClickAsync("[data-testid=tolerance-advance]");
            await Assertions.Expect(stage).ToHaveTextAsync("报备上级 · 免责");
            await Assertions.Expect(page.Locator("[data-testid=tolerance-procedure]")).ToContainTextAsync("台州市纪委");
            // The organisation department sees who opened the case.
            await Assertions.Expect(page.Locator("[data-testid=case-access-log]")).ToContainTextAsync("orgdept");
            await Support.Browser.ScreenshotAsync(page, "orgdept-tolerance-case");
        });
    }

    [Fact]
    public async Task The_organisation_department_records_a_report_and_concludes_it_untrue()
    {
        await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "澄清测试");

        var page = await browser.SignInAsync(host.BaseUrl, "orgdept");
        await Support.Browser.RecordFailureAsync(page, "clarification", async () =>
        {
            await page.GotoAsync("/clarification");
            await Support.Browser.PickAsync(page, "clarification-worker", "澄清测试");
            await Support.Browser.Field(page, "clarification-source").FillAsync("12388举报平台");
            await Support.Browser.Field(page, "clarification-allegation").FillAsync("反映其值守期间擅离岗位");
            await page.ClickAsync("[data-testid=clarification-open]");
            var stage = page.Locator("[data-testid=clarification-stage]");
            await Assertions.Expect(stage).ToHaveTextAsync("收到举报", new() { Timeout = 20_000 });

            await Support.Browser.ChooseAsync(page.Locator("[data-testid=clarification-conclusion]:visible"), "不实", exact: true);
            await page.ClickAsync("[data-testid=clarification-advance]");
            await Assertions.Expect(stage).ToHaveTextAsync("核查结论 · 不实");
            // Approval without the person's consent is refused with the reason.
            await Support.Browser.Field(page, "clarification-approved-by").FillAsync("椒江区纪委");
            await page.ClickAsync("[data-testid=clarification-advance]");
            await Assertions.Expect(page.Locator("[data-testid=clarification-procedure]")).ToContainTextAsync("征得本人同意");
            await Assertions.Expect(page.Locator("[data-testid=case-access-log]")).ToContainTextAsync("orgdept");
        });
    }

    private static async Task Outcome(IPage page, string label)
    {
        await Support.Browser.ChooseAsync(page.Locator("[data-testid=tolerance-outcome]:visible"), label, exact: true);
    }
}
