using System.Net;
using FrontlineCare.Core.Data;
using FrontlineCare.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace FrontlineCare.Web.Tests.Api;

/// <summary>Production behind an HTTPS proxy on this machine (the test client's address, 127.0.0.1, is the known proxy).</summary>
public sealed class TrustedProxyHost : PortalHost
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseEnvironment("Production");
        web.UseSetting("ReverseProxy:KnownProxies:0", "127.0.0.1");
    }
}

/// <summary>Production where the known proxy is another machine: the test client is a stranger sending forwarded headers.</summary>
public sealed class UntrustedProxyHost : PortalHost
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseEnvironment("Production");
        web.UseSetting("ReverseProxy:KnownProxies:0", "192.0.2.1");
        web.UseSetting("Api:Reference:Enabled", "true");
    }
}

public sealed class ReverseProxyTests(TrustedProxyHost trusted, UntrustedProxyHost untrusted) : IClassFixture<TrustedProxyHost>, IClassFixture<UntrustedProxyHost>
{
    private static HttpRequestMessage ViaProxy(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        // HSTS is never sent for localhost; the proxy passes the public host name on.
        request.Headers.Host = "frontline.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        return request;
    }

    [Fact]
    public async Task Https_from_the_known_proxy_gets_hsts_and_secure_cookies()
    {
        var client = FormSignIn.Client(trusted.BaseUrl);
        var response = await client.SendAsync(ViaProxy("/account/login"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.TryGetValues("Strict-Transport-Security", out var hsts).ShouldBeTrue();
        hsts!.Single().ShouldContain("max-age=");
        var antiforgery = response.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem();
        antiforgery.ToLowerInvariant().ShouldContain("; secure");

        var culture = await client.SendAsync(ViaProxy("/culture?culture=en-US&redirectUri=%2Faccount%2Flogin"));
        culture.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.ToLowerInvariant().Contains("; secure"));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_behind_the_known_proxy()
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(trusted.BaseUrl) };
        var response = await FormSignIn.PostBehindProxyAsync(client, "orgdept", DemoData.Password);
        FormSignIn.SignedIn(response).ShouldBeTrue();
        response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("frontlinecare.", StringComparison.Ordinal))
            .ShouldAllBe(c => c.ToLowerInvariant().Contains("; secure"));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var response = await FormSignIn.Client(untrusted.BaseUrl).SendAsync(ViaProxy("/account/login"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        response.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.ToLowerInvariant().Contains("; secure"));
    }

    [Fact]
    public async Task In_production_the_api_reference_is_served_only_where_it_is_switched_on()
    {
        // Off: no document (an unknown address, which sends an anonymous caller to the sign-in page).
        var off = FormSignIn.Client(trusted.BaseUrl);
        (await off.GetAsync("/openapi/v1.json")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await off.GetAsync("/scalar/v1")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var on = FormSignIn.Client(untrusted.BaseUrl);
        var document = await on.GetAsync("/openapi/v1.json");
        document.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var scalar = await on.GetAsync("/scalar/v1");
        scalar.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Its own policy: what Scalar needs, still nothing from another origin.
        var csp = string.Join(" | ", scalar.Headers.GetValues("Content-Security-Policy"));
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self' 'nonce-");
        csp.ShouldNotContain("script-src 'self' 'unsafe-inline'");
        // The portal's own pages keep inline scripts out.
        var page = await untrusted.Client().GetAsync("/account/login");
        string.Join(" | ", page.Headers.GetValues("Content-Security-Policy")).ShouldContain("script-src 'self';");
    }
}
