namespace QaBot.Answering.Safety;

/// <summary>
/// The learned parts of the triage, built from one version of the exemplar file: the text model (character n-grams,
/// no encoder needed) and, when embeddings are on, the k-NN classifier on the question's vector.
/// </summary>
/// <param name="Text">The character n-gram model (null only in measurements of the k-NN classifier alone).</param>
/// <param name="Neighbours">The k-NN classifier, or null when there is no encoder.</param>
public sealed record SafetyModels(SafetyTextModel? Text, SafetyClassifier? Neighbours);
