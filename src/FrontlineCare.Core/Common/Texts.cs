namespace FrontlineCare.Core.Common;

/// <summary>Free text from a form: trimmed, empty as null, checked for presence and length with a field-level message.</summary>
public static class Texts
{
    public static string? Clean(string? value, string field, int max, bool required, List<FieldError> errors)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required) errors.Add(new FieldError(field, Resources.Messages.Required));
        else if (text?.Length > max) errors.Add(new FieldError(field, string.Format(Resources.Messages.TooLong, max)));
        return text;
    }
}
