using System.Text.RegularExpressions;

namespace QaBot.Answering.Composition;

/// <summary>
/// Recognises a message that is only a greeting, thanks, goodbye or "what can you do?" (not a question about the
/// knowledge). "hi, can stem cells help lupus?" is not small talk: the greeting is dropped and the question answered.
/// </summary>
internal static partial class SmallTalk
{
    /// <summary>"... this helped", "..., that was really helpful": thanks that say why, still only thanks.</summary>
    private const string ThanksTail = @"(?:\s*,?\s*(?:this|that|it|you)\s+(?:really\s+|have\s+|ve\s+)?(?:helped(?: a lot| me)?|helps|(?:was|were|is) (?:very |so |really )?(?:helpful|useful|great|clear)))?";

    private const string Filler = @"(?:\s*(?:there|all|everyone|team|bot|qabot|qa bot|again|so much|very much|a lot|lots|!|\.|,|:\)|:-\)|🙂|😊|👋|🙏))*";

    [GeneratedRegex(@"^(?:hi+|hey+|hello+|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|hola|hallo|bonjour|ciao|ol[aá])\b" + Filler + @"\s*[!.,]*\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GreetingRegex();

    [GeneratedRegex(@"^(?:thanks?|thank you|thx|ty|tysm|cheers|much appreciated|appreciate it|i appreciate it|great,? thanks|ok,? thanks|okay,? thanks|that helps|that helped|helpful|perfect|awesome|great|got it|ok|okay|cool|nice)" + Filler + ThanksTail + Filler + @"\s*[!.]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThanksRegex();

    [GeneratedRegex(@"^(?:bye|goodbye|good bye|see you|see ya|later|good night|have a (?:good|nice) (?:day|one))" + Filler + @"\s*[!.]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GoodbyeRegex();

    [GeneratedRegex(@"^(?:(?:so|and|ok|okay),?\s+)?(?:what (?:can|do) you (?:do|know|answer|help with)(?: for me)?|what (?:are|is) (?:you|this|this bot|qabot)(?: for)?|who are you|how (?:do|can) (?:i|you) (?:use (?:you|this)|work)|how does this (?:bot )?work|what questions can i ask|what can i ask(?: you)?|help|help me|are you a (?:bot|robot|human|person)|what do you do|how can you help(?: me)?|introduce yourself)\s*[?!.]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CapabilitiesRegex();

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

        return GoodbyeRegex().IsMatch(rest) ? SmallTalkKind.Goodbye : null;
    }

    /// <summary>The question without a leading greeting ("hi, can stem cells help lupus?" becomes "can stem cells help lupus?").</summary>
    public static string WithoutGreeting(string text)
    {
        var greeting = GreetingRegex().Match(text.Trim());
        var rest = greeting.Success ? text.Trim()[greeting.Length..].Trim() : text.Trim();
        return rest.Length == 0 ? text : rest;
    }
}
