using System.Diagnostics;
using System.Diagnostics.Metrics;
using QaBot.Answering.Safety;

namespace QaBot.Answering;

/// <summary>Counters and histograms of the answering path (meter <c>QaBot.Answering</c>).</summary>
public sealed class AnsweringMetrics : IDisposable
{
    public const string MeterName = "QaBot.Answering";

    private readonly Meter meter;
    private readonly Counter<long> questions;
    private readonly Histogram<double> latency;

    public AnsweringMetrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        questions = meter.CreateCounter<long>("qabot.questions", unit: "{question}", description: "Questions answered, by platform and outcome.");
        latency = meter.CreateHistogram<double>("qabot.answer.duration", unit: "s", description: "Time to answer a question.");
    }

    public void Record(string platform, Answer answer, TimeSpan elapsed)
    {
        var outcome = answer.Kind switch
        {
            AnswerKind.Answered => "answered",
            AnswerKind.NoAnswer => "no_answer",
            _ => "safety",
        };
        var tags = new TagList { { "platform", platform }, { "outcome", outcome } };
        if (answer.Category is SafetyCategory category)
        {
            tags.Add("category", category.ToString());
        }

        questions.Add(1, tags);
        latency.Record(elapsed.TotalSeconds, new TagList { { "platform", platform }, { "outcome", outcome } });
    }

    public void Dispose() => meter.Dispose();
}
