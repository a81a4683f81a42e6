using System.Text.RegularExpressions;

namespace QaBot.Answering.Composition;

/// <summary>
/// One honest-limit rule: a cue in the question (<see cref="Asks"/>, lifted by <see cref="Unless"/>) and, for
/// <see cref="LimitRuleKind.AsksFor"/>, what a passage must contain to answer it (<see cref="Has"/>, or the very names
/// the question used when <see cref="SameNames"/>). The table is <see cref="LimitRules.All"/>.
/// </summary>
internal sealed record LimitRule
{
    public required string Name { get; init; }

    public required LimitRuleKind Kind { get; init; }

    public required Regex Asks { get; init; }

    public Regex? Unless { get; init; }

    public Regex? Has { get; init; }

    /// <summary>A passage answers only if it names what the question named (an insurer, a clinic).</summary>
    public bool SameNames { get; init; }

    /// <summary>For off-topic rules: a clinic-seeking question gets the clinic warning instead of a refusal.</summary>
    public bool ClinicWarningWins { get; init; }

    /// <summary>For <see cref="LimitRuleKind.AsksFor"/>: the reply saying what the knowledge lacks.</summary>
    public string Reply { get; init; } = "";

    public bool Matches(string question) => Asks.IsMatch(question) && Unless?.IsMatch(question) != true;

    /// <summary>
    /// True when one of the passages holds what the question asks for, or (for a rule that does not ask for names) is a
    /// section whose own heading asks the same thing ("How much does stem cell therapy cost?"): a moderator wrote that
    /// section as the answer, even when the honest answer is that there is no figure.
    /// </summary>
    public bool AnsweredBy(string question, IEnumerable<QaBot.Knowledge.Passage> passages)
    {
        if (SameNames)
        {
            var names = Asks.Matches(question).Select(m => m.Value.Trim()).Where(n => n.Length > 0).ToList();
            return passages.Any(p => names.Any(name => p.Text.Contains(name, StringComparison.OrdinalIgnoreCase)));
        }

        return passages.Any(p => (Has is not null && Has.IsMatch(p.Text)) || (p.Section.Length > 0 && Asks.IsMatch(p.Section)));
    }
}
