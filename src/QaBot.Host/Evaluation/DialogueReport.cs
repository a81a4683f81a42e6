using System.Text.Json.Serialization;

namespace QaBot.Host.Evaluation;

/// <summary>The figures <c>qabot eval</c> prints for a dialogue file; a figure with nothing to measure is null.</summary>
public sealed record DialogueReport
{
    [JsonPropertyName("dialogues")] public int Dialogues { get; init; }
    [JsonPropertyName("turns")] public int Turns { get; init; }

    /// <summary>First turns (not clarify) answered with an expected section in the top-3 citations (or the expected kind when none is listed).</summary>
    [JsonPropertyName("first_turn_acc")] public double? FirstTurnAccuracy { get; init; }

    /// <summary><c>follow_up</c> turns answered with an expected section in the top-3 citations.</summary>
    [JsonPropertyName("follow_up_acc")] public double? FollowUpAccuracy { get; init; }
    [JsonPropertyName("follow_ups")] public int FollowUps { get; init; }

    /// <summary><c>new_topic</c> turns with an expected section in the top-3 citations.</summary>
    [JsonPropertyName("new_topic_acc")] public double? NewTopicAccuracy { get; init; }

    /// <summary><c>off_topic</c> turns refused (any reply but an answer).</summary>
    [JsonPropertyName("off_topic_refused")] public double? OffTopicRefused { get; init; }

    /// <summary>Self-contained and off-topic turns answered as resolved with an earlier topic (should be 0).</summary>
    [JsonPropertyName("topic_leaks")] public int TopicLeaks { get; init; }
    [JsonPropertyName("self_contained")] public int SelfContained { get; init; }

    /// <summary>Turns expecting a clarifying reply that got one with choices.</summary>
    [JsonPropertyName("clarify_acc")] public double? ClarifyAccuracy { get; init; }

    /// <summary>Turns expecting anything but a clarifying reply that got one.</summary>
    [JsonPropertyName("false_clarify")] public int FalseClarify { get; init; }

    /// <summary><c>safety</c> follow-ups that kept a safety reply of the expected category.</summary>
    [JsonPropertyName("safety_carry_acc")] public double? SafetyCarryAccuracy { get; init; }

    /// <summary>Replies with the standing reminder.</summary>
    [JsonPropertyName("reminder")] public double? Reminder { get; init; }
    [JsonPropertyName("failed")] public IReadOnlyList<string> Failed { get; init; } = [];

    [JsonIgnore] public IReadOnlyList<EvalFailure> Failures { get; init; } = [];
}
