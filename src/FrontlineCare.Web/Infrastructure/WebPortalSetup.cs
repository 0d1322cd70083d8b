using System.Globalization;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Web.Api;
using FrontlineCare.Web.Components;
using FrontlineCare.Web.Features.Account;
using FrontlineCare.Web.Features.Checklist;
using FrontlineCare.Web.Features.Difficulties;
using FrontlineCare.Web.Features.Duty;
using FrontlineCare.Web.Features.Nominations;
using FrontlineCare.Web.Features.Protection;
using FrontlineCare.Web.Features.Subsidies;
using FrontlineCare.Web.Features.Talent;
using FrontlineCare.Web.Features.Workers;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Scalar.AspNetCore;
using Serilog;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>Everything the web host adds on top of the application layer: sign-in, pages, API, operations.</summary>
public static class WebPortalSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];
    public const string SmartScheme = "CookieOrToken";

    public static IServiceCollection AddWebPortal(this IServiceCollection services, IConfiguration config)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Send Chinese as UTF-8 text, not as &#x…; entities (a third of the page size, and readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, MudTextLocalizer>();
        services.AddLocalization();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();

        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, SmartScheme, options =>
            {
                options.ForwardDefaultSelector = context => ApiTokenAuthenticationHandler.TryGetToken(context.Request, out _)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "frontlinecare.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // The API answers 401/403, never a redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<AppUser>(PasswordPolicy.Configure)
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.AddAuthorizationBuilder()
            // Every page and endpoint needs a signed-in user unless it says otherwise.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(SmartScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.OrgDepartment, p => p.RequireRole(Roles.OrgDepartment));

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // A JSON null for a property the form declares non-nullable (a list, a required text) is a field error at
            // binding, not a null the service meets later.
            o.SerializerOptions.RespectNullableAnnotations = true;
        });
        // Input edge (issue #14): binding failures are thrown to BadRequestExceptionHandler (field errors), a database
        // outage answers 503 (DatabaseOutageExceptionHandler), never a bare 400 or a 500.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseOutageExceptionHandler>();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "FrontlineCare API";
            document.Info.Description = "Workers and deployments of the caller's jurisdiction. Authenticate with 'Authorization: Bearer fc_…' (a personal API token from the profile page).";
            return Task.CompletedTask;
        }));

        // Hardening (issue #14): rate limits, the reverse proxy, data-protection keys in the database.
        services.AddPortalRateLimits(config);
        // Antiforgery's cookie is never Secure by default: behind the HTTPS proxy it must be.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddReverseProxySupport(config);
        services.AddDataProtection()
            .SetApplicationName("FrontlineCare")
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    /// <summary>The OpenAPI document and the Scalar reference: on in Development, off elsewhere unless configured.</summary>
    public static bool ApiReferenceEnabled(IConfiguration config, IHostEnvironment environment) =>
        config.GetValue("Api:Reference:Enabled", environment.IsDevelopment());

    public static WebApplication UseWebPortal(this WebApplication app)
    {
        // First: the scheme and client address as the known reverse proxy saw them (HSTS, Secure cookies, limits).
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<CharsetGuardMiddleware>();
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // The host's own logger: the static Log.Logger is left silent (several hosts per process), and the middleware
            // would write to it otherwise, so no request line reached the console or the file.
            options.Logger = app.Services.GetService<Serilog.ILogger>();
            // The proxy's and orchestrator's health probes come every few seconds: Debug, unless they fail.
            options.GetLevel = (context, _, error) => error is not null || context.Response.StatusCode >= 500
                ? Serilog.Events.LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Information;
        });

        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            // Only the user's explicit choice (cookie) or the API's query/header; a browser in English still gets
            // Chinese unless the user switches, as the portal is Chinese-first.
            RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
        });

        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        // After authentication (limits per token and user), before authorization (so wrong tokens count too).
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        if (ApiReferenceEnabled(app.Configuration, app.Environment))
        {
            app.MapOpenApi().AllowAnonymous();
            app.MapScalarApiReference(options => options.DisableDefaultFonts().WithNonce()).AllowAnonymous();
        }
        // Every minimal-API endpoint is mapped in one group, so the input edge checks each of them (and any added here).
        var edge = app.MapGroup("").AddEndpointFilter<InputGuardFilter>();
        edge.MapAccountEndpoints();
        edge.MapGroup("").RequireRateLimiting(RateLimits.ApiPolicy).MapPortalApi();
        // Exports, templates and evidence files: limited per user.
        var files = edge.MapGroup("").RequireRateLimiting(RateLimits.FilesPolicy);
        files.MapWorkerExport();
        files.MapDutyTemplate();
        files.MapNominationFiles();
        files.MapTalentExport();
        files.MapSubsidyExport();
        files.MapDifficultyExport();
        files.MapChecklistExport();
        files.MapToleranceFiles();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
