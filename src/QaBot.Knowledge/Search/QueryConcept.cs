namespace QaBot.Knowledge.Search;

/// <summary>One idea in a question: a term, or a synonym group whose alternatives may each span several terms.</summary>
public sealed record QueryConcept(IReadOnlyList<string[]> Alternatives)
{
    public bool IsSingleTerm => Alternatives.Count == 1 && Alternatives[0].Length == 1;

    public IEnumerable<string> AllTerms => Alternatives.SelectMany(a => a);

    /// <summary>True when some alternative has all its terms in the set.</summary>
    public bool IsCoveredBy(IReadOnlySet<string> terms) => Alternatives.Any(a => a.All(terms.Contains));
}
