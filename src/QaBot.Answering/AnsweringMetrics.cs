using System.Diagnostics;
using System.Diagnostics.Metrics;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Safety;

namespace QaBot.Answering;

/// <summary>
/// Counters and histograms of the answering path (meter <c>QaBot.Answering</c>): questions and answer time, feedback
/// clicks, rate-limit rejections and the answering slots in use. Tags are bounded sets (platform, outcome, reason),
/// never question text or user ids.
/// </summary>
public sealed class AnsweringMetrics : IDisposable
{
    public const string MeterName = "QaBot.Answering";

    private readonly Meter meter;
    private readonly Counter<long> questions;
    private readonly Histogram<double> latency;
    private readonly Counter<long> feedback;
    private readonly Counter<long> rejections;

    public AnsweringMetrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        questions = meter.CreateCounter<long>("qabot.questions", unit: "{question}", description: "Questions answered, by platform and outcome.");
        latency = meter.CreateHistogram<double>("qabot.answer.duration", unit: "s", description: "Time to answer a question.");
        feedback = meter.CreateCounter<long>("qabot.feedback.clicks", unit: "{click}", description: "Helpful / Not helpful clicks, by platform.");
        rejections = meter.CreateCounter<long>("qabot.rate_limit.rejections", unit: "{question}", description: "Questions turned away by the rate limits, by platform and reason.");
    }

    /// <summary>A "Helpful" / "Not helpful" click on <paramref name="platform"/>.</summary>
    public void RecordFeedback(string platform, bool helpful) =>
        feedback.Add(1, new TagList { { "platform", platform }, { "helpful", helpful ? "true" : "false" } });

    /// <summary>A question turned away: <c>reason</c> is <c>user</c>, <c>global</c> or <c>busy</c>.</summary>
    public void RecordRejection(string platform, RateLimitOutcome outcome)
    {
        var reason = outcome switch
        {
            RateLimitOutcome.UserLimited => "user",
            RateLimitOutcome.GlobalLimited => "global",
            _ => "busy",
        };
        rejections.Add(1, new TagList { { "platform", platform }, { "reason", reason } });
    }

    /// <summary>Gauges of the answering slots: answers in progress and questions waiting for a slot.</summary>
    public void ObserveAnswerSlots(Func<long> active, Func<long> queued)
    {
        meter.CreateObservableGauge("qabot.answers.active", active, unit: "{question}", description: "Questions being answered now.");
        meter.CreateObservableGauge("qabot.answers.queued", queued, unit: "{question}", description: "Questions waiting for a free answering slot.");
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
