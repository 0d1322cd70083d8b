using FluentValidation;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Resources;

namespace FrontlineCare.Core.Features.Accounts;

public sealed class AccountForm
{
    public Guid? Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Role { get; set; }
    public Guid? HomeUnitId { get; set; }
    /// <summary>Required when creating; ignored on edit (use reset password).</summary>
    public string? Password { get; set; }
}

public sealed record AccountItem(
    Guid Id, string UserName, string DisplayName, string Role, Guid HomeUnitId, string HomeUnitName, bool Locked);

public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>The portal's password, lockout and user-name rules for ASP.NET Core Identity (one place for host and tests).</summary>
    public static void Configure(Microsoft.AspNetCore.Identity.IdentityOptions options)
    {
        options.Password.RequiredLength = MinLength;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
    }

    public static bool IsStrong(string? password) =>
        password is { Length: >= MinLength }
        && password.Any(char.IsAsciiLetterUpper) && password.Any(char.IsAsciiLetterLower) && password.Any(char.IsAsciiDigit);
}

public sealed class AccountFormValidator : AbstractValidator<AccountForm>
{
    public AccountFormValidator()
    {
        RuleFor(x => x.UserName).Matches("^[A-Za-z0-9._-]{3,50}$").WithMessage(_ => Messages.UserNameFormat);
        RuleFor(x => x.DisplayName)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Messages.Required)
            .MaximumLength(50).WithMessage(_ => string.Format(Messages.TooLong, 50));
        RuleFor(x => x.Role).Must(r => r is not null && Roles.All.Contains(r)).WithMessage(_ => Messages.RoleRequired);
        RuleFor(x => x.HomeUnitId).NotNull().WithMessage(_ => Messages.Required);
        RuleFor(x => x.Password).Must(PasswordPolicy.IsStrong).When(x => x.Id is null).WithMessage(_ => Messages.PasswordTooWeak);
    }
}
