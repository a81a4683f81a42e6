using QaBot.Answering.Safety;

namespace QaBot.Answering.Turns;

/// <summary>
/// What the question turn learned before answering: triage's verdict (null: an ordinary question) and the question's
/// sentence vector (null: embeddings off or unavailable), computed once and reused by retrieval.
/// </summary>
public sealed record TriageOutcome(SafetyVerdict? Verdict, float[]? QuestionVector);
