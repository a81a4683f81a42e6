using QaBot.Knowledge.Search;

namespace QaBot.Answering.Composition;

/// <summary>
/// What the knowledge offers one question (or one part of a multi-part question): the passages to cite, or the honest
/// limit it hit (with related sections), or nothing.
/// </summary>
internal sealed record PartResult(string Question, QueryPlan Plan, IReadOnlyList<Chosen> Chosen, double Confidence)
{
    public LimitRule? Limit { get; init; }

    public IReadOnlyList<RelatedSection> Related { get; init; } = [];
}
