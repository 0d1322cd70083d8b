namespace FrontlineCare.Core.Common;

/// <summary>The expected outcomes of a service call. Unexpected failures throw instead.</summary>
public enum ResultStatus
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
    /// <summary>The action needs the user to confirm a warning first (e.g. A6 spouse deployed).</summary>
    NeedsConfirmation,
}

/// <summary>A field-level error; <see cref="Field"/> is the form-model property name, or empty for the whole form.</summary>
public sealed record FieldError(string Field, string Message);

public record Result
{
    public ResultStatus Status { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
    /// <summary>A localised message for the whole outcome (forbidden, conflict, warning to confirm).</summary>
    public string? Message { get; init; }

    public bool IsOk => Status == ResultStatus.Ok;

    public static Result Ok() => new() { Status = ResultStatus.Ok };
    public static Result Invalid(IReadOnlyList<FieldError> errors) => new() { Status = ResultStatus.Invalid, Errors = errors };
    public static Result Invalid(string field, string message) => Invalid([new FieldError(field, message)]);
    /// <summary>Not found — also the answer for a record outside the caller's jurisdiction (<see cref="Jurisdiction.Hidden()"/>).</summary>
    public static Result NotFound() => new() { Status = ResultStatus.NotFound, Message = Resources.Messages.NotFound };
    public static Result Forbidden(string message) => new() { Status = ResultStatus.Forbidden, Message = message };
    public static Result Conflict(string message) => new() { Status = ResultStatus.Conflict, Message = message };
    public static Result NeedsConfirmation(string message) => new() { Status = ResultStatus.NeedsConfirmation, Message = message };
}

public sealed record Result<T> : Result
{
    public T? Value { get; init; }

    public static Result<T> Ok(T value) => new() { Status = ResultStatus.Ok, Value = value };

    /// <summary>Carries a non-Ok outcome over to another value type.</summary>
    public static Result<T> From(Result failure) => new()
    {
        Status = failure.Status,
        Errors = failure.Errors,
        Message = failure.Message,
    };
}
