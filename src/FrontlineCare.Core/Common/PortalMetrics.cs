using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FrontlineCare.Core.Common;

/// <summary>
/// The portal's own measurements, all on one <see cref="Meter"/> named <see cref="Name"/> (a singleton; every instrument
/// is defined here, so the names in docs/operations.md are the names in this file). Recording costs next to nothing when
/// nothing listens: OpenTelemetry (the web host's Telemetry section) or <c>dotnet-counters monitor --counters FrontlineCare</c>
/// are the listeners. No instrument carries personal data (no user name, no worker) in its tags.
/// </summary>
public sealed class PortalMetrics : IDisposable
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "FrontlineCare";

    /// <summary>Spans of the portal's own background work (the B2 sweep, a subsidy sheet), so their database calls nest under one trace.</summary>
    public static readonly ActivitySource Activities = new(Name);

    public const string LimitTag = "frontlinecare.limit";
    public const string OutcomeTag = "frontlinecare.outcome";
    public const string ChangeTag = "frontlinecare.change";

    private readonly bool _ownMeter;
    private readonly UpDownCounter<long> _circuits;
    private readonly Counter<long> _signInFailures;
    private readonly Counter<long> _rateLimitRejections;
    private readonly Counter<long> _sweepRuns;
    private readonly Histogram<double> _sweepDuration;
    private readonly Gauge<long> _sweepFindings;
    private readonly Counter<long> _sweepCases;
    private readonly Histogram<double> _subsidyDuration;

    /// <param name="meters">The host's meter factory; without one (a bare service container) the meter is this object's own.</param>
    public PortalMetrics(IMeterFactory? meters = null)
    {
        _ownMeter = meters is null;
        Meter = meters?.Create(Name) ?? new Meter(Name);
        _circuits = Meter.CreateUpDownCounter<long>("frontlinecare.circuits.open", "{circuit}",
            "Blazor circuits (interactive browser sessions) open on this instance.");
        _signInFailures = Meter.CreateCounter<long>("frontlinecare.signin.failures", "{attempt}",
            "Sign-ins refused for a wrong password or an unknown user name.");
        _rateLimitRejections = Meter.CreateCounter<long>("frontlinecare.rate_limit.rejections", "{request}",
            "Requests and sign-in attempts refused by a rate limit; the tag names the RateLimits setting that refused.");
        _sweepRuns = Meter.CreateCounter<long>("frontlinecare.b2_sweep.runs", "{run}",
            "B2 overload sweeps started on this instance: swept, or skipped because another instance held the lock.");
        _sweepDuration = Meter.CreateHistogram("frontlinecare.b2_sweep.duration", "s", "Duration of a B2 overload sweep that swept.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600] });
        _sweepFindings = Meter.CreateGauge<long>("frontlinecare.b2_sweep.findings", "{finding}",
            "Overload findings of the last B2 sweep (each hour's sweep finds the still-open ones again, so this is a level, not a sum).");
        _sweepCases = Meter.CreateCounter<long>("frontlinecare.b2_sweep.cases", "{case}",
            "Forced-rest cases the B2 sweep opened or extended.");
        _subsidyDuration = Meter.CreateHistogram("frontlinecare.subsidy_sheet.duration", "s",
            "Time to generate (or regenerate) one D1/D2 subsidy sheet, from the lock to the commit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });
    }

    /// <summary>The meter every instrument is on (a test listens to this one object, not to every meter of the name).</summary>
    public Meter Meter { get; }

    public void CircuitOpened() => _circuits.Add(1);
    public void CircuitClosed() => _circuits.Add(-1);

    public void SignInFailed() => _signInFailures.Add(1);

    /// <param name="limit">The <c>RateLimits</c> setting that refused, e.g. <c>ApiPerToken</c> or <c>SignInFailuresPerClientAndUser</c>.</param>
    public void RateLimitRejected(string limit) => _rateLimitRejections.Add(1, new KeyValuePair<string, object?>(LimitTag, limit));

    /// <summary>Another instance held the sweep's lock: this one did nothing.</summary>
    public void SweepSkipped() => _sweepRuns.Add(1, new KeyValuePair<string, object?>(OutcomeTag, "skipped"));

    public void SweepFinished(TimeSpan elapsed, long findings, long casesOpened, long casesExtended)
    {
        _sweepRuns.Add(1, new KeyValuePair<string, object?>(OutcomeTag, "swept"));
        _sweepDuration.Record(elapsed.TotalSeconds);
        _sweepFindings.Record(findings);
        _sweepCases.Add(casesOpened, new KeyValuePair<string, object?>(ChangeTag, "opened"));
        _sweepCases.Add(casesExtended, new KeyValuePair<string, object?>(ChangeTag, "extended"));
    }

    public void SubsidySheetGenerated(TimeSpan elapsed) => _subsidyDuration.Record(elapsed.TotalSeconds);

    /// <summary>A meter from the host's factory is the factory's to dispose.</summary>
    public void Dispose()
    {
        if (_ownMeter) Meter.Dispose();
    }
}
