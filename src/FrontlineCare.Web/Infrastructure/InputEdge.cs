using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FrontlineCare.Core.Common;
using FrontlineCare.Web.Resources;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// The edge of every minimal-API endpoint (the API, the exports and downloads, the account endpoints): what a caller
/// sends is refused with a field error before any service or database sees it — a control character (NUL ends in
/// PostgreSQL's 22P05/22021) in a query value, a form value or any text of a bound argument, or a query value longer
/// than any column the portal has. Registered once for the group the endpoints are mapped in.
/// </summary>
public sealed partial class InputGuardFilter : IEndpointFilter
{
    /// <summary>No column the portal searches or filters by is longer (names 50, places 200, cursors ~120).</summary>
    public const int QueryValueMaxLength = 500;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, List<string>>();
        var request = context.HttpContext.Request;
        foreach (var (key, values) in request.Query)
        {
            var field = Camel(key);
            if (ValidationExtensions.HasUnsafeCharacter(key)) Add(errors, "$query", Core.Resources.Messages.ControlCharacters);
            foreach (var value in values)
            {
                if (ValidationExtensions.HasUnsafeCharacter(value)) Add(errors, field, Core.Resources.Messages.ControlCharacters);
                else if (value?.Length > QueryValueMaxLength) Add(errors, field, string.Format(UiText.ProblemValueTooLong, QueryValueMaxLength));
            }
        }
        if (request.HasFormContentType && request.Form is { } form)
        {
            foreach (var (key, values) in form)
                if (ValidationExtensions.HasUnsafeCharacter(key) || values.Any(ValidationExtensions.HasUnsafeCharacter))
                    Add(errors, Camel(key), Core.Resources.Messages.ControlCharacters);
        }
        // The handler's own arguments: texts by their parameter's name, forms and requests of this application by
        // their properties' JSON names. Services (resolved from the container) are not inputs.
        var handler = context.HttpContext.GetEndpoint()?.Metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault()?.GetParameters();
        var services = context.HttpContext.RequestServices.GetService<IServiceProviderIsService>();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var name = handler is not null && i < handler.Length ? handler[i].Name ?? "$" : "$";
            switch (context.Arguments[i])
            {
                case string text:
                    if (ValidationExtensions.HasUnsafeCharacter(text)) Add(errors, Camel(name), Core.Resources.Messages.ControlCharacters);
                    break;
                case { } argument when IsInput(argument.GetType(), services):
                    foreach (var field in ValidationExtensions.UnsafeTextFields(argument))
                        Add(errors, CamelPath(field), Core.Resources.Messages.ControlCharacters);
                    break;
            }
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray()), title: UiText.ProblemInvalid);
        return await next(context);
    }

    private static bool IsInput(Type type, IServiceProviderIsService? services) =>
        !type.IsPrimitive && !type.IsEnum
        && (type.Assembly == typeof(Core.ServiceCollectionExtensions).Assembly || type.Assembly == typeof(InputGuardFilter).Assembly)
        && services?.IsService(type) != true;

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    internal static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];

    internal static string CamelPath(string path) => string.Join('.', path.Split('.').Select(Camel));
}

/// <summary>
/// A request body whose declared charset cannot be decoded (<c>application/json; charset=bogus</c>) answers 415 with
/// problem details; before, reading it threw and the caller got a 500.
/// </summary>
public sealed class CharsetGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) && media.Charset.HasValue && !Decodable(media.Charset.Value!))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: UiText.ProblemMediaType).ExecuteAsync(context);
        }
        return next(context);
    }

    private static bool Decodable(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>
/// Binding failures of minimal APIs (a wrong JSON type, an unknown enum name, broken JSON, <c>?unitId=notaguid</c>, a
/// missing required parameter, a stale antiforgery token) as RFC 7807 validation problem details whose
/// <c>errors</c> name the field (the JSON path without <c>$.</c>, or the parameter), in the caller's language. The
/// endpoints throw them (<c>RouteHandlerOptions.ThrowOnBadRequest</c>) instead of answering a bare 400.
/// </summary>
public sealed partial class BadRequestExceptionHandler : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted) return false;
        using var _ = RequestCultureScope.Enter(context);
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            await TypedResults.Problem(statusCode: bad.StatusCode, title: UiText.ProblemMediaType).ExecuteAsync(context);
            return true;
        }
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            await TypedResults.Problem(statusCode: bad.StatusCode).ExecuteAsync(context);
            return true;
        }
        var (field, message) = Describe(bad);
        await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: UiText.ProblemInvalid)
            .ExecuteAsync(context);
        return true;
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        var parameter = ParameterName().Match(bad.Message) is { Success: true } m ? InputGuardFilter.Camel(m.Groups["name"].Value) : "$";
        switch (bad.InnerException)
        {
            case JsonException json:
                var path = json.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? InputGuardFilter.CamelPath(p[2..]) : "$";
                // Broken JSON (the reader failed: its position is where it broke) or a value of the wrong type or name.
                return (path, json.InnerException?.GetType().Name == "JsonReaderException" ? UiText.ProblemJsonBody : UiText.ProblemJsonValue);
            case AntiforgeryValidationException:
                return ("__RequestVerificationToken", UiText.ProblemAntiforgery);
        }
        if (bad.Message.StartsWith("Required parameter", StringComparison.Ordinal)) return (parameter, UiText.ProblemRequiredParameter);
        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal)) return ("$", UiText.ProblemBodyMissing);
        if (BoundValue().Match(bad.Message) is { Success: true } v) return (parameter, string.Format(UiText.ProblemQueryValue, Shorten(v.Groups["value"].Value)));
        return (parameter, UiText.ProblemInvalid);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();

    [GeneratedRegex("\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BoundValue();
}

/// <summary>The culture the localization middleware chose for the request, for code that runs outside it (exception handlers).</summary>
public static class RequestCultureScope
{
    public static IDisposable Enter(HttpContext context)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        if (context.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture is { } chosen)
        {
            CultureInfo.CurrentCulture = chosen.Culture;
            CultureInfo.CurrentUICulture = chosen.UICulture;
        }
        return new Restore(culture, ui);
    }

    private sealed class Restore(CultureInfo culture, CultureInfo ui) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
