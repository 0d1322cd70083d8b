using System.Collections;
using System.Reflection;
using FluentValidation;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FrontlineCare.Core.Common;

public static class ValidationExtensions
{
    /// <summary>
    /// Runs the form's validator; null when valid, otherwise the field errors as a result. Every text of the form is also
    /// checked for control characters (<see cref="UnsafeTextFields"/>): the pages call the services directly, so this is
    /// the safety net behind the web host's edge check.
    /// </summary>
    public static async Task<Result?> CheckAsync<T>(this IValidator<T> validator, T form, CancellationToken ct)
    {
        var outcome = await validator.ValidateAsync(form, ct);
        var errors = outcome.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        if (form is not null)
            errors.AddRange(UnsafeText(form));
        return errors.Count == 0 ? null : Result.Invalid(errors);
    }

    /// <summary>
    /// The index of the first character that no stored text may hold, or -1: a C0 control character other than tab,
    /// line feed and carriage return (NUL is refused by PostgreSQL itself), DEL, or half of a surrogate pair without the
    /// other half (not UTF-8 encodable).
    /// </summary>
    public static int IndexOfUnsafeCharacter(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' ? c is not ('\t' or '\n' or '\r') : c == '\u007f') return i;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else return i;
            }
            else if (char.IsLowSurrogate(c)) return i;
        }
        return -1;
    }

    /// <summary>
    /// The field errors for the texts of a form (or of an anonymous object naming a method's text parameters, e.g.
    /// <c>new { Note = note }</c>) that hold an unsafe character: what a hand-written check adds to its own errors.
    /// </summary>
    public static IEnumerable<FieldError> UnsafeText(object form) =>
        UnsafeTextFields(form).Select(field => new FieldError(field, Messages.ControlCharacters));

    public static bool HasUnsafeCharacter(string? text) => text is not null && IndexOfUnsafeCharacter(text) >= 0;

    /// <summary>
    /// The names of the text properties of <paramref name="form"/> that hold an unsafe character
    /// (<see cref="IndexOfUnsafeCharacter"/>): the property name at the top, "Rows[2].Note" below it (forms of this
    /// application, lists and dictionaries are followed a few levels deep).
    /// </summary>
    public static IReadOnlyList<string> UnsafeTextFields(object form)
    {
        var found = new List<string>();
        Walk(form, "", 0, found);
        return found;
    }

    private static void Walk(object? value, string path, int depth, List<string> found)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (HasUnsafeCharacter(text)) found.Add(path);
                return;
            case Array array when array.GetType().GetElementType()!.IsPrimitive:
                return; // file contents, numbers
            case IDictionary dictionary when depth < 4:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var name = $"{path}[{entry.Key}]";
                    if (entry.Key is string key && HasUnsafeCharacter(key)) found.Add(name);
                    Walk(entry.Value, name, depth + 1, found);
                }
                return;
            case IEnumerable items when depth < 4:
                var i = 0;
                foreach (var item in items) Walk(item, $"{path}[{i++}]", depth + 1, found);
                return;
        }
        var type = value.GetType();
        if (depth >= 4 || type.IsPrimitive || type.IsEnum || type.Assembly != typeof(ValidationExtensions).Assembly) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null) continue;
            var propertyType = property.PropertyType;
            if (propertyType.IsValueType) continue;
            Walk(property.GetValue(value), path.Length == 0 ? property.Name : $"{path}.{property.Name}", depth + 1, found);
        }
    }

    /// <summary>A contact number as people write it: digits with dashes, plus or spaces, 5–20 characters (landline or mobile).</summary>
    public static bool IsContactPhone(string phone) => System.Text.RegularExpressions.Regex.IsMatch(phone, @"^[0-9\-+ ]{5,20}$");

    public static bool IsUniqueViolation(this DbUpdateException ex, string? constraint = null) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && (constraint is null || pg.ConstraintName == constraint);

    public static bool IsExclusionViolation(this DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation };
}
