using FrontlineCare.Core.Common;

namespace FrontlineCare.Web.Api;

/// <summary>Turns a service <see cref="Result"/> into an HTTP answer: RFC 7807 problem details, field errors included.</summary>
public static class ApiResults
{
    public static IResult Problem(Result result) => result.Status switch
    {
        ResultStatus.Invalid => TypedResults.ValidationProblem(
            result.Errors.GroupBy(e => Camel(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: Resources.UiText.ProblemInvalid),
        ResultStatus.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Core.Resources.Messages.NotFound),
        ResultStatus.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: result.Message),
        ResultStatus.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: result.Message),
        ResultStatus.NeedsConfirmation => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: result.Message,
            type: "https://frontlinecare.local/problems/needs-confirmation",
            extensions: new Dictionary<string, object?> { ["confirmWith"] = "confirmSpouseDeployed" }),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError),
    };

    public static IResult From<T>(Result<T> result) => result.IsOk ? TypedResults.Ok(result.Value) : Problem(result);

    private static string Camel(string field) => field.Length == 0 ? "" : char.ToLowerInvariant(field[0]) + field[1..];
}
