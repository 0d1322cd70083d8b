using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FrontlineCare.Web.Tests.Browser;

public sealed class NominationJourneyTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_committee_nominates_a_supervisor_returns_it_the_committee_resubmits_and_the_approval_moves_the_quota()
    {
        // A community of four people deployed this year: 30% of 4 → one excellent place.
        var unit = await host.Data.AddUnitAsync("海门街道", name: "表彰测试社区");
        var year = DateTime.UtcNow.AddHours(8).Year;
        var workers = new List<FrontlineWorker>();
        for (var i = 0; i < 4; i++)
        {
            var worker = await host.Data.AddWorkerAsync(unit.Id, name: i == 0 ? "推荐测试甲" : null);
            await host.Data.AddDeploymentAsync(worker.Id, new DateOnly(year, 2, 1), new DateOnly(year, 3, 31), "表彰测试卡口");
            workers.Add(worker);
        }
        await using (var db = host.Data.NewContext())
            await db.Workers.Where(w => w.UnitId == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.StaffCategory, StaffCategory.CivilServant));

        var committee = await browser.SignInAsync(host.BaseUrl, "committee");
        string url = "";
        await Support.Browser.RecordFailureAsync(committee, "nomination-submit", async () =>
        {
            await committee.GotoAsync("/nominations/new");
            await Support.Browser.PickAsync(committee, "nomination-worker", "推荐测试甲");
            // The facts the portal knows come with the nominee; the kinds follow the civil-service ladder.
            await Assertions.Expect(committee.Locator("[data-testid=nomination-facts]")).ToContainTextAsync("表彰测试卡口");
            await committee.Locator("[data-testid=nomination-kind]").ClickAsync();
            await Assertions.Expect(committee.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "记功" })).ToHaveCountAsync(0);
            await committee.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "年度考核优秀等次" }).First.ClickAsync();
            await Support.Browser.ListClosedAsync(committee);
            await Assertions.Expect(committee.Locator("[data-testid=nomination-quota]")).ToContainTextAsync("名额 1 个，已占用 0 个");

            await committee.ClickAsync("[data-testid=nomination-submit]");
            await Assertions.Expect(committee.GetByText("请填写主要事迹")).ToBeVisibleAsync();
            await Support.Browser.Field(committee, "nomination-deeds", "textarea").FillAsync("连续值守卡口 40 天。");
            await committee.ClickAsync("[data-testid=nomination-submit]");
            await Assertions.Expect(committee.Locator("[data-testid=nomination-steps]")).ToContainTextAsync("提交推荐", new() { Timeout = 20_000 });
            url = committee.Url;
        });

        var supervisor = await browser.SignInAsync(host.BaseUrl, "supervisor");
        await Support.Browser.RecordFailureAsync(supervisor, "nomination-return", async () =>
        {
            await supervisor.GotoAsync("/nominations");
            await supervisor.Locator("[data-testid=nomination-queue] a").Filter(new() { HasText = "推荐测试甲" }).ClickAsync();
            await supervisor.ClickAsync("[data-testid=nomination-return]");
            await Assertions.Expect(supervisor.GetByText("退回时请写明需要修改的内容")).ToBeVisibleAsync();
            await Support.Browser.Field(supervisor, "nomination-comment", "textarea").FillAsync("请补充核酸采样点的工作量");
            await supervisor.ClickAsync("[data-testid=nomination-return]");
            await Assertions.Expect(supervisor.Locator("[data-testid=nomination-status]").First).ToContainTextAsync("已退回");
        });

        await Support.Browser.RecordFailureAsync(committee, "nomination-resubmit", async () =>
        {
            await committee.GotoAsync(url);
            await Assertions.Expect(committee.Locator("[data-testid=nomination-steps]")).ToContainTextAsync("请补充核酸采样点的工作量");
            await Support.Browser.Field(committee, "nomination-deeds", "textarea").FillAsync("连续值守卡口 40 天，另负责核酸采样点 12 天。");
            await committee.ClickAsync("[data-testid=nomination-resubmit]");
            await Assertions.Expect(committee.Locator("[data-testid=nomination-steps]")).ToContainTextAsync("重新提交");
            await committee.GotoAsync("/quotas");
            await Assertions.Expect(committee.Locator("[data-testid='quota-held-表彰测试社区']")).ToHaveTextAsync("1");
        });

        await Support.Browser.RecordFailureAsync(supervisor, "nomination-approve", async () =>
        {
            await supervisor.GotoAsync(url);
            await Assertions.Expect(supervisor.Locator("[data-testid=nomination-deeds-text]")).ToContainTextAsync("核酸采样点 12 天");
            await supervisor.ClickAsync("[data-testid=nomination-approve]");
            await Assertions.Expect(supervisor.Locator("[data-testid=nomination-status]").First).ToContainTextAsync("已通过");
            await supervisor.GotoAsync("/quotas");
            var row = supervisor.Locator("[data-testid=quota-table] tr").Filter(new() { HasText = "表彰测试社区" });
            await Assertions.Expect(row).ToContainTextAsync("4"); // participants
            await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("1"); // approved
            await Assertions.Expect(row.Locator("td").Nth(5)).ToContainTextAsync("0"); // left
            await Support.Browser.ScreenshotAsync(supervisor, "supervisor-quotas");
        });

        await Support.Browser.RecordFailureAsync(committee, "nomination-publicize", async () =>
        {
            await committee.GotoAsync(url);
            await Support.Browser.Field(committee, "nomination-story-text", "textarea").FillAsync("社区卡口的“守门人”，40 天不下火线。");
            await committee.ClickAsync("[data-testid=nomination-publicize]");
            await Assertions.Expect(committee.Locator(".mud-snackbar")).ToContainTextAsync("已保存");
            await committee.GotoAsync("/gallery");
            await Assertions.Expect(committee.Locator("[data-testid=gallery]")).ToContainTextAsync("40 天不下火线");
        });
    }
}
