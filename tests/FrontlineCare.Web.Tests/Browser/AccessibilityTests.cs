using System.Reflection;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FrontlineCare.Core.Features.Protection;
using FrontlineCare.Core.Features.Rotation;
using FrontlineCare.Core.Features.Subsidies;
using FrontlineCare.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FrontlineCare.Web.Tests.Browser;

/// <summary>
/// axe-core on every routable page of the portal, in both languages: no critical and no serious violation, plus the
/// structure rules the layout promises (one main landmark, one h1, no skipped heading level). The pages are found by
/// their <c>@page</c> routes, so a new page is checked without being listed here; a route with a parameter needs a
/// real record below, or the test says which one is missing.
/// </summary>
public sealed class AccessibilityTests(DemoPortalHost host, Support.Browser browser, ITestOutputHelper output)
    : IClassFixture<DemoPortalHost>, IClassFixture<Support.Browser>
{
    private static readonly string[] Cultures = ["zh-CN", "en-US"];

    /// <summary>Moderate rules that the layout fixed as a class and keeps fixed.</summary>
    private static readonly HashSet<string> StructureRules = ["landmark-one-main", "page-has-heading-one", "heading-order", "landmark-no-duplicate-main"];

    /// <summary>Routes the signed-in walk skips: the static sign-in pages are checked signed out.</summary>
    private static bool SignedOutOnly(string route) => route.StartsWith("/account/", StringComparison.Ordinal);

    /// <summary>The routes of every page component, in the order of their paths.</summary>
    public static IReadOnlyList<(string Template, Type Page)> Routes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, Page: t)))
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ToList();

    /// <summary>The demo account a page is opened as: the first of these its [Authorize] roles admit.</summary>
    private static string AccountFor(Type page)
    {
        var roles = page.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Roles).FirstOrDefault(r => r is not null);
        if (roles is null) return "orgdept";
        var admitted = roles.Split(',', StringSplitOptions.TrimEntries);
        return new (string Role, string Account)[]
        {
            (Core.Common.Roles.OrgDepartment, "orgdept"), (Core.Common.Roles.UnitCommittee, "committee"),
            (Core.Common.Roles.Supervisor, "supervisor"), (Core.Common.Roles.Admin, "admin"),
        }.First(r => admitted.Contains(r.Role)).Account;
    }

    [Fact]
    public async Task Every_page_in_both_languages_has_no_critical_or_serious_axe_violation()
    {
        File.Delete(Path.Combine(Support.Browser.ScreenshotDir, "axe.txt"));
        var records = await RecordsAsync();
        var visits = new List<(string Account, string Url, Type? Page)>();
        foreach (var (template, page) in Routes())
        {
            if (SignedOutOnly(template)) continue;
            var url = template.Contains('{')
                ? records.TryGetValue(template, out var real) ? real : throw new InvalidOperationException($"{template}: no record to open; add one in RecordsAsync")
                : template;
            visits.Add((AccountFor(page), url, page));
        }
        // Each role's own home page and a page where it acts (the others are opened as the organisation department).
        visits.AddRange([("committee", "/", null), ("committee", "/duty", null), ("committee", "/nominations/new", null),
            ("supervisor", "/", null), ("supervisor", "/nominations", null), ("admin", "/", null)]);

        var failures = new StringBuilder();
        var checkedPages = 0;
        foreach (var culture in Cultures)
        {
            await using (var context = await browser.Instance.NewContextAsync(new() { BaseURL = host.BaseUrl, Locale = "zh-CN" }))
            {
                var signedOut = await context.NewPageAsync();
                await signedOut.GotoAsync($"/culture?culture={culture}&redirectUri=%2Faccount%2Flogin");
                await CheckAsync(signedOut, "/account/login", "anonymous", culture, failures);
                checkedPages++;
            }
            foreach (var group in visits.GroupBy(v => v.Account))
            {
                var page = await browser.SignInAsync(host.BaseUrl, group.Key);
                try
                {
                    // The culture switch a user makes in the app bar: a cookie, then back to the page.
                    await page.GotoAsync($"/culture?culture={culture}&redirectUri=%2F");
                    Type? previous = null;
                    foreach (var (_, url, type) in group)
                    {
                        await OpenAsync(page, url, sameComponent: type is null || type == previous);
                        previous = type;
                        await CheckAsync(page, url, group.Key, culture, failures);
                        checkedPages++;
                    }
                }
                finally
                {
                    await page.Context.CloseAsync();
                }
            }
        }
        output.WriteLine($"axe checked {checkedPages} pages");
        failures.ToString().ShouldBeEmpty();
    }

    /// <summary>
    /// Opens the page inside the circuit, as the menu does (no reload: the walk stays within its time budget), and
    /// waits for the new page's h1. The same component with other parameters may keep its h1, so it is loaded afresh.
    /// </summary>
    private static async Task OpenAsync(IPage page, string url, bool sameComponent)
    {
        if (sameComponent || !page.Url.StartsWith("http", StringComparison.Ordinal))
        {
            await page.GotoAsync(url);
            return;
        }
        await page.EvaluateAsync("() => document.querySelectorAll('h1').forEach(h => h.setAttribute('data-axe-seen', ''))");
        await page.EvaluateAsync("url => Blazor.navigateTo(url)", url);
        try
        {
            await page.Locator("h1:not([data-axe-seen])").First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // No new h1: axe names the page (page-has-heading-one).
        }
    }

    private async Task CheckAsync(IPage page, string url, string account, string culture, StringBuilder failures)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await ReadyAsync(page, culture);
        var ready = started.ElapsedMilliseconds;
        var result = await page.RunAxe();
        Log($"{culture} {account} {url}: {result.Violations.Length} violations, ready {ready} ms, axe {started.ElapsedMilliseconds - ready} ms");
        var bad = result.Violations.Where(v => v.Impact is "critical" or "serious" || StructureRules.Contains(v.Id)).ToList();
        foreach (var violation in bad)
        foreach (var node in violation.Nodes)
        {
            var line = $"{culture} {account} {url}: {violation.Impact} {violation.Id} at {node.Target} — {violation.Help}: {Shorten(node.Html)}";
            failures.AppendLine(line);
            Log("  " + line);
        }
        if (bad.Count > 0)
            await Support.Browser.ScreenshotAsync(page, $"FAILED-axe-{culture}-{account}-{url.Trim('/').Replace('/', '_')}");
    }

    /// <summary>The page is rendered in the chosen language: its h1 is there and nothing is still loading.</summary>
    private static async Task ReadyAsync(IPage page, string culture)
    {
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        try
        {
            await page.Locator("h1").First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // No h1 at all: axe names the page (page-has-heading-one).
        }
        await Assertions.Expect(page.Locator(".mud-progress-circular:visible, .mud-progress-linear:visible, .mud-skeleton:visible")).ToHaveCountAsync(0);
    }

    /// <summary>To the test output and, as the walk goes, to <c>screenshots/axe.txt</c> (the output comes only at the end).</summary>
    private void Log(string line)
    {
        output.WriteLine(line);
        File.AppendAllText(Path.Combine(Support.Browser.ScreenshotDir, "axe.txt"), line + Environment.NewLine);
    }

    private static string Shorten(string? html) => html is null ? "" : html.Length > 160 ? html[..160] + "…" : html;

    /// <summary>A real record for each route with a parameter, the ones the demo data lacks made through the services.</summary>
    private async Task<Dictionary<string, string>> RecordsAsync()
    {
        await using var db = host.Data.NewContext();
        await host.Data.UseAsync(Core.Common.Roles.OrgDepartment, "椒江区");
        var haimen = await host.Data.UnitIdAsync("海门街道");

        var rotation = await db.RotationPlans.Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (rotation is null)
        {
            var today = DateOnly.FromDateTime(host.Data.Clock.GetUtcNow().UtcDateTime.AddHours(8));
            var place = await db.Deployments.Where(d => d.StartDate <= today && (d.EndDate == null || d.EndDate > today.AddDays(8)))
                .GroupBy(d => d.Place).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var proposed = await host.Data.Get<RotationService>().ProposeAsync(new RotationPlanForm { Place = place, From = today.AddDays(1), Days = 7, MinStaffPerDay = 1 });
            proposed.IsOk.ShouldBeTrue(string.Join("; ", proposed.Errors) + proposed.Message);
            rotation = proposed.Value;
        }
        var clarification = await db.ClarificationCases.Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        if (clarification is null)
        {
            var worker = await db.Workers.Where(w => w.UnitId == haimen || w.Unit!.ParentId == haimen).Select(w => w.Id).FirstAsync();
            var saved = await host.Data.Get<ClarificationService>().SaveAsync(new ClarificationCaseForm
            {
                WorkerId = worker, ReceivedOn = DateOnly.FromDateTime(host.Data.Clock.GetUtcNow().UtcDateTime).AddDays(-3), Source = "12388举报平台", Allegation = "举报其值守期间擅离岗位",
            });
            saved.IsOk.ShouldBeTrue(string.Join("; ", saved.Errors) + saved.Message);
            clarification = saved.Value;
        }
        var sheet = await db.SubsidySheets.Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
        if (sheet is null)
        {
            var generated = await host.Data.Get<SubsidySheetService>().GenerateAsync(new SubsidySheetForm
                { UnitId = haimen, Month = DateOnly.FromDateTime(host.Data.Clock.GetUtcNow().UtcDateTime).AddMonths(-1) });
            generated.IsOk.ShouldBeTrue(string.Join("; ", generated.Errors) + generated.Message);
            sheet = generated.Value;
        }

        var records = new Dictionary<string, string>
        {
            ["/rotation/{Id:guid}"] = $"/rotation/{rotation}",
            ["/clarification/{Id:guid}"] = $"/clarification/{clarification}",
            ["/subsidies/{Id:guid}"] = $"/subsidies/{sheet}",
        };
        async Task One(string template, IQueryable<Guid> ids, string path = "") =>
            records[template] = template[..template.IndexOf('{')] + ((await ids.Select(id => (Guid?)id).FirstOrDefaultAsync())
                ?? throw new InvalidOperationException($"{template}: the demo data has no record to open")) + path;
        await One("/workers/{Id}", db.Workers.Where(w => db.Deployments.Any(d => d.WorkerId == w.Id) && w.SpouseId != null).Select(w => w.Id));
        await One("/volunteers/{WorkerId:guid}/certificate", db.VolunteerServiceRecords.Select(v => v.WorkerId), "/certificate");
        await One("/cases/{Id:guid}", db.CasualtyCases.Select(c => c.Id));
        await One("/funds/{Id:guid}", db.CareFunds.Select(f => f.Id));
        await One("/tolerance/{Id:guid}", db.ToleranceCases.Select(c => c.Id));
        await One("/nominations/{Id:guid}", db.Nominations.Select(n => n.Id));
        return records;
    }
}
