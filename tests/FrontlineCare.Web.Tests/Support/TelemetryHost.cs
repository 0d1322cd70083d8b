using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace FrontlineCare.Web.Tests.Support;

/// <summary>
/// The portal with telemetry switched on as an operator would: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector (a
/// fake one here, <see cref="Collector"/>), and the log is also kept in the log file's JSON format
/// (<see cref="LogLines"/>). Every span the host ends is also kept in <see cref="Spans"/>.
/// </summary>
public sealed class TelemetryHost : PortalHost, IAsyncLifetime
{
    public FakeOtlpCollector Collector { get; } = new();
    public ConcurrentQueue<Activity> Spans { get; } = new();
    private readonly JsonLines _log = new();

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", Collector.Url);
        web.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        // Information, so the request log's line of each request is written too.
        web.UseSetting("Serilog:MinimumLevel:Default", "Information");
        // A few guesses with a wrong token are enough to be refused.
        web.UseSetting("RateLimits:ApiUnauthenticatedPerClient:PermitLimit", "3");
        web.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new Keep(Spans))));
        // One more Serilog sink, taken from the services as Program's ReadFrom.Services does, in the log file's format.
        web.ConfigureServices(services => services.AddSingleton<ILogEventSink>(_log));
    }

    /// <summary>The log lines so far, as the production log file writes them (compact JSON, <c>CompactJsonFormatter</c>).</summary>
    public IReadOnlyList<string> LogLines() => _log.Lines();

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Collector.Dispose();
    }

    private sealed class JsonLines : ILogEventSink
    {
        private readonly CompactJsonFormatter _formatter = new();
        private readonly StringWriter _text = new();

        public IReadOnlyList<string> Lines()
        {
            lock (_text) return _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_text) _formatter.Format(logEvent, _text);
        }
    }

    private sealed class Keep(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}

/// <summary>
/// Stands in for an OpenTelemetry collector's OTLP/HTTP receiver: accepts every export (<c>POST /v1/traces</c>,
/// <c>/v1/metrics</c>) with 200 and keeps its path and protobuf body.
/// </summary>
public sealed class FakeOtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();

    public FakeOtlpCollector()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public string Url { get; }
    public ConcurrentQueue<(string Path, byte[] Body)> Received { get; } = new();

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
