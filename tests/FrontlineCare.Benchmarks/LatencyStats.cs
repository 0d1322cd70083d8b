using System.Diagnostics;

namespace FrontlineCare.Benchmarks;

/// <summary>Wall-clock latencies of one scenario, in milliseconds.</summary>
internal sealed record LatencyStats(int Count, double Mean, double P50, double P95, double Max)
{
    public static LatencyStats From(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new LatencyStats(sorted.Length, sorted.Average(), Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>
    /// Like <see cref="MeasureAsync"/>, but a scenario too slow for <paramref name="iterations"/> calls within
    /// <paramref name="budget"/> gets fewer (at least <paramref name="minIterations"/>) and a shorter warm-up: the
    /// first three warm-up calls decide.
    /// </summary>
    public static async Task<LatencyStats> MeasureWithinAsync(
        Func<Task> action, int warmup, int iterations, TimeSpan budget, int minIterations = 30)
    {
        var probe = Stopwatch.GetTimestamp();
        const int probes = 3;
        for (var i = 0; i < probes; i++) await action();
        var perCall = Stopwatch.GetElapsedTime(probe) / probes;
        var affordable = (int)(budget / perCall);
        var n = Math.Clamp(affordable, Math.Min(minIterations, iterations), iterations);
        var remainingWarmup = n < iterations ? 0 : Math.Max(0, warmup - probes);
        return await MeasureAsync(action, remainingWarmup, n);
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="warmup"/> times untimed, then times each of <paramref name="iterations"/> calls.</summary>
    public static async Task<LatencyStats> MeasureAsync(Func<Task> action, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++) await action();
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return From(samples);
    }
}
