namespace QaBot.Answering.Safety;

/// <summary>The outcome of safety triage for a message that must not be answered from the knowledge.</summary>
/// <param name="Category">Why.</param>
/// <param name="RuleId">
/// The id of the rule that fired, <c>classifier:&lt;exemplar id&gt;</c> when the embedding classifier decided, or
/// <c>&lt;rule id&gt;#timeout</c> / <c>triage.error</c> when triage failed closed (for tests and moderators; never the
/// message text).
/// </param>
public sealed record SafetyVerdict(SafetyCategory Category, string RuleId)
{
    /// <summary>The language of the rule that fired (<c>es</c>, <c>fr</c>, <c>de</c>, <c>pt</c>, <c>it</c>...), or null for English.</summary>
    public string? Language { get; init; }

    /// <summary>True when triage could not decide and treated the message as urgent.</summary>
    public bool FailedClosed { get; init; }
}
