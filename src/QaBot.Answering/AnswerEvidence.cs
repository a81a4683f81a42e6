namespace QaBot.Answering;

/// <summary>
/// With embeddings on, what must be true of the best passage, besides reaching the minimum similarity, for a question
/// to be answered rather than get "no answer".
/// </summary>
public enum AnswerEvidence
{
    /// <summary>
    /// Any one of: its heading names the question's topic (<c>MinFocusCoverage</c>), it stands out from the knowledge's
    /// background (<c>MinSimilarityMargin</c>), it contains the question's words (<c>MinConfidence</c>), or it is very
    /// similar (<c>SureSimilarity</c>). Suits a small knowledge base on one subject asked about in everyday words.
    /// </summary>
    Any,

    /// <summary>
    /// Only its heading naming the question's topic counts. Suits a broad knowledge base with many neighbouring topics
    /// (type 1 and type 2, adult and childhood): measured on MedQuAD, see the README.
    /// </summary>
    Focus,
}
