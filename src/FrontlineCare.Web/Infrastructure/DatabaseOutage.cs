using System.Net;
using FrontlineCare.Web.Resources;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// What still fails after the execution strategy's retries (the database is down, restarting or refusing connections)
/// is answered, not crashed: 503 with Retry-After, as problem details for the API and the file endpoints and as a page
/// in the user's language for a page request. Nothing was written: the unit of work rolled back.
/// </summary>
public sealed class DatabaseOutageExceptionHandler(ILogger<DatabaseOutageExceptionHandler> logger) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    /// <summary>A failure to reach the database that a later try may not meet: connection lost or refused, server shutting down, retries used up.</summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: "55000" or "57P01" or "57P02" or "57P03" }: // not accepting connections, shutting down
                    return true;
                case InvalidOperationException when e.Message.Contains("transient failure", StringComparison.Ordinal):
                    return true;
            }
        }
        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsOutage(exception) || context.Response.HasStarted) return false;
        logger.LogWarning("Database unavailable: {Method} {Path} answered 503 ({Error})", context.Request.Method, context.Request.Path, exception.GetBaseException().Message);
        using var _ = RequestCultureScope.Enter(context);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (IsPageRequest(context))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var lang = System.Globalization.CultureInfo.CurrentUICulture.Name;
            await context.Response.WriteAsync($"""
                <!DOCTYPE html>
                <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{WebUtility.HtmlEncode(UiText.DatabaseUnavailableTitle)} · {WebUtility.HtmlEncode(UiText.AppName)}</title></head>
                <body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
                <main><h1>{WebUtility.HtmlEncode(UiText.DatabaseUnavailableTitle)}</h1>
                <p>{WebUtility.HtmlEncode(UiText.DatabaseUnavailableText)}</p>
                <p><a href="{WebUtility.HtmlEncode(context.Request.Path + context.Request.QueryString)}">{WebUtility.HtmlEncode(UiText.DatabaseUnavailableRetry)}</a></p></main>
                </body></html>
                """, ct);
            return true;
        }
        await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: UiText.DatabaseUnavailableTitle, detail: UiText.DatabaseUnavailableText)
            .ExecuteAsync(context);
        return true;
    }

    /// <summary>A page (a Razor component endpoint, or a browser's request for an address without an endpoint), not the API or a file.</summary>
    private static bool IsPageRequest(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api")) return false;
        var endpoint = context.GetEndpoint();
        if (endpoint is not null) return endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
        return context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
