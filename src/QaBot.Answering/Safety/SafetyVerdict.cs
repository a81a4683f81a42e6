namespace QaBot.Answering.Safety;

/// <summary>The outcome of safety triage for a message that must not be answered from the knowledge.</summary>
/// <param name="Category">Why.</param>
/// <param name="RuleId">The id of the rule that fired (for tests and moderators; never the message text).</param>
public sealed record SafetyVerdict(SafetyCategory Category, string RuleId);
