namespace QaBot.Answering.Safety;

/// <summary>One labelled example message of the classifier: a safety category, or null for an ordinary question.</summary>
public sealed record SafetyExemplar(string Id, string Question, SafetyCategory? Category);
