using System.Diagnostics.Metrics;

namespace QaBot.Analytics;

/// <summary>
/// Counters of the analytics (meter <c>QaBot.Analytics</c>): records written, records that could not be written
/// (database unavailable, locked or full), and records dropped because the queue was full or shutdown came first.
/// </summary>
public sealed class AnalyticsMetrics : IDisposable
{
    public const string MeterName = "QaBot.Analytics";

    private readonly Meter meter;
    private readonly Counter<long> writes;
    private readonly Counter<long> failures;
    private readonly Counter<long> dropped;
    private long writtenTotal;
    private long failedTotal;
    private long droppedTotal;

    public AnalyticsMetrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        writes = meter.CreateCounter<long>("qabot.analytics.writes", unit: "{record}", description: "Analytics records written to the store.");
        failures = meter.CreateCounter<long>("qabot.analytics.write_failures", unit: "{record}", description: "Analytics records lost because the store could not be written.");
        dropped = meter.CreateCounter<long>("qabot.analytics.dropped", unit: "{record}", description: "Analytics records dropped because the queue was full or the host stopped.");
    }

    /// <summary>Records written since start.</summary>
    public long Written => Interlocked.Read(ref writtenTotal);

    /// <summary>Records that could not be written since start.</summary>
    public long Failed => Interlocked.Read(ref failedTotal);

    /// <summary>Records dropped since start.</summary>
    public long Dropped => Interlocked.Read(ref droppedTotal);

    internal void RecordWrites(int count, string kind)
    {
        if (count == 0)
        {
            return;
        }

        Interlocked.Add(ref writtenTotal, count);
        writes.Add(count, new KeyValuePair<string, object?>("kind", kind));
    }

    internal void RecordFailures(int count)
    {
        Interlocked.Add(ref failedTotal, count);
        failures.Add(count);
    }

    internal void RecordDropped(int count, string reason)
    {
        Interlocked.Add(ref droppedTotal, count);
        dropped.Add(count, new KeyValuePair<string, object?>("reason", reason));
    }

    public void Dispose() => meter.Dispose();
}
