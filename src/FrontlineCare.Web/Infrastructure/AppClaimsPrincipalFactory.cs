using System.Security.Claims;
using FrontlineCare.Core.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>Puts the home unit (the root of the jurisdiction) and the display name into the sign-in cookie.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.HomeUnit, user.HomeUnitId.ToString()));
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
