using FrontlineCare.Core;
using FrontlineCare.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

var builder = WebApplication.CreateBuilder(args);
builder.Host.UseSerilog((context, services, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

var (connectionString, localDatabase) = await DatabaseStartup.ResolveAsync(builder.Configuration, builder.Environment.ContentRootPath);
if (connectionString is null) return 2;

builder.Services.AddFrontlineCareCore(connectionString);
builder.Services.AddWebPortal(builder.Configuration);

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
