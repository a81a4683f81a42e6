using QaBot.Knowledge.Files;

namespace QaBot.Knowledge.Search;

/// <summary>
/// Synonym rules compiled to analysed term sequences, so that "MS", "multiple sclerosis" and "multiple sclerosi"
/// (a stemmed typo) meet on the same terms as the index.
/// </summary>
internal sealed class SynonymTable
{
    private readonly Dictionary<string, List<(string[] Input, string[][] Outputs)>> byFirstTerm = new(StringComparer.Ordinal);

    public SynonymTable(IEnumerable<SynonymRule> rules, QaBotAnalyzer analyzer)
    {
        foreach (var rule in rules)
        {
            var outputs = rule.Outputs.Select(o => analyzer.Terms(o).ToArray()).Where(t => t.Length > 0).ToArray();
            foreach (var input in rule.Inputs)
            {
                var terms = analyzer.Terms(input).ToArray();
                if (terms.Length == 0 || outputs.Length == 0)
                {
                    continue;
                }

                if (!byFirstTerm.TryGetValue(terms[0], out var list))
                {
                    byFirstTerm[terms[0]] = list = [];
                }

                list.Add((terms, outputs));
            }
        }

        foreach (var list in byFirstTerm.Values)
        {
            list.Sort((a, b) => b.Input.Length.CompareTo(a.Input.Length)); // longest match first
        }
    }

    public int Count => byFirstTerm.Count;

    /// <summary>Every multi-word input and output of the rules, analysed (the phrases a question's concepts can hold).</summary>
    public IEnumerable<string[]> Phrases() =>
        byFirstTerm.Values.SelectMany(list => list.SelectMany(rule => rule.Outputs.Prepend(rule.Input))).Where(terms => terms.Length > 1);

    /// <summary>
    /// Groups question terms into concepts: a synonym match becomes one concept with all its alternatives,
    /// any other term a concept of its own. Repeated concepts are kept once.
    /// </summary>
    public List<QueryConcept> Concepts(IReadOnlyList<string> terms)
    {
        var concepts = new List<QueryConcept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count;)
        {
            var matched = false;
            if (byFirstTerm.TryGetValue(terms[i], out var candidates))
            {
                foreach (var (input, outputs) in candidates)
                {
                    if (i + input.Length > terms.Count || !input.AsSpan().SequenceEqual(terms.Skip(i).Take(input.Length).ToArray()))
                    {
                        continue;
                    }

                    var alternatives = new List<string[]> { input };
                    foreach (var output in outputs)
                    {
                        if (!alternatives.Any(a => a.AsSpan().SequenceEqual(output)))
                        {
                            alternatives.Add(output);
                        }
                    }

                    var key = string.Join('|', alternatives.Select(a => string.Join(' ', a)).Order(StringComparer.Ordinal));
                    if (seen.Add(key))
                    {
                        concepts.Add(new QueryConcept(alternatives));
                    }

                    i += input.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                if (seen.Add(terms[i]))
                {
                    concepts.Add(new QueryConcept([[terms[i]]]));
                }

                i++;
            }
        }

        return concepts;
    }
}
