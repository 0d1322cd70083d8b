using System.Text.Encodings.Web;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// "Authorization: Bearer fc_…" with a personal API token (H2). The token maps to its owner, and the owner's
/// current roles and home unit apply exactly as in the browser; a locked account's tokens stop working.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryGetToken(Request, out var token)) return AuthenticateResult.NoResult();
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var userId = await ApiTokenService.ValidateAsync(db, token, clock, Context.RequestAborted);
        if (userId is null) return AuthenticateResult.Fail("Invalid or revoked API token.");
        var user = await users.FindByIdAsync(userId.Value.ToString());
        if (user is null || await users.IsLockedOutAsync(user)) return AuthenticateResult.Fail("Account unavailable.");
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    public static bool TryGetToken(HttpRequest request, out string token)
    {
        token = "";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        token = header["Bearer ".Length..].Trim();
        return token.StartsWith(ApiTokenService.TokenPrefix, StringComparison.Ordinal);
    }
}
