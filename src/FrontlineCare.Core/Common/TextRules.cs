using FluentValidation;
using FrontlineCare.Core.Resources;

namespace FrontlineCare.Core.Common;

/// <summary>
/// How every form treats text, on create and on update alike. Blank or whitespace-only text is a value like any other:
/// it is validated, never taken as "unchanged" and never turned silently into a cleared field.
/// <list type="bullet">
/// <item>Required text: null, empty and whitespace-only are refused (<see cref="Messages.Required"/>).</item>
/// <item>Optional text: null or empty clears the field on purpose (the change is audited); whitespace-only is refused
/// (<see cref="Messages.BlankText"/>), because a user who typed spaces meant something and an API client that sends
/// them has a bug.</item>
/// </list>
/// </summary>
public static class TextRules
{
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Messages.Required)
            .MaximumLength(maxLength).WithMessage(_ => string.Format(Messages.TooLong, maxLength));

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(v => string.IsNullOrEmpty(v) || !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Messages.BlankText)
            .MaximumLength(maxLength).WithMessage(_ => string.Format(Messages.TooLong, maxLength));

    /// <summary>The stored form of optional text that passed <see cref="OptionalText{T}"/>: trimmed, or null when empty.</summary>
    public static string? Stored(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
