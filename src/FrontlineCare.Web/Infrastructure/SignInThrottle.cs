using System.Threading.RateLimiting;
using FrontlineCare.Core.Common;
using Microsoft.AspNetCore.DataProtection;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>What the sign-in page may do with an attempt before it checks the password.</summary>
public enum SignInGate
{
    Allowed,
    /// <summary>Too many attempts from this client, or for this user name: 429, try again after the window.</summary>
    TooMany,
    /// <summary>This client failed too often for this user name: it is told "locked", whether the account exists or not.</summary>
    Locked,
}

/// <summary>
/// Sign-in throttling that a stranger cannot turn into a weapon. Failures are counted per client and user name, so
/// the five wrong passwords of an attacker lock out the attacker's address for that name, not the account: the owner
/// still signs in from their own address. A user name's attempts from all clients are also limited (against guessing
/// from many addresses), except from the browser that last signed in as that user (a "known device" cookie), so even
/// a spread-out attack does not keep the owner out. Unknown and real user names go through exactly the same counters
/// and messages. The counters are in memory per instance (a restart forgets them), built on System.Threading.RateLimiting.
/// </summary>
public sealed class SignInThrottle(RateLimitOptions limits, IDataProtectionProvider dataProtection, PortalMetrics metrics) : IDisposable
{
    public const string DeviceCookie = "frontlinecare.device";

    private readonly PartitionedRateLimiter<string> _perClient = Limiter(limits.SignInPerClient);
    private readonly PartitionedRateLimiter<string> _perUser = Limiter(limits.SignInPerUser);
    private readonly PartitionedRateLimiter<string> _failures = Limiter(limits.SignInFailuresPerClientAndUser);
    private readonly IDataProtector _device = dataProtection.CreateProtector("FrontlineCare.KnownDevice.v1");

    /// <summary>Counts the attempt and says whether it may go on; <paramref name="retryAfter"/> is set when it may not.</summary>
    public SignInGate Enter(string client, string userName, bool knownDevice, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var name = Normalize(userName);
        // Zero permits: only asks whether this client still has failures left for this name.
        using (var failures = _failures.AttemptAcquire(client + "|" + name, 0))
        {
            if (!failures.IsAcquired)
            {
                retryAfter = RetryAfter(failures, limits.SignInFailuresPerClientAndUser);
                metrics.RateLimitRejected(nameof(RateLimitOptions.SignInFailuresPerClientAndUser));
                return SignInGate.Locked;
            }
        }
        using (var perClient = _perClient.AttemptAcquire(client))
        {
            if (!perClient.IsAcquired)
            {
                retryAfter = RetryAfter(perClient, limits.SignInPerClient);
                metrics.RateLimitRejected(nameof(RateLimitOptions.SignInPerClient));
                return SignInGate.TooMany;
            }
        }
        if (knownDevice) return SignInGate.Allowed;
        using var perUser = _perUser.AttemptAcquire(name);
        if (perUser.IsAcquired) return SignInGate.Allowed;
        retryAfter = RetryAfter(perUser, limits.SignInPerUser);
        metrics.RateLimitRejected(nameof(RateLimitOptions.SignInPerUser));
        return SignInGate.TooMany;
    }

    /// <summary>A wrong password or an unknown user name from this client.</summary>
    public void Failed(string client, string userName)
    {
        metrics.SignInFailed();
        using var _ = _failures.AttemptAcquire(client + "|" + Normalize(userName));
    }

    /// <summary>True when this browser last signed in as <paramref name="userName"/> (its device cookie says so).</summary>
    public bool IsKnownDevice(HttpContext context, string userName)
    {
        if (!context.Request.Cookies.TryGetValue(DeviceCookie, out var value) || string.IsNullOrEmpty(value)) return false;
        try
        {
            return _device.Unprotect(value) == Normalize(userName);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Marks this browser as the user's own, after a successful sign-in.</summary>
    public void RememberDevice(HttpContext context, string userName) =>
        context.Response.Cookies.Append(DeviceCookie, _device.Protect(Normalize(userName)), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Expires = DateTimeOffset.UtcNow.AddDays(180),
        });

    public void Dispose()
    {
        _perClient.Dispose();
        _perUser.Dispose();
        _failures.Dispose();
    }

    private static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    private static PartitionedRateLimiter<string> Limiter(RateLimit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => limit.Window()));

    private static TimeSpan RetryAfter(RateLimitLease lease, RateLimit limit) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(limit.WindowSeconds);
}
