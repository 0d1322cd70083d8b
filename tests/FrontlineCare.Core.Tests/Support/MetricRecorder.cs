using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FrontlineCare.Core.Tests.Support;

/// <summary>
/// Records every measurement made on one <see cref="Meter"/> object (not on every meter of its name: other test
/// classes' hosts in the same process have their own), as a collector would see it.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of the instrument, in the order they were made; with <paramref name="tag"/>, only those carrying it.</summary>
    public IReadOnlyList<Measurement> Of(string instrument, (string Key, object Value)? tag = null) =>
        _measurements.Where(m => m.Instrument == instrument
                                 && (tag is not { } t || (m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))).ToList();

    public double Sum(string instrument, (string Key, object Value)? tag = null) => Of(instrument, tag).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }
}
