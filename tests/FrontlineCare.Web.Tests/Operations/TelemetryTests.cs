using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Infrastructure;
using FrontlineCare.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FrontlineCare.Web.Tests.Operations;

/// <summary>
/// Telemetry as an operator switches it on (docs/operations.md, "Telemetry"): a request is one trace from the page to
/// the database, its log line carries that trace, the portal's counters see refused sign-ins, and the OTLP exporter
/// sends to the endpoint the standard variable names. Each test poses as its own client behind the proxy.
/// </summary>
public sealed class TelemetryTests(TelemetryHost host) : IClassFixture<TelemetryHost>
{
    private const string Wrong = "Wrong-password-1";

    private MetricRecorder Record() => new(host.Services.GetRequiredService<PortalMetrics>().Meter);

    /// <summary>
    /// The calling side's own span (as a proxy or another service has), made current so the test's requests carry its
    /// trace in their W3C <c>traceparent</c> header.
    /// </summary>
    private static Activity Caller() =>
        new Activity("caller").SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start();

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe, Func<string> what) where T : class
    {
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(15); await Task.Delay(100))
        {
            if (probe() is { } found) return found;
        }
        throw new ShouldAssertException($"not seen within 15 s: {what()}");
    }

    /// <summary>The spans the host ended, for a failure's message.</summary>
    private string Seen()
    {
        var spans = host.Spans.Select(a => $"{a.Source.Name} {a.Kind} '{a.DisplayName}' {a.TraceId}/{a.SpanId}<-{a.ParentSpanId} links {string.Join(",", a.Links.Select(l => l.Context.TraceId + "/" + l.Context.SpanId))}").ToList();
        return $"{spans.Count} spans: " + string.Join("; ", spans);
    }

    /// <summary>
    /// Blazor (ASP.NET Core 10) gives each page render and each form event a trace of its own, linked to the HTTP
    /// request's span; the database calls of the event sit under the event. So the request's server span, the event
    /// that links to it, the event's PostgreSQL query and the event's log line are found from one another.
    /// </summary>
    [Fact]
    public async Task A_failed_sign_in_is_traced_from_the_request_to_the_database_and_its_log_line_carries_the_trace()
    {
        using var recorder = Record();
        using var caller = Caller();
        var traceId = caller.TraceId;
        var client = FormSignIn.Client(host.BaseUrl, "203.0.113.60");

        var response = await FormSignIn.PostAsync(client, "orgdept", Wrong);

        (await FormSignIn.ErrorAsync(response)).ShouldNotBeNull();
        recorder.Sum("frontlinecare.signin.failures").ShouldBe(1);

        var post = await EventuallyAsync(() => host.Spans.FirstOrDefault(a => a.TraceId == traceId && a.Kind == ActivityKind.Server
            && a.Source.Name == "Microsoft.AspNetCore" && Equals(a.GetTagItem("http.request.method"), "POST")), () => "the POST's server span: " + Seen());
        post.GetTagItem("http.route").ShouldBe("/account/login");
        post.GetTagItem("http.response.status_code").ShouldBe(200);
        var submit = await EventuallyAsync(() => host.Spans.FirstOrDefault(a => a.Source.Name == "Microsoft.AspNetCore.Components"
            && a.DisplayName.StartsWith("Event onsubmit", StringComparison.Ordinal) && a.Links.Any(l => l.Context.SpanId == post.SpanId)),
            () => "the form event linked to the POST: " + Seen());
        // The user is looked up in PostgreSQL under that event.
        var query = await EventuallyAsync(() => host.Spans.FirstOrDefault(a => a.Source.Name == "Npgsql" && Ancestors(a).Contains(submit.SpanId)),
            () => "an Npgsql span under the form event: " + Seen());
        (query.Kind, query.TraceId).ShouldBe((ActivityKind.Client, submit.TraceId));
        query.GetTagItem("db.system.name").ShouldBe("postgresql");

        // The log in the log file's format: the warning of the failed sign-in names the event's trace and span.
        var line = await EventuallyAsync(() => host.LogLines().FirstOrDefault(l => IsFailedSignInOf(l, submit.TraceId)),
            () => "the log line of the failed sign-in in trace " + submit.TraceId + ": " + string.Join("\n", host.LogLines()));
        JsonDocument.Parse(line).RootElement.GetProperty("@sp").GetString().ShouldBe(submit.SpanId.ToHexString());
        // The request log's line of the POST names the request's own trace and span.
        var request = await EventuallyAsync(() => host.LogLines().Select(l => JsonDocument.Parse(l).RootElement).Where(e =>
                e.TryGetProperty("RequestMethod", out var method) && method.GetString() == "POST"
                && e.TryGetProperty("@tr", out var trace) && trace.GetString() == traceId.ToHexString())
            .Select(e => e.GetProperty("@sp").GetString()).FirstOrDefault(),
            () => "the request log's line of the POST: " + string.Join("\n", host.LogLines()));
        request.ShouldBe(post.SpanId.ToHexString());
    }

    [Fact]
    public async Task Health_probes_are_neither_traced_nor_logged_while_they_succeed()
    {
        using var caller = Caller();
        var client = host.Client();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await EventuallyAsync(() => host.LogLines().FirstOrDefault(l => l.Contains("\"RequestPath\":\"/account/login\"", StringComparison.Ordinal)
            && l.Contains(caller.TraceId.ToHexString(), StringComparison.Ordinal)), () => "the request line of the sign-in page");
        host.LogLines().ShouldNotContain(l => l.Contains(caller.TraceId.ToHexString(), StringComparison.Ordinal)
            && l.Contains("\"RequestPath\":\"/health/live\"", StringComparison.Ordinal));
        // The page's span ends after the health probe's would have: once it is in, the probe's would be too.
        await EventuallyAsync(() => host.Spans.FirstOrDefault(a => a.TraceId == caller.TraceId && a.Kind == ActivityKind.Server
            && a.DisplayName == "GET /account/login"), () => "the sign-in page's span: " + Seen());
        host.Spans.ShouldNotContain(a => a.TraceId == caller.TraceId && a.Kind == ActivityKind.Server && a.DisplayName.Contains("/health"));
    }

    private static bool IsFailedSignInOf(string line, ActivityTraceId traceId)
    {
        var e = JsonDocument.Parse(line).RootElement;
        return e.TryGetProperty("@mt", out var template) && template.GetString() == "Sign-in failed"
            && e.TryGetProperty("@tr", out var trace) && trace.GetString() == traceId.ToHexString();
    }

    /// <summary>The span ids above <paramref name="span"/> among those the host ended.</summary>
    private List<ActivitySpanId> Ancestors(Activity span)
    {
        var byId = host.Spans.Where(a => a.TraceId == span.TraceId).GroupBy(a => a.SpanId).ToDictionary(g => g.Key, g => g.First());
        var result = new List<ActivitySpanId>();
        for (var parent = span.ParentSpanId; parent != default && result.Count < 50; parent = byId.TryGetValue(parent, out var p) ? p.ParentSpanId : default)
            result.Add(parent);
        return result;
    }

    [Fact]
    public async Task Wrong_passwords_count_as_failures_and_the_lockout_and_token_guessing_count_as_rate_limit_refusals()
    {
        using var recorder = Record();
        var client = FormSignIn.Client(host.BaseUrl, "203.0.113.61");
        for (var i = 0; i < 5; i++) (await FormSignIn.ErrorAsync(await FormSignIn.PostAsync(client, "supervisor", Wrong))).ShouldNotBeNull();
        recorder.Sum("frontlinecare.signin.failures").ShouldBe(5);
        recorder.Of("frontlinecare.rate_limit.rejections").ShouldBeEmpty();

        // The sixth is refused before its password is checked: a lockout, not another failure.
        await FormSignIn.PostAsync(client, "supervisor", Wrong);
        recorder.Sum("frontlinecare.signin.failures").ShouldBe(5);
        recorder.Of("frontlinecare.rate_limit.rejections").ShouldHaveSingleItem()
            .Tags[PortalMetrics.LimitTag].ShouldBe(nameof(RateLimitOptions.SignInFailuresPerClientAndUser));

        // Guessing API tokens: the limit for requests without a valid token is 3 in this host.
        var api = host.Client("fc_not-a-token");
        api.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.62");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await api.GetAsync("/api/v1/workers")).StatusCode);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(2);
        recorder.Sum("frontlinecare.rate_limit.rejections", (PortalMetrics.LimitTag, nameof(RateLimitOptions.ApiUnauthenticatedPerClient))).ShouldBe(2);
    }

    [Fact]
    public async Task The_otlp_exporter_sends_traces_and_metrics_to_the_endpoint_that_OTEL_EXPORTER_OTLP_ENDPOINT_names()
    {
        await FormSignIn.PostAsync(FormSignIn.Client(host.BaseUrl, "203.0.113.63"), "committee", Wrong);

        host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000).ShouldBeTrue();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000).ShouldBeTrue();

        // OTLP is protobuf, whose strings are plain UTF-8: the names can be found in the bodies as they are.
        var traces = host.Collector.Received.Where(r => r.Path == "/v1/traces").ToList();
        traces.ShouldNotBeEmpty();
        traces.ShouldContain(r => Contains(r.Body, Telemetry.ServiceName) && Contains(r.Body, "/account/login"));
        var metrics = host.Collector.Received.Where(r => r.Path == "/v1/metrics").ToList();
        metrics.ShouldContain(r => Contains(r.Body, "frontlinecare.signin.failures") && Contains(r.Body, "http.server.request.duration"));
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}

/// <summary>When telemetry is on: <c>Telemetry:Exporters</c> when set, otherwise OTLP exactly when an OTLP endpoint is named.</summary>
public sealed class TelemetrySwitchTests
{
    private static IReadOnlySet<string> Exporters(params (string Key, string Value)[] settings) =>
        Telemetry.Exporters(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build());

    [Fact]
    public void Telemetry_is_off_unless_an_exporter_or_an_endpoint_is_configured()
    {
        Exporters().ShouldBeEmpty();
        Exporters(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")).ShouldBe(["otlp"]);
        Exporters(("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces")).ShouldBe(["otlp"]);
        Exporters(("Telemetry:Exporters", "console")).ShouldBe(["console"]);
        Exporters(("Telemetry:Exporters", "OTLP, console")).OrderBy(e => e).ShouldBe(["console", "otlp"]);
        Exporters(("Telemetry:Exporters", "none"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")).ShouldBeEmpty();
        Exporters(("Telemetry:Exporters", "console"), ("OTEL_SDK_DISABLED", "true")).ShouldBeEmpty();
        Should.Throw<InvalidOperationException>(() => Exporters(("Telemetry:Exporters", "jaeger"))).Message.ShouldContain("jaeger");
    }
}
