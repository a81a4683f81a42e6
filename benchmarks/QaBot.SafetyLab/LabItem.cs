using QaBot.Answering.Safety;

namespace QaBot.SafetyLab;

/// <summary>A labelled message with its query vector.</summary>
internal sealed record LabItem(SafetyExemplar Exemplar, float[] Vector, string File);
