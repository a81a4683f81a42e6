namespace QaBot.Answering.Safety;

/// <summary>The safety rules could not be loaded. The message lists every problem, each naming its file and rule.</summary>
public sealed class SafetyRulesException : Exception
{
    public SafetyRulesException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>One line per problem, e.g. "Safety rules file 'x.json', rule 'my.rule': pattern #2 is not a valid regular expression: ...".</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? "The safety rules could not be loaded: " + problems[0]
            : $"The safety rules could not be loaded ({problems.Count} problems):" + string.Concat(problems.Select(p => "\n - " + p));
}
