using System.Text.Json.Serialization;

namespace QaBot.Host.Evaluation;

/// <summary>
/// One turn of an evaluation dialogue: <c>{"question","kind","relevant":[...],"category","follow_up"}</c>, where
/// <c>follow_up</c> (turns after the first) is <c>follow_up</c>, <c>new_topic</c>, <c>off_topic</c> or <c>safety</c>.
/// </summary>
public sealed record DialogueTurn
{
    [JsonPropertyName("question")]
    public string Question { get; init; } = "";

    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("relevant")]
    public IReadOnlyList<string>? Relevant { get; init; }

    [JsonPropertyName("category")]
    public string? Category { get; init; }

    [JsonPropertyName("follow_up")]
    public string? FollowUp { get; init; }
}
