using FrontlineCare.Core;
using FrontlineCare.Web.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
// Serilog from configuration (console + rolling JSON file). The static Log.Logger is left alone, so several
// hosts in one process (the integration tests) each get their own pipeline.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext(), preserveStaticLogger: true);

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

public partial class Program;
