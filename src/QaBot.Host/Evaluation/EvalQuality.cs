using System.Text.Json.Serialization;

namespace QaBot.Host.Evaluation;

/// <summary>
/// The answer-quality figures of <c>qabot eval</c> (JSON <c>quality</c>); a figure with nothing to measure is null.
/// </summary>
public sealed record EvalQuality
{
    /// <summary>Share of items with an expected kind whose reply had that kind, per expected kind.</summary>
    [JsonPropertyName("kind_acc_by_kind")] public IReadOnlyDictionary<string, double> KindAccuracyByKind { get; init; } = new Dictionary<string, double>();

    /// <summary>Share of answerable items (with <c>relevant</c>, kind answered or unset) citing a relevant section among the first 3 citations.</summary>
    [JsonPropertyName("cited_top3")] public double? CitedTop3 { get; init; }

    /// <summary>Share of answered replies with no readability problem.</summary>
    [JsonPropertyName("readable")] public double? Readable { get; init; }

    /// <summary>Answered replies with a fragment sentence.</summary>
    [JsonPropertyName("fragment_replies")] public int FragmentReplies { get; init; }

    /// <summary>Answered replies with a repeated sentence.</summary>
    [JsonPropertyName("repeated_replies")] public int RepeatedReplies { get; init; }

    /// <summary>Answered replies with cut text.</summary>
    [JsonPropertyName("cut_replies")] public int CutReplies { get; init; }

    /// <summary>Share of answered items marked <c>"caveat": true</c> whose answer text holds a caveat.</summary>
    [JsonPropertyName("caveat_kept")] public double? CaveatKept { get; init; }

    /// <summary>Share of multi-part items (<c>"parts"</c> of 2 or more) citing every relevant id.</summary>
    [JsonPropertyName("parts_cited")] public double? PartsCited { get; init; }

    /// <summary>Share of items expecting kind <c>small_talk</c> that got it.</summary>
    [JsonPropertyName("small_talk_acc")] public double? SmallTalkAccuracy { get; init; }

    /// <summary>Share of all replies carrying the healthcare-provider reminder (must be 1).</summary>
    [JsonPropertyName("reminder")] public double? Reminder { get; init; }

    /// <summary>Ids of the answered items whose reply has a readability problem.</summary>
    [JsonPropertyName("unreadable")] public IReadOnlyList<string> Unreadable { get; init; } = [];

    /// <summary>Ids of the answerable items whose first 3 citations miss every relevant section.</summary>
    [JsonPropertyName("not_cited_top3")] public IReadOnlyList<string> NotCitedTop3 { get; init; } = [];

    /// <summary>One line per unreadable or not-cited item saying what was found (not part of the JSON line).</summary>
    [JsonIgnore] public IReadOnlyList<string> Details { get; init; } = [];
}
