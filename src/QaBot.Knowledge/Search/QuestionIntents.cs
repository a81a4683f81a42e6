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

    /// <summary>Specific intents, tried in order; the general "what is it" intent applies only when none matched.</summary>
    public static IReadOnlyList<Intent> Specific { get; } =
    [
        new("frequency", new Regex(@"\bhow (many|common|rare|often does)\b( people)?( (are|is|get|have))?( affected)?( by)?|\bprevalen|\bfrequen|\bincidence\b", Options, TimeSpan.FromMilliseconds(50)), "how common is it frequency"),
        new("symptoms", new Regex(@"\bsympto|\bsy?mpt|\bsigns?\b|\bwarning signs\b", Options, TimeSpan.FromMilliseconds(50)), "symptoms signs"),
        new("diagnosis", new Regex(@"\bdiagnos|\btest(s|ed|ing)?\b|\bexam(s|ination)?\b|\bscreen", Options, TimeSpan.FromMilliseconds(50)), "diagnosis exams tests"),
        new("treatment", new Regex(@"\btreat|\btrea?tm|\bcure[sd]?\b|\btherap|\bmedic(ine|ation)s?\b|\bdrugs?\b|\bmanag(e|ing|ement)\b", Options, TimeSpan.FromMilliseconds(50)), "treatment"),
        new("prevention", new Regex(@"\bprevent|\bavoid\b|\blower (my|the) (risk|chance)", Options, TimeSpan.FromMilliseconds(50)), "prevention"),
        new("outlook", new Regex(@"\boutlook\b|\bprognosis\b|\blife expectancy\b|\bsurviv|\bwill (i|he|she|they) (get better|recover)", Options, TimeSpan.FromMilliseconds(50)), "outlook"),
        new("risk", new Regex(@"\bat risk\b|\brisk factors?\b|\bwho (gets|is likely|can get)\b|\bsusceptib", Options, TimeSpan.FromMilliseconds(50)), "who is at risk"),
        new("inheritance", new Regex(@"\binherit|\bpassed (down|on)\b|\bruns? in (the |my )?famil|\bhereditary\b", Options, TimeSpan.FromMilliseconds(50)), "inheritance"),
        new("genetic changes", new Regex(@"\bgenetic changes?( related to)?\b|\bgenes?\b|\bmutation", Options, TimeSpan.FromMilliseconds(50)), "genetic changes"),
        new("causes", new Regex(@"\bcaus|\bwhy do(es)? (i|people|you)\b|\bwhat makes\b|\breasons? for\b", Options, TimeSpan.FromMilliseconds(50)), "causes"),
        new("stages", new Regex(@"\bstag(e|es|ing)\b", Options, TimeSpan.FromMilliseconds(50)), "stages"),
        new("complications", new Regex(@"\bcomplication", Options, TimeSpan.FromMilliseconds(50)), "complications"),
        new("research", new Regex(@"\bresearch\b|\bclinical trials?\b|\bstud(y|ies)\b", Options, TimeSpan.FromMilliseconds(50)), "research clinical trials"),
    ];

    public static Intent General { get; } = new("overview", new Regex(@"^", Options, TimeSpan.FromMilliseconds(50)), "overview");

    /// <summary>
    /// The question with the words that say what it asks for ("how many people are affected by", "symptoms of",
    /// "genetic changes related to") blanked out, leaving its topic ("the focus").
    /// </summary>
    public static string Focus(string question)
    {
        var focus = question;
        foreach (var intent in Specific)
        {
            try
            {
                focus = intent.Pattern.Replace(focus, " ");
            }
            catch (RegexMatchTimeoutException)
            {
                return question;
            }
        }

        return focus;
    }

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
}
