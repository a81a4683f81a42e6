using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QaBot.Knowledge;

/// <summary>
/// Reloads and served passages (meter <c>QaBot.Knowledge</c>): the counter <c>qabot.knowledge.reloads</c> tagged
/// <c>outcome</c> = <c>succeeded</c> | <c>failed</c> (the first load counts too), and the gauge
/// <c>qabot.knowledge.passages</c>.
/// </summary>
public sealed class KnowledgeMetrics : IDisposable
{
    public const string MeterName = "QaBot.Knowledge";

    private readonly Meter meter;
    private readonly Counter<long> reloads;
    private int passages;

    public KnowledgeMetrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        reloads = meter.CreateCounter<long>("qabot.knowledge.reloads", unit: "{reload}", description: "Knowledge loads and reloads, by outcome.");
        meter.CreateObservableGauge("qabot.knowledge.passages", () => Volatile.Read(ref passages), unit: "{passage}", description: "Passages served.");
    }

    /// <summary>Counts a load or reload attempt; after a success, <paramref name="servedPassages"/> is what the gauge reports.</summary>
    public void RecordReload(bool succeeded, int servedPassages)
    {
        Volatile.Write(ref passages, servedPassages);
        reloads.Add(1, new TagList { { "outcome", succeeded ? "succeeded" : "failed" } });
    }

    public void Dispose() => meter.Dispose();
}
