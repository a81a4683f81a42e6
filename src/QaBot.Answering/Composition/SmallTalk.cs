using System.Text.RegularExpressions;

namespace QaBot.Answering.Composition;

/// <summary>
/// Recognises a message that is only a greeting, thanks, goodbye or "what can you do?" (not a question about the
/// knowledge). "hi, can stem cells help lupus?" is not small talk: the greeting is dropped and the question answered.
/// Besides the fixed phrasings, a message made only of social words ("ok thanks bye", "heyyy 👋", "cheers mate, much
/// appreciated") is small talk of the kind its strongest word says (thanks, then goodbye, then greeting).
/// </summary>
internal static partial class SmallTalk
{
    /// <summary>"... this helped", "..., that was really helpful": thanks that say why, still only thanks.</summary>
    private const string ThanksTail = @"(?:\s*,?\s*(?:this|that|it|you)\s+(?:really\s+|have\s+|ve\s+)?(?:helped(?: a lot| me)?|helps|(?:was|were|is) (?:very |so |really )?(?:helpful|useful|great|clear)))?";

    private const string Filler = @"(?:\s*(?:there|all|everyone|team|bot|qabot|qa bot|again|so much|very much|a lot|lots|!|\.|,|:\)|:-\)|🙂|😊|👋|🙏))*";

