namespace FrontlineCare.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>
    /// Same-origin everything; MudBlazor needs inline styles, Blazor Server needs its WebSocket to us. No inline
    /// script at all: the portal's scripts are files (the import map Blazor would inline is not rendered, App.razor).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// The API reference (Scalar, only where it is switched on) starts itself with an inline module script, which runs
    /// by the per-request nonce Scalar puts on it (never 'unsafe-inline'), and uses blob workers and data images; it
    /// needs nothing from another origin (its default fonts are off).
    /// </summary>
    public static string ApiReferencePolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(string.IsNullOrEmpty(nonce) ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; " +
        "base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (context.Request.Path.StartsWithSegments("/scalar"))
        {
            // Scalar makes the nonce while it writes the page: the header is set just before the response starts.
            context.Response.OnStarting(() =>
            {
                headers.ContentSecurityPolicy = ApiReferencePolicy(context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string);
                return Task.CompletedTask;
            });
        }
        else
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
        await next();
    });
}
