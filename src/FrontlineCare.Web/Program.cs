using FrontlineCare.Core;
using FrontlineCare.Web.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = PublishedContentRoot(args) });
// The packages' static files (MudBlazor, blazor.web.js) from a build folder in any environment, not only in
// Development (ASPNETCORE_ENVIRONMENT=Production bash deploy/run.sh); a published build has them in wwwroot.
builder.WebHost.UseStaticWebAssets();
// Serilog from configuration (console + rolling JSON file). The static Log.Logger is left alone, so several
// hosts in one process (the integration tests) each get their own pipeline.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext(), preserveStaticLogger: true);
// OpenTelemetry traces and metrics when an exporter is configured (OTEL_EXPORTER_OTLP_ENDPOINT or Telemetry:Exporters).
builder.AddPortalTelemetry();

var (connectionString, localDatabase) = await DatabaseStartup.ResolveAsync(builder.Configuration, builder.Environment.ContentRootPath);
if (connectionString is null) return 2;

builder.Services.AddFrontlineCareCore(connectionString);
builder.Services.AddWebPortal(builder.Configuration);
builder.Services.AddPortalScheduling(builder.Configuration);

var app = builder.Build();
if (localDatabase is { StartedByUs: true })
{
    // The portal started the local cluster, so it stops it too.
    app.Lifetime.ApplicationStopped.Register(() => localDatabase.StopAsync().GetAwaiter().GetResult());
}
await DatabaseStartup.PrepareAsync(app.Services, app.Configuration);
app.UseWebPortal();
await app.RunAsync();
return 0;

// A published build started from another folder (dotnet /opt/frontlinecare/FrontlineCare.Web.dll) would take that
// folder as its content root: no appsettings.json, no wwwroot, so 500 on /_framework/blazor.web.js. It uses its own
// folder then, unless a content root is given explicitly.
static string? PublishedContentRoot(string[] args)
{
    if (Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }) return null;
    if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))) return null;
    if (File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))) return null;
    var own = AppContext.BaseDirectory;
    return File.Exists(Path.Combine(own, "appsettings.json")) && Directory.Exists(Path.Combine(own, "wwwroot")) ? own : null;
}

public partial class Program;
