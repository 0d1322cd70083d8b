using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace FrontlineCare.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });

        // Switching language is a full reload: a Blazor circuit keeps the culture it started with.
        app.MapGet("/culture", (string culture, string? redirectUri, HttpContext context) =>
        {
            if (WebPortalSetup.Cultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
            }
            // Only ever to an address of this site: "/\\evil.com" (from /%5Cevil.com) is a field error, not a 500.
            if (redirectUri is { Length: > 0 } && !IsLocalUrl(redirectUri))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["redirectUri"] = [Resources.UiText.ProblemRedirectNotLocal] },
                    title: Resources.UiText.ProblemInvalid);
            return Results.LocalRedirect(redirectUri is { Length: > 0 } r ? r : "/");
        }).AllowAnonymous();
        return app;
    }

    /// <summary>The rule of <see cref="Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult"/>'s local check: a path
    /// ("/…" but not "//…" or "/\\…"), or "~/…", without control characters.</summary>
    public static bool IsLocalUrl(string url)
    {
        if (url.Any(char.IsControl)) return false;
        if (url[0] == '/') return url.Length == 1 || url[1] is not ('/' or '\\');
        return url.Length > 1 && url[0] == '~' && url[1] == '/' && (url.Length == 2 || url[2] is not ('/' or '\\'));
    }
}
