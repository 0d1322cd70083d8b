using System.Net;
using System.Net.Sockets;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FrontlineCare.Web.Tests.Support;

/// <summary>
/// The real portal (Program) over its own seeded PostgreSQL database, listening on a real loopback port so that
/// both HttpClient and Chromium can reach it.
/// </summary>
public class PortalHost : IAsyncLifetime
{
    private readonly AppFixture _data;

    public PortalHost() : this(new AppFixture())
    {
    }

    /// <summary>Over other seed data, e.g. the full demo (<see cref="DemoPortalHost"/>).</summary>
    protected PortalHost(AppFixture data) => _data = data;

    private WebApplicationFactory<Program>? _factory;

    public string BaseUrl { get; private set; } = "";
    public AppFixture Data => _data;
    /// <summary>The host's own services (e.g. its EndpointDataSource, to enumerate every endpoint).</summary>
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        await _data.InitializeAsync();
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseUrls(BaseUrl);
            web.UseSetting("ConnectionStrings:Default", _data.ConnectionString);
            web.UseSetting("Seed:DemoData", "false");
            // Tests call the sweep themselves; a timer firing mid-test would change what they assert.
            web.UseSetting("Scheduling:Enabled", "false");
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            web.UseSetting("Serilog:WriteTo:1:Name", "Console");
            // Tests sign in and call the API far faster than people do: the rate limits are tested on their own
            // (RateLimitTests, with a host of low limits).
            foreach (var limit in new[] { "SignInPerClient", "SignInPerUser", "ApiPerToken", "ApiUnauthenticatedPerClient", "FilesPerUser" })
                web.UseSetting($"RateLimits:{limit}:PermitLimit", "1000000");
            Configure(web);
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var server = _factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        var addresses = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
        BaseUrl = addresses?.FirstOrDefault() ?? BaseUrl;
    }

    /// <summary>A subclass changes the host here (environment, settings), after the defaults above.</summary>
    protected virtual void Configure(IWebHostBuilder web)
    {
    }

    /// <summary>
    /// A client signed in through the real sign-in form (antiforgery token and all), carrying the cookie; redirects are
    /// not followed, so a refusal shows as it is sent.
    /// </summary>
    public async Task<HttpClient> CookieClientAsync(string userName, string password = "Frontline2026")
    {
        var client = FormSignIn.Client(BaseUrl);
        var signIn = await FormSignIn.PostAsync(client, userName, password);
        if (!FormSignIn.SignedIn(signIn)) throw new InvalidOperationException($"sign-in as {userName} failed: {(int)signIn.StatusCode}");
        return client;
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Creates a personal API token for a demo account, as its owner would on the profile page.</summary>
    public Task<string> TokenForAsync(string userName) =>
        AsAsync(userName, async tokens => (await tokens.CreateAsync("test")).Value!);

    /// <summary>Revokes all of the account's tokens, as its owner would on the profile page.</summary>
    public Task RevokeAllAsync(string userName) => AsAsync(userName, async tokens =>
    {
        foreach (var token in await tokens.ListMineAsync()) await tokens.RevokeAsync(token.Id);
        return 0;
    });

    /// <summary>Runs the token service as the named account (its own scope and identity).</summary>
    private async Task<T> AsAsync<T>(string userName, Func<ApiTokenService, Task<T>> action)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var account = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var current = (Infrastructure.CurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUser>();
        current.Principal = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
        return await action(scope.ServiceProvider.GetRequiredService<ApiTokenService>());
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await _data.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The portal over the whole demo data set (300 workers), as <c>deploy/run.sh</c> shows it: every kind of record exists.</summary>
public sealed class DemoPortalHost() : PortalHost(new FullDemo())
{
    private sealed class FullDemo : AppFixture
    {
        public override int DemoWorkers => 300;
    }
}
