using System.Text.RegularExpressions;

namespace QaBot.Answering.Composition;

/// <summary>
/// Word cues that say what a sentence does in a passage: points back at the one before it, carries a caveat, opens with
/// yes or no, heads a list. Shared by the composer and by <see cref="AnswerReadability"/>, so both judge alike.
/// </summary>
internal static partial class SentenceCues
{
    // A sentence that needs the one before it: "Because of this,", "This means", "There they", "It also", "The other".
    [GeneratedRegex(@"^(?:because of (?:this|that|these)|as a result|this\b|that (?:means|is why|lets|way)|these\b|those\b|there (?:they|it|he|she|we)\b|it\b|its\b|they\b|their\b|them\b|also\b|in addition\b|besides\b|so\b|therefore\b|thus\b|however\b|but\b|and\b|or\b|then\b|such\b|which\b|the (?:other|second|third|latter|former|same)\b|both\b|together\b|even so\b|for (?:example|instance)\b|likewise\b|similarly\b|otherwise\b|instead\b|still,|(?:every|each|all|any|none|some|many|most|either|neither|one|two) (?:one )?of (?:these|those|them|this|that)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsBackRegex();

    [GeneratedRegex(@"\b(?:however|but|not (?:yet )?(?:an? )?(?:approved|established|standard|routine|proven|guaranteed|a cure|the same for everyone|right for everyone)|unapproved|unproven|experimental|clinical trials?|risks?|risky|side effects?|no cure|more research|research (?:is )?(?:still )?(?:ongoing|under way|continu\w*|going on)|results (?:differ|vary)|differ(?:s)? from person|does not suit|doesn't suit|caution|limited evidence|not yet|serious|(?:fairly|quite|very|relatively) small|(?:larger|bigger|more|further|longer)(?: \w+){0,4} (?:trials|studies|research|follow-up) (?:is|are) (?:still )?needed|not right for|not suitable|(?:helps?|works?|benefits?) less|no guarantee|not guaranteed|may not (?:help|work|suit)|does not work for everyone)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaveatRegex();

    // "Yes.", "No.", "Not yet.", "Yes, ...", "No, ...", "Not ...": a sentence that answers a yes/no question.
    [GeneratedRegex(@"^(?:yes|no|not|nope)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YesNoOpenerRegex();

    [GeneratedRegex(@"^(?:yes|no|not yet|not really|not exactly|nope|sometimes|it depends|maybe)[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoneYesNoRegex();

    [GeneratedRegex(@"^(?:[-•*]\s|\d{1,2}[.)]\s)")]
    private static partial Regex ListItemRegex();

    [GeneratedRegex(@"^(?:yes|no|not yet|nope)[.,!]\s+(?=\p{Lu})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YesNoLeadRegex();

    /// <summary>"No. No stem cell therapy is approved..." without its "No. ", for use after another passage's answer.</summary>
    public static string StripYesNoLead(string sentence) => YesNoLeadRegex().Replace(sentence.TrimStart(), "", 1);

    /// <summary>True when the sentence opens with a word that needs the sentence before it.</summary>
    public static bool PointsBack(string sentence) => PointsBackRegex().IsMatch(sentence.TrimStart('"', '\'', '(', ' '));

    /// <summary>True when the sentence carries a caveat: not approved, experimental, risks, results vary, however...</summary>
    public static bool IsCaveat(string sentence) => CaveatRegex().IsMatch(sentence);

    /// <summary>True when the sentence opens with yes, no or not.</summary>
    public static bool OpensWithYesNo(string sentence) => YesNoOpenerRegex().IsMatch(sentence.TrimStart());

    /// <summary>True for a sentence that is only "Yes." or "No." (or "Not yet.").</summary>
    public static bool IsLoneYesNo(string sentence) => LoneYesNoRegex().IsMatch(sentence.Trim());

    /// <summary>True for a list item line ("- ...", "• ...", "1. ...").</summary>
    public static bool IsListItem(string sentence) => ListItemRegex().IsMatch(sentence.TrimStart());

    /// <summary>A list item without its "- " or "1." marker.</summary>
    public static string WithoutListMarker(string item) => ListItemRegex().Replace(item.TrimStart(), "", 1);

    /// <summary>True for a line that introduces a list ("The three main kinds are:").</summary>
    public static bool IsListHeader(string sentence) => sentence.TrimEnd().EndsWith(':');
}
