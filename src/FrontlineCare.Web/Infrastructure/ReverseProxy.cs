using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// The HTTPS reverse proxy in front of the portal. <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are taken
/// only from the addresses in <c>ReverseProxy:KnownProxies</c> (e.g. <c>10.0.0.5</c>) and networks in
/// <c>ReverseProxy:KnownNetworks</c> (e.g. <c>10.0.0.0/24</c>); with neither set, only a proxy on this machine
/// (loopback) is trusted. From any other address the headers are ignored, so nobody can claim HTTPS or another
/// client address. Then HSTS, <c>Secure</c> cookies and the per-client rate limits see the real scheme and client.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration config)
    {
        var proxies = config.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = config.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy: the last address it appends is the client; anything earlier in the header is the client's claim.
            options.ForwardLimit = 1;
            if (proxies.Length == 0 && networks.Length == 0) return; // the defaults: loopback only
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        });
        return services;
    }
}
