using System.Security.Claims;
using FrontlineCare.Core.Common;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FrontlineCare.Web.Infrastructure;

public static class AppClaims
{
    public const string HomeUnit = "fc:home_unit";
    public const string DisplayName = "fc:display_name";
}

/// <summary>
/// The scoped <see cref="ICurrentUser"/> of a request or a Blazor circuit. HTTP requests fill it from
/// <c>HttpContext.User</c> (middleware below); circuits from the authentication state (circuit handler below),
/// because a circuit outlives the request that opened it.
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    public ClaimsPrincipal Principal { get; set; } = new(new ClaimsIdentity());

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public Guid? UserId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string? UserName => IsAuthenticated ? Principal.Identity!.Name : null;
    public Guid? HomeUnitId => Guid.TryParse(Principal.FindFirstValue(AppClaims.HomeUnit), out var id) ? id : null;
    public string? DisplayName => Principal.FindFirstValue(AppClaims.DisplayName) ?? UserName;
    public bool IsInRole(string role) => Principal.IsInRole(role);
}

public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser user)
    {
        user.Principal = context.User;
        return next(context);
    }
}

public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authState, CurrentUser user)
    : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authState.AuthenticationStateChanged += OnChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        user.Principal = (await authState.GetAuthenticationStateAsync()).User;
    }

    private void OnChanged(Task<AuthenticationState> task) =>
        _ = Task.Run(async () => user.Principal = (await task).User);

    public void Dispose() => authState.AuthenticationStateChanged -= OnChanged;
}
