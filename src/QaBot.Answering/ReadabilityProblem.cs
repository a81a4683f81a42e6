namespace QaBot.Answering;

/// <summary>One readability problem of an answer text and the sentence (or line) it was found in.</summary>
public sealed record ReadabilityProblem(ReadabilityProblemKind Kind, string Sentence, string Reason);
