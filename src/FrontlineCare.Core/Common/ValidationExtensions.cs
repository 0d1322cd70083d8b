using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FrontlineCare.Core.Common;

public static class ValidationExtensions
{
    /// <summary>Runs the form's validator; null when valid, otherwise the field errors as a result.</summary>
    public static async Task<Result?> CheckAsync<T>(this IValidator<T> validator, T form, CancellationToken ct)
    {
        var outcome = await validator.ValidateAsync(form, ct);
        if (outcome.IsValid) return null;
        return Result.Invalid(outcome.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList());
    }

    /// <summary>A contact number as people write it: digits with dashes, plus or spaces, 5–20 characters (landline or mobile).</summary>
    public static bool IsContactPhone(string phone) => System.Text.RegularExpressions.Regex.IsMatch(phone, @"^[0-9\-+ ]{5,20}$");

    public static bool IsUniqueViolation(this DbUpdateException ex, string? constraint = null) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && (constraint is null || pg.ConstraintName == constraint);

    public static bool IsExclusionViolation(this DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation };
}
