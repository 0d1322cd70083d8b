using FrontlineCare.Core.Common;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics (docs/operations.md, "Telemetry"). Off unless an exporter is asked for, in every
/// environment: <c>Telemetry:Exporters</c> (<c>otlp</c>, <c>console</c>, both comma-separated, or <c>none</c>) or, when
/// that is not set, <c>otlp</c> as soon as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or a signal's own endpoint) is set.
/// <c>OTEL_SDK_DISABLED=true</c> turns everything off. The OTLP exporter itself reads the standard <c>OTEL_*</c> variables
/// (endpoint, protocol, headers, timeout), and the SDK reads <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>,
/// <c>OTEL_TRACES_SAMPLER</c> and <c>OTEL_METRIC_EXPORT_INTERVAL</c>. The portal's own instruments
/// (<see cref="PortalMetrics"/>) record whether or not anything exports them.
/// </summary>
public static class Telemetry
{
    public const string Section = "Telemetry";
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> does not give one.</summary>
    public const string ServiceName = "frontlinecare-web";

    /// <summary>Blazor Server's own circuit meter and activity sources (ASP.NET Core 10).</summary>
    private static readonly string[] BlazorSources = ["Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits"];

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CircuitHandler, CircuitMetricsHandler>();
        var config = builder.Configuration;
        var exporters = Exporters(config);
        if (exporters.Count == 0) return builder;

        var otlp = exporters.Contains("otlp");
        var console = exporters.Contains("console");
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(config["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName,
                    serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString())
                .AddAttributes([new("deployment.environment.name", builder.Environment.EnvironmentName)]))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PortalMetrics.Name)
                    .AddSource(BlazorSources)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsQuiet(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (otlp) tracing.AddOtlpExporter();
                if (console) tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PortalMetrics.Name)
                    .AddMeter(BlazorSources)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (otlp) metrics.AddOtlpExporter();
                if (console) metrics.AddConsoleExporter();
            });
        return builder;
    }

    /// <summary>The exporters asked for (lower case); empty when telemetry is off.</summary>
    public static IReadOnlySet<string> Exporters(IConfiguration config)
    {
        if (config.GetValue("OTEL_SDK_DISABLED", false)) return new HashSet<string>();
        var asked = config[$"{Section}:Exporters"];
        if (string.IsNullOrWhiteSpace(asked))
        {
            var endpoint = new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT" }
                .Any(key => !string.IsNullOrWhiteSpace(config[key]));
            return endpoint ? new HashSet<string> { "otlp" } : new HashSet<string>();
        }
        var set = asked.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant()).ToHashSet();
        var unknown = set.Except(["otlp", "console", "none"]).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"{Section}:Exporters: unknown exporter '{string.Join("', '", unknown)}' (otlp, console or none).");
        set.Remove("none");
        return set;
    }

    /// <summary>Health probes (every few seconds from the proxy and the orchestrator) and the framework's static files: not traced.</summary>
    private static bool IsQuiet(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content");
}

/// <summary>Counts the Blazor circuits open on this instance (<c>frontlinecare.circuits.open</c>).</summary>
public sealed class CircuitMetricsHandler(PortalMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
