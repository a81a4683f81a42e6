namespace QaBot.Knowledge.Search;

/// <summary>A question analysed for search: its concepts with their weights, and the clauses the search scores.</summary>
public sealed class QueryPlan
{
    internal QueryPlan(string question, IReadOnlyList<QueryConcept> concepts, IReadOnlyList<double> weights, IReadOnlyList<bool> isChatWord, IReadOnlyList<ConceptClause> clauses)
    {
        Question = question;
        Concepts = concepts;
        Weights = weights;
        IsChatWord = isChatWord;
        Clauses = clauses;
        Terms = concepts.SelectMany(c => c.AllTerms).ToHashSet(StringComparer.Ordinal);
    }

    public string Question { get; }

    /// <summary>The question with misspelt words corrected against the knowledge's words; what is searched and encoded.</summary>
    public string SearchText { get => field ?? Question; init; }

    public IReadOnlyList<QueryConcept> Concepts { get; }

    /// <summary>Inverse document frequency of each concept (rare ideas weigh more).</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>For each concept, whether it is a chat word ("what", "my") that does not count towards confidence.</summary>
    public IReadOnlyList<bool> IsChatWord { get; }

    /// <summary>One clause per concept, scored by the lexical index that made the plan.</summary>
    internal IReadOnlyList<ConceptClause> Clauses { get; }

    /// <summary>Titles found whole in the question, each scored as a term on the title key with its boost.</summary>
    internal IReadOnlyList<(string Key, float Boost)> TitleClauses { get; init; } = [];

    /// <summary>
    /// For each concept, whether it names the question's topic rather than what is asked about it ("lupus" in "what are
    /// the symptoms of lupus?"). Empty when the question has no searchable term.
    /// </summary>
    public IReadOnlyList<bool> IsFocus { get; init; } = [];

    /// <summary>Every analysed term of every concept and alternative, for highlighting.</summary>
    public IReadOnlySet<string> Terms { get; }

    /// <summary>True when the question has no topic word at all (empty, punctuation, only chat words).</summary>
    public bool IsEmpty { get; internal init; }

    /// <summary>Analysed titles of the index that occur whole in the question.</summary>
    public IReadOnlySet<string> TitlesInQuestion { get; init; } = new HashSet<string>();

    /// <summary>Section words for what the question asks (symptoms, treatment, ...), with their re-ranking bonus.</summary>
    public IReadOnlyDictionary<string, double> IntentSectionWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>The idf-weighted share of the question's concepts found in a set of passage terms (0..1).</summary>
    public double Coverage(IReadOnlySet<string> passageTerms)
    {
        double total = 0, covered = 0;
        for (var i = 0; i < Concepts.Count; i++)
        {
            if (IsChatWord[i])
            {
                continue;
            }

            total += Weights[i];
            if (Concepts[i].IsCoveredBy(passageTerms))
            {
                covered += Weights[i];
            }
        }

        return total <= 0 ? 0 : covered / total;
    }

    /// <summary>
    /// The idf-weighted share of the question's topic concepts found in a set of terms (0..1); 0 when the question
    /// names no topic. Given a passage's title and section, it tells whether the passage is about what was asked.
    /// </summary>
    public double FocusCoverage(IReadOnlySet<string> terms)
    {
        double total = 0, covered = 0;
        for (var i = 0; i < IsFocus.Count; i++)
        {
            if (!IsFocus[i])
            {
                continue;
            }

            total += Weights[i];
            if (Concepts[i].IsCoveredBy(terms))
            {
                covered += Weights[i];
            }
        }

        return total <= 0 ? 0 : covered / total;
    }
}
