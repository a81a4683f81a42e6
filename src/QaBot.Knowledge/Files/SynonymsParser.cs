namespace QaBot.Knowledge.Files;

/// <summary>
/// Reads synonyms in the Solr format: <c># comment</c>, <c>a, b, c</c> and <c>a, b => c</c> lines. An empty file is
/// an error, as for passage files.
/// </summary>
public static class SynonymsParser
{
    public static (IReadOnlyList<SynonymRule> Rules, IReadOnlyList<KnowledgeDiagnostic> Diagnostics) Parse(string file, string content)
    {
        var rules = new List<SynonymRule>();
        var diagnostics = new List<KnowledgeDiagnostic>();
        var lines = content.TrimStart('\uFEFF').Split('\n');
        if (lines.All(string.IsNullOrWhiteSpace))
        {
            // Usually a file caught in the middle of a save; delete the file to have no synonyms.
            diagnostics.Add(KnowledgeDiagnostic.Error(file, 1, "the file is empty"));
            return (rules, diagnostics);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var lineNumber = i + 1;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var arrow = line.Split("=>");
            if (arrow.Length > 2)
            {
                diagnostics.Add(KnowledgeDiagnostic.Error(file, lineNumber, "a synonym line may contain '=>' only once"));
                continue;
            }

            var inputs = Terms(arrow[0]);
            var outputs = arrow.Length == 2 ? Terms(arrow[1]) : inputs;
            if (inputs.Count == 0 || outputs.Count == 0)
            {
                diagnostics.Add(KnowledgeDiagnostic.Error(file, lineNumber, "a synonym line needs terms on both sides of '=>'"));
                continue;
            }

            if (arrow.Length == 1 && inputs.Count < 2)
            {
                diagnostics.Add(KnowledgeDiagnostic.Warning(file, lineNumber, "a synonym group needs at least two comma-separated terms"));
                continue;
            }

            rules.Add(new SynonymRule(inputs, outputs, lineNumber));
        }

        return (rules, diagnostics);
    }

    private static List<string> Terms(string side) =>
        side.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Replace("\\", "", StringComparison.Ordinal).ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