    [GeneratedRegex(@"^(?:hi+|hey+|hello+|hiya|heya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|hola|hallo|bonjour|ciao|ol[aá])\b" + Filler + @"\s*[!.,]*\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GreetingRegex();

    [GeneratedRegex(@"^(?:thanks?|thank you|thx|ty|tysm|cheers|much appreciated|appreciate it|i appreciate it|great,? thanks|ok,? thanks|okay,? thanks|that helps|that helped|helpful|perfect|awesome|great|got it|ok|okay|cool|nice)" + Filler + ThanksTail + Filler + @"\s*[!.]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThanksRegex();

    [GeneratedRegex(@"^(?:bye|goodbye|good bye|see you|see ya|later|good night|have a (?:good|nice|great|lovely) (?:day|one|night|evening|weekend))" + Filler + @"\s*[!.]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GoodbyeRegex();

    // "what can you do?", "what kind of questions can I ask you?", "are you a real person?", "how do I use this?".
    // "how does it work?" is not here: "it" is stem cell therapy.
    [GeneratedRegex(@"^(?:(?:so|and|ok|okay|um+|hmm+|well)\b,?\s*)?(?:"
        + @"what (?:kind|kinds|sort|sorts|type|types) of (?:questions?|things?|stuff|topics?|info|information) (?:can|could|should|do|may) (?:i|we) (?:ask|bring up)(?: you| here| about)?"
        + @"|what (?:topics?|subjects?|things?|stuff|questions?) (?:do|can|could) (?:you|u) (?:cover|know about|answer|handle|help with|talk about|deal with)"
        + @"|what (?:can|do|could) (?:you|u|ya) (?:do|know|answer|help (?:me )?with|tell me(?: about)?|cover)(?: for me)?"
        + @"|what (?:are|r|is) (?:you|u|this|this bot|this thing|this chat|this service|qabot)(?: for| about| able to do| here for)?"
        + @"|what are you able to (?:do|help with|answer)|what do you do|what is your (?:purpose|job|role)"
        + @"|who (?:are|r) (?:you|u)|who (?:made|built|created) (?:you|this)|who is this|who am i (?:talking|chatting|speaking) (?:to|with)"
        + @"|(?:are|r) (?:you|u) (?:a |an )?(?:real |actual |live )?(?:bot|robot|human|person|ai|chatbot|machine|computer|program|doctor|nurse)"
        + @"|am i (?:talking|chatting|speaking) (?:to|with) (?:a |an )?(?:real |actual |live )?(?:bot|robot|human|person|ai|chatbot|machine|computer|doctor)"
        + @"|is this (?:a |an )?(?:real |actual )?(?:bot|robot|human|person|ai|chatbot|automated)"
        + @"|how (?:do|can|should) (?:i|we) use (?:you|u|this|this bot|this thing|qabot)"
        + @"|how (?:do|does) (?:you|u|this|this bot|this thing|qabot) work"
        + @"|what (?:questions )?can (?:i|we) ask(?: you| here)?"
        + @"|help|help me|i need help|can (?:you|u) help(?: me)?|how can (?:you|u) help(?: me)?|introduce yourself|tell me about yourself|what is qabot|menu|options|commands|/help|/start"
        + @")(?:\s+(?:for me|today|here|exactly|then|again|please|bot|qabot|at all|anyway))*\s*[?!.]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CapabilitiesRegex();

    [GeneratedRegex(@"[\p{L}']+", RegexOptions.CultureInvariant)]
    private static partial Regex WordRegex();

    private static readonly HashSet<string> GreetingWords = Set(
        "hi hii hiii hiiii hey heyy heyyy heya hiya hello helo hellooo howdy yo sup wassup greetings morning mornin evening afternoon gday g'day hola hallo bonjour ciao ola olá salut namaste");

    private static readonly HashSet<string> ThanksWords = Set(
        "thanks thank thankyou thanx thnx thx ty tysm tyvm cheers appreciate appreciated grateful ta helpful useful helped");

    private static readonly HashSet<string> GoodbyeWords = Set("bye byee byeee goodbye cya farewell goodnight ttyl later");

    private static readonly HashSet<string> SocialWords = Set(
        "there all everyone folks guys team bot qabot you u ya yall so very much a lot lots ton tons bunch many again for the your this that it " +
        "was is really oh ah aw aww wow good great nice cool ok okay k kk awesome perfect brilliant lovely wonderful excellent amazing fab fantastic " +
        "day night see soon take care have one info information answer answers help me my friend mate buddy pal how are r doing going what's whats up " +
        "and i just wanted to say said dear sir madam got it gotcha understood alright well im i'm all right super sweet ta much appreciated indeed");

    /// <summary>The kind of small talk, or null when the message asks something else.</summary>
    public static SmallTalkKind? Classify(string text)
    {
        var trimmed = text.Trim();
        var greeting = GreetingRegex().Match(trimmed);
        var rest = greeting.Success ? trimmed[greeting.Length..].Trim() : trimmed;
        if (rest.Length == 0 || rest.Trim('!', '.', '?', ' ').Length == 0)
        {
            return greeting.Success ? SmallTalkKind.Greeting : null;
        }

        if (CapabilitiesRegex().IsMatch(rest))
        {
            return SmallTalkKind.Capabilities;
        }

        if (ThanksRegex().IsMatch(rest))
        {
            return SmallTalkKind.Thanks;
        }

        return GoodbyeRegex().IsMatch(rest) ? SmallTalkKind.Goodbye : OnlySocialWords(trimmed);
    }

    /// <summary>The question without a leading greeting ("hi, can stem cells help lupus?" becomes "can stem cells help lupus?").</summary>
    public static string WithoutGreeting(string text)
    {
        var greeting = GreetingRegex().Match(text.Trim());
        var rest = greeting.Success ? text.Trim()[greeting.Length..].Trim() : text.Trim();
        return rest.Length == 0 ? text : rest;
    }

    /// <summary>Small talk made only of social words, at most twelve, one of them a greeting, thanks or goodbye; else null.</summary>
    private static SmallTalkKind? OnlySocialWords(string text)
    {
        var words = WordRegex().Matches(text.ToLowerInvariant()).Select(m => m.Value.Trim('\'')).Where(w => w.Length > 0).ToList();
        if (words.Count == 0 || words.Count > 12 || !words.All(w => GreetingWords.Contains(w) || ThanksWords.Contains(w) || GoodbyeWords.Contains(w) || SocialWords.Contains(w)))
        {
            return null;
        }

        if (words.Any(ThanksWords.Contains))
        {
            return SmallTalkKind.Thanks;
        }

        if (words.Any(GoodbyeWords.Contains))
        {
            return SmallTalkKind.Goodbye;
        }

        return words.Any(GreetingWords.Contains) ? SmallTalkKind.Greeting : null;
    }

    private static HashSet<string> Set(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
