using System.Text.RegularExpressions;

namespace QaBot.Knowledge.Search;

/// <summary>
/// What kind of answer a question asks for (symptoms, causes, treatment, ...), recognised from its wording, with the
/// words that sections answering it are usually named with. Health knowledge is commonly organised this way (MedQuAD's
/// sections, patient leaflets, our own headings), so a section named for the intent gets a boost.
/// </summary>
public static partial class QuestionIntents
{
    public sealed record Intent(string Name, Regex Pattern, string SectionWords);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const int MatchTimeoutMilliseconds = 50;

    /// <summary>Specific intents, tried in order; the general "what is it" intent applies only when none matched.</summary>
    public static IReadOnlyList<Intent> Specific { get; } =
    [
        new("frequency", FrequencyPattern(), "how common is it frequency"),
        new("symptoms", SymptomsPattern(), "symptoms signs"),
        new("diagnosis", DiagnosisPattern(), "diagnosis exams tests"),
        new("treatment", TreatmentPattern(), "treatment"),
        new("prevention", PreventionPattern(), "prevention"),
        new("outlook", OutlookPattern(), "outlook"),
        new("risk", RiskPattern(), "who is at risk"),
        new("inheritance", InheritancePattern(), "inheritance"),
        new("genetic changes", GeneticChangesPattern(), "genetic changes"),
        new("causes", CausesPattern(), "causes"),
        new("stages", StagesPattern(), "stages"),
        new("complications", ComplicationsPattern(), "complications"),
        new("research", ResearchPattern(), "research clinical trials"),
    ];

    public static Intent General { get; } = new("overview", OverviewPattern(), "overview");

    /// <summary>The intents a question expresses: the specific ones it matches, else <see cref="General"/>.</summary>
    public static List<Intent> Of(string question)
    {
        var found = new List<Intent>();
        foreach (var intent in Specific)
        {
            try
            {
                if (intent.Pattern.IsMatch(question))
                {
                    found.Add(intent);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological message: treat as no intent.
            }
        }

        if (found.Count == 0)
        {
            found.Add(General);
        }

        return found;
    }

    // Source-generated matchers: about ten times cheaper per question than interpreted ones.
    [GeneratedRegex(@"\bhow (many|common|rare|often does)\b|\bprevalen|\bfrequen|\bincidence\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex FrequencyPattern();

    [GeneratedRegex(@"\bsympto|\bsy?mpt|\bsigns?\b|\bwarning signs\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex SymptomsPattern();

    [GeneratedRegex(@"\bdiagnos|\btest(s|ed|ing)?\b|\bexam(s|ination)?\b|\bscreen", Options, MatchTimeoutMilliseconds)]
    private static partial Regex DiagnosisPattern();

    [GeneratedRegex(@"\btreat|\btrea?tm|\bcure[sd]?\b|\btherap|\bmedic(ine|ation)s?\b|\bdrugs?\b|\bmanag(e|ing|ement)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex TreatmentPattern();

    [GeneratedRegex(@"\bprevent|\bavoid\b|\blower (my|the) (risk|chance)", Options, MatchTimeoutMilliseconds)]
    private static partial Regex PreventionPattern();

    [GeneratedRegex(@"\boutlook\b|\bprognosis\b|\blife expectancy\b|\bsurviv|\bwill (i|he|she|they) (get better|recover)", Options, MatchTimeoutMilliseconds)]
    private static partial Regex OutlookPattern();

    [GeneratedRegex(@"\bat risk\b|\brisk factors?\b|\bwho (gets|is likely|can get)\b|\bsusceptib", Options, MatchTimeoutMilliseconds)]
    private static partial Regex RiskPattern();

    [GeneratedRegex(@"\binherit|\bpassed (down|on)\b|\bruns? in (the |my )?famil|\bhereditary\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex InheritancePattern();

    [GeneratedRegex(@"\bgenetic changes?\b|\bgenes?\b|\bmutation", Options, MatchTimeoutMilliseconds)]
    private static partial Regex GeneticChangesPattern();

    [GeneratedRegex(@"\bcaus|\bwhy do(es)? (i|people|you)\b|\bwhat makes\b|\breasons? for\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex CausesPattern();

    [GeneratedRegex(@"\bstag(e|es|ing)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex StagesPattern();

    [GeneratedRegex(@"\bcomplication", Options, MatchTimeoutMilliseconds)]
    private static partial Regex ComplicationsPattern();

    [GeneratedRegex(@"\bresearch\b|\bclinical trials?\b|\bstud(y|ies)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex ResearchPattern();

    [GeneratedRegex(@"^", Options, MatchTimeoutMilliseconds)]
    private static partial Regex OverviewPattern();
}
