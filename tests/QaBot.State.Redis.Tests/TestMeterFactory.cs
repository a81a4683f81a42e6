using System.Diagnostics.Metrics;

namespace QaBot.State.Redis.Tests;

/// <summary>A meter factory of one test, so that its collectors see its own meters, not those of tests running beside it.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (meters)
        {
            meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (meters)
        {
            meters.ForEach(m => m.Dispose());
            meters.Clear();
        }
    }
}
