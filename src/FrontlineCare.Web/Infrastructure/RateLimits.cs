using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using FrontlineCare.Core.Common;
using FrontlineCare.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>One limit: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> (a fixed window).</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }

    public RateLimit() { }
    public RateLimit(int permitLimit, int windowSeconds) => (PermitLimit, WindowSeconds) = (permitLimit, windowSeconds);

    public FixedWindowRateLimiterOptions Window() => new()
    {
        PermitLimit = Math.Max(1, PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, WindowSeconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>
/// The <c>RateLimits</c> configuration section. The defaults leave a person at work untouched and stop scripts:
/// an office behind one address signs in far less than 30 times a minute, a bot posts far less than 300 times.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (any outcome) from one client address.</summary>
    public RateLimit SignInPerClient { get; set; } = new(30, 60);
    /// <summary>Sign-in attempts for one user name from all clients, except the browser it last signed in from.</summary>
    public RateLimit SignInPerUser { get; set; } = new(20, 300);
    /// <summary>Failed sign-ins for one user name from one client, after which that client is told the account is locked.</summary>
    public RateLimit SignInFailuresPerClientAndUser { get; set; } = new(5, 900);
    /// <summary>API requests with one token (or one signed-in user's cookie).</summary>
    public RateLimit ApiPerToken { get; set; } = new(300, 60);
    /// <summary>API requests without a valid token (a wrong, revoked or missing one) from one client address.</summary>
    public RateLimit ApiUnauthenticatedPerClient { get; set; } = new(30, 60);
    /// <summary>Exports, templates and evidence-file downloads by one user.</summary>
    public RateLimit FilesPerUser { get; set; } = new(60, 60);
    /// <summary>Files one user sends through the pages (over the circuit, see <see cref="UploadThrottle"/>).</summary>
    public RateLimit UploadsPerUser { get; set; } = new(30, 60);
}

/// <summary>
/// ASP.NET Core's rate limiter for the API (per token; per client for requests without a valid token) and the file
/// endpoints (per user). Sign-in is throttled by <see cref="SignInThrottle"/>, which needs the posted user name.
/// A refused request answers 429 with <c>Retry-After</c>: problem details for /api, a short page otherwise.
/// </summary>
public static class RateLimits
{
    public const string ApiPolicy = "api";
    public const string FilesPolicy = "files";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var limits = config.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(limits);
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<UploadThrottle>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(ApiPolicy, context =>
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    var key = ApiTokenAuthenticationHandler.TryGetToken(context.Request, out var token)
                        ? "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))
                        : "user:" + context.User.Identity.Name;
                    return RateLimitPartition.GetFixedWindowLimiter(key, _ => limits.ApiPerToken.Window());
                }
                // A wrong token is a guess: guesses are counted per client, whatever token each one tries.
                return RateLimitPartition.GetFixedWindowLimiter("anonymous:" + ClientKey(context), _ => limits.ApiUnauthenticatedPerClient.Window());
            });
            options.AddPolicy(FilesPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.Identity.Name : "anonymous:" + ClientKey(context),
                _ => limits.FilesPerUser.Window()));
            options.OnRejected = (rejected, ct) =>
            {
                rejected.HttpContext.RequestServices.GetRequiredService<PortalMetrics>().RateLimitRejected(RefusingLimit(rejected.HttpContext));
                return RejectAsync(rejected.HttpContext,
                    rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(60), ct);
            };
        });
        return services;
    }

    /// <summary>The name of the <see cref="RateLimitOptions"/> setting whose partition refused this request (a metric tag).</summary>
    private static string RefusingLimit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName switch
        {
            FilesPolicy => nameof(RateLimitOptions.FilesPerUser),
            ApiPolicy when context.User.Identity?.IsAuthenticated == true => nameof(RateLimitOptions.ApiPerToken),
            ApiPolicy => nameof(RateLimitOptions.ApiUnauthenticatedPerClient),
            var other => other ?? "unknown",
        };

    /// <summary>The client's address as the server sees it after the forwarded headers of a known proxy.</summary>
    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Whole seconds, rounded up, as <c>Retry-After</c> takes them.</summary>
    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    private static async ValueTask RejectAsync(HttpContext context, TimeSpan retryAfter, CancellationToken ct)
    {
        var seconds = Seconds(retryAfter);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = string.Format(CultureInfo.CurrentCulture, UiText.TooManyRequests, seconds);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = UiText.TooManyRequestsTitle, Detail = message },
            });
            return;
        }
        // The status-code pages must not replace this message.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, ct);
    }
}
