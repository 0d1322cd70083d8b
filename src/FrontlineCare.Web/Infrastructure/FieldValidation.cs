using FluentValidation;
using FrontlineCare.Core.Common;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// Connects a FluentValidation validator to MudForm: each input asks for the errors of its own property
/// (by the name of its <c>For</c> expression) as the user types. The same validator runs again in the service
/// before saving. Errors that only the server can know (duplicate ID, jurisdiction) are shown on their field
/// until the user edits it.
/// </summary>
public sealed class FieldValidation<T>(IValidator<T> validator, Func<T> current)
{
    private readonly Dictionary<string, (string Message, object? Value)> _serverErrors = [];
    private readonly Func<T> _current = current;

    /// <summary>For MudForm's <c>Validation</c> parameter: (model, property name) → messages.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (_, propertyName) =>
    {
        var form = _current();
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions(form, o => o.IncludeProperties(propertyName)));
        var messages = result.Errors.Where(e => e.PropertyName == propertyName).Select(e => e.ErrorMessage).ToList();
        if (_serverErrors.TryGetValue(propertyName, out var server))
        {
            if (Equals(server.Value, ValueOf(form, propertyName))) messages.Add(server.Message);
            else _serverErrors.Remove(propertyName);
        }
        return messages;
    };

    /// <summary>Remembers the service's field errors; returns those that belong to no field on the form.</summary>
    public IReadOnlyList<string> SetServerErrors(IEnumerable<FieldError> errors, IReadOnlySet<string> fieldsOnForm)
    {
        _serverErrors.Clear();
        var rest = new List<string>();
        var form = _current();
        foreach (var error in errors)
        {
            if (fieldsOnForm.Contains(error.Field)) _serverErrors[error.Field] = (error.Message, ValueOf(form, error.Field));
            else rest.Add(error.Message);
        }
        return rest;
    }

    private static object? ValueOf(T form, string property) => typeof(T).GetProperty(property)?.GetValue(form);
}
