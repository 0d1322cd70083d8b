using System.Threading.RateLimiting;
using FrontlineCare.Core.Common;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// The limit on files a user sends through the page (evidence, photos, the duty sheet). Those arrive over the Blazor
/// circuit, not as HTTP requests, so the host's rate limiter never sees them: each file read asks this throttle first,
/// counted per account (<see cref="RateLimitOptions.UploadsPerUser"/>), and is refused with the time to wait.
/// In memory per instance, like the sign-in throttle.
/// </summary>
public sealed class UploadThrottle(RateLimitOptions limits, PortalMetrics metrics) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perUser = PartitionedRateLimiter.Create<string, string>(
        key => RateLimitPartition.GetFixedWindowLimiter(key, _ => limits.UploadsPerUser.Window()));

    /// <summary>Null when the user may send one more file; otherwise the message to show.</summary>
    public string? Enter(ICurrentUser user)
    {
        using var lease = _perUser.AttemptAcquire("user:" + (user.UserId?.ToString() ?? "anonymous"));
        if (lease.IsAcquired) return null;
        metrics.RateLimitRejected(nameof(RateLimitOptions.UploadsPerUser));
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(limits.UploadsPerUser.WindowSeconds);
        return string.Format(Resources.UiText.TooManyRequests, RateLimits.Seconds(wait));
    }

    public void Dispose() => _perUser.Dispose();
}
