using FrontlineCare.Core.Common;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FrontlineCare.Web.Tests.Browser;

/// <summary>
/// <c>frontlinecare.circuits.open</c> follows the interactive sessions of this instance: up when a signed-in page
/// becomes interactive, down when the browser leaves. Recorded with telemetry off too (this host exports nothing).
/// </summary>
public sealed class CircuitMetricsTests(PortalHost host, Support.Browser browser) : IClassFixture<PortalHost>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_signed_in_page_opens_one_circuit_and_leaving_it_closes_that_circuit()
    {
        using var recorder = new MetricRecorder(host.Services.GetRequiredService<PortalMetrics>().Meter);

        var page = await browser.SignInAsync(host.BaseUrl, "committee");
        await WaitAsync(() => recorder.Sum("frontlinecare.circuits.open") == 1, "one open circuit");
        recorder.Of("frontlinecare.circuits.open").ShouldHaveSingleItem().Value.ShouldBe(1);

        // A page outside Blazor: the browser tells the server the circuit is gone as it unloads.
        await page.GotoAsync("/health/live");
        await WaitAsync(() => recorder.Sum("frontlinecare.circuits.open") == 0, "the circuit closed");
        recorder.Of("frontlinecare.circuits.open").Select(m => m.Value).ShouldBe([1, -1]);
        await page.Context.CloseAsync();
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        for (var wait = System.Diagnostics.Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(100))
            if (condition()) return;
        throw new ShouldAssertException("not within 20 s: " + what);
    }
}
