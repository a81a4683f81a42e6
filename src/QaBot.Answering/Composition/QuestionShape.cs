using System.Text.RegularExpressions;

namespace QaBot.Answering.Composition;

/// <summary>What a question's wording says about the answer it wants: yes or no, a caveat, several parts.</summary>
internal static partial class QuestionShape
{
    private const string QuestionWords =
        "what|what's|whats|how|is|are|was|were|does|do|did|can|could|will|would|should|who|where|when|why|which|has|have|am|may|might|isn't|aren't|doesn't|don't|won't|can't";

    [GeneratedRegex(@"^(?:(?:hi|hey|hello|ok|okay|so|and|but|also|please|quick question)[,!.]?\s+)*(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have|am|may|might|isn't|aren't|doesn't|don't|won't|can't|cant|wont|dont|doesnt|isnt)\b|\b(?:right|true|correct|really|real|yes or no|is that so)\s*\?*$|\bis it true\b|\bi (?:heard|read)\b|\bmyth\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YesNoRegex();

    [GeneratedRegex(@"\b(?:work|works|working|worked|effective|effectiveness|efficacy|help|helps|helped|helpful|cure|cures|cured|curing|heal|heals|healed|fix|fixes|reverse|remission|approved|approval|approve|fda|legal|legit|licensed|safe|safety|unsafe|dangerous|danger|risky|risks?|side effects?|better|best|worth|proven|prove|guarantee|guaranteed|regrow|repair|restore|100|true|hype|real|scam|results?|success|successful|succeed|worse|promising|stud(?:y|ies)|research|evidence|found|show|shows|shown|outcomes?|trials? (?:found|show\w*)|does it do anything|do anything|miracle|natural|no risk|hurt|harm\w*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhetherItWorksRegex();

    // Where a second question starts: "... and how long is recovery?", "...? Does insurance cover it", "...; is it safe".
    [GeneratedRegex(@"(?:\?+\s*|\s*;\s*|,?\s+(?:and|&|also|plus|and also)\s+|,\s+)(?=(?:" + QuestionWords + @")\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartBoundaryRegex();

    /// <summary>True for a question that asks yes or no ("is it approved?", "stem cells cure lupus 100% right?").</summary>
    public static bool IsYesNo(string question)
    {
        var trimmed = question.Trim();
        return YesNoRegex().IsMatch(trimmed) || (trimmed.EndsWith('?') && !WhQuestionRegex().IsMatch(trimmed));
    }

    [GeneratedRegex(@"\b(?:what|whats|what's|how|why|where|when|who|which|whose|tell me|explain|describe|list)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhQuestionRegex();

    /// <summary>True when the question asks whether it works, cures, is approved, is safe or is better: the answer keeps its caveat.</summary>
    public static bool AsksWhetherItWorks(string question) => WhetherItWorksRegex().IsMatch(HowItWorksRegex().Replace(question, " "));

    /// <summary>The question without a closing "right?", "true?" or "is that so?" (which says nothing about the topic).</summary>
    public static string WithoutTag(string question) =>
        HundredPercentRegex().Replace(TagRegex().Replace(question.Trim(), ""), " ").Trim();

    // "cure lupus 100%": an intensifier, not a question about a percentage.
    [GeneratedRegex(@"\b100\s?(?:%|percent)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HundredPercentRegex();

    // "how does it work?" asks how, not whether.
    [GeneratedRegex(@"\bhow\b[^?.]{0,60}?\bwork(?:s|ing)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HowItWorksRegex();

    [GeneratedRegex(@"[,\s]*\b(?:right|true|correct|really|is that (?:right|true|so)|yes or no)\s*\?*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\b(?:it|its|it's|this|that|they|them|these|those|there|ones?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsBackRegex();

    /// <summary>
    /// True for a later part of a multi-part question that needs the first part's topic: it points back ("can stem cells
    /// help it", "is it safe") or names at most two content words ("what are the risks", "what did the studies show").
    /// </summary>
    public static bool LeansOnEarlierPart(string part) => PointsBackRegex().IsMatch(part) || ContentWords.Of(part).Count <= 2;

    /// <summary>The topic words of a question, without what it asks ("how is ra normally treated?" gives "ra normally").</summary>
    public static string Topic(string question) =>
        string.Join(' ', WordRegex().Matches(QaBot.Knowledge.Search.QuestionIntents.Focus(question.TrimEnd('?')))
            .Select(m => m.Value)
            .Where(w => ContentWords.Of(w).Count > 0 && (w.Length > 2 || w.All(char.IsLetter)) && !NotTopicRegex().IsMatch(w)));

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'-]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordRegex();

    // Words that say how or what is asked, not about what: "normally", "usually", "exactly", "kinds", "difference".
    [GeneratedRegex(@"^(?:normally|usually|typically|generally|exactly|actually|really|kinds?|types?|sorts?|difference|mean|means|meaning|explain|tell|know|ed)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotTopicRegex();

    /// <summary>
    /// The separate questions of a multi-part question ("what is hsct and how long is recovery?"), at most
    /// <paramref name="max"/>; a single question comes back as one part.
    /// </summary>
    public static IReadOnlyList<string> Parts(string question, int max)
    {
        var parts = PartBoundaryRegex().Split(question.Trim())
            .Select(p => p.Trim().Trim(',', ';', ' ').TrimEnd('?').Trim())
            .Where(p => p.Length > 0)
            .ToList();
        if (parts.Count < 2 || parts.Any(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 2))
        {
            return [question];
        }

        if (parts.Count > max)
        {
            parts = [.. parts.Take(max - 1), string.Join(" and ", parts.Skip(max - 1))];
        }

        return parts.Select(p => p + "?").ToList();
    }
}
