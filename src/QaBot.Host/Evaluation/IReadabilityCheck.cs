namespace QaBot.Host.Evaluation;

/// <summary>
/// Finds what makes an answered reply hard to read: a fragment sentence, a repeated sentence, or cut text. A seam,
/// so that the evaluation can use the answer composer's own checker once it has one.
/// </summary>
public interface IReadabilityCheck
{
    /// <summary>The problems of one reply text (with its <c>[n]</c> markers); empty when it reads as whole sentences.</summary>
    IReadOnlyList<ReadabilityProblem> Check(string answerText);
}
