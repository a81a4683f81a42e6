using System.Text.Json.Serialization;

namespace QaBot.Host.Evaluation;

/// <summary>The figures printed by <c>qabot eval</c>; a metric with nothing to measure is null.</summary>
public sealed record EvalReport
{
    [JsonPropertyName("items")] public int Items { get; init; }
    [JsonPropertyName("r1")] public double? R1 { get; init; }
    [JsonPropertyName("r5")] public double? R5 { get; init; }
    [JsonPropertyName("r10")] public double? R10 { get; init; }
    [JsonPropertyName("mrr10")] public double? Mrr10 { get; init; }
    [JsonPropertyName("expect_pass")] public double? ExpectPass { get; init; }
    [JsonPropertyName("kind_acc")] public double? KindAccuracy { get; init; }
    [JsonPropertyName("category_acc")] public double? CategoryAccuracy { get; init; }
    [JsonPropertyName("index_s")] public double? IndexSeconds { get; init; }
    [JsonPropertyName("qps")] public double? Qps { get; init; }
    [JsonPropertyName("p50_ms")] public double? P50Ms { get; init; }
    [JsonPropertyName("p99_ms")] public double? P99Ms { get; init; }
    [JsonPropertyName("rss_mb")] public double? RssMb { get; init; }
    [JsonPropertyName("failed")] public IReadOnlyList<string> Failed { get; init; } = [];

    /// <summary>Answer quality: citations, readability, caveats, multi-part, small talk, reminder (<see cref="EvalQuality"/>).</summary>
    [JsonPropertyName("quality")] public EvalQuality? Quality { get; init; }

    /// <summary>Why each failed item failed (not part of the JSON line).</summary>
    [JsonIgnore] public IReadOnlyList<EvalFailure> Failures { get; init; } = [];
}

/// <summary>A failed item: what was expected and what the bot did.</summary>
public sealed record EvalFailure(string Id, string Question, string Expected, string Actual);
