namespace QaBot.Host.Evaluation;

/// <summary>One readability problem of a reply: its <see cref="Kind"/> and the sentence concerned.</summary>
/// <param name="Kind">One of <see cref="Fragment"/>, <see cref="Repeated"/>, <see cref="Cut"/>.</param>
public sealed record ReadabilityProblem(string Kind, string Sentence)
{
    /// <summary>A sentence that is not whole: a list header without its list, a bullet piece, a sentence pointing at nothing.</summary>
    public const string Fragment = "fragment";

    /// <summary>A sentence that says the same as an earlier one.</summary>
    public const string Repeated = "repeated";

    /// <summary>Text cut off mid-sentence.</summary>
    public const string Cut = "cut";
}
