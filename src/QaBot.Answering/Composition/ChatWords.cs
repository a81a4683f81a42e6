using System.Text.RegularExpressions;

namespace QaBot.Answering.Composition;

/// <summary>
/// Spells out the texting shorthand and short misspellings that the knowledge's spelling corrector leaves alone (it
/// changes only words of five letters or more): "wat r stemcells", "side fx", "stem cel", "how long 2 recover". The
/// question is searched and encoded in this spelling; its wording is otherwise kept.
/// </summary>
internal static partial class ChatWords
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wat"] = "what", ["wot"] = "what", ["wut"] = "what", ["whta"] = "what", ["wht"] = "what",
        ["r"] = "are", ["u"] = "you", ["ur"] = "your", ["ya"] = "you", ["n"] = "and", ["nd"] = "and",
        ["hw"] = "how", ["abt"] = "about", ["bout"] = "about", ["cuz"] = "because", ["coz"] = "because", ["bc"] = "because",
        ["pls"] = "please", ["plz"] = "please", ["thru"] = "through", ["ppl"] = "people", ["b4"] = "before",
        ["wud"] = "would", ["shud"] = "should", ["cud"] = "could", ["wen"] = "when", ["hv"] = "have", ["smth"] = "something",
        ["dr"] = "doctor", ["doc"] = "doctor", ["meds"] = "medicines", ["rheumy"] = "rheumatologist", ["neuro"] = "neurologist",
        ["fx"] = "effects", ["tx"] = "treatment", ["dx"] = "diagnosis", ["txt"] = "treatment",
        ["cel"] = "cell", ["cels"] = "cells", ["sell"] = "cell", ["sells"] = "cells",
        ["stemcell"] = "stem cell", ["stemcells"] = "stem cells", ["stem-cell"] = "stem cell", ["stem-cells"] = "stem cells",
        ["dose"] = "does", ["trails"] = "trials", ["trail"] = "trial",
    };

    /// <summary>Words that change meaning only in a phrase: "4 RA" (for), "2 recover" (to); "sell"/"dose" only after a word that fits.</summary>
    [GeneratedRegex(@"(?<=^|\s)(?:4(?=\s+(?:ra|ms|sle|lupus|me|my|him|her|it)\b)|2(?=\s+(?:recover|get|be|do|have|go|know|ask|find|try|take)\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWordRegex();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'-]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordRegex();

    // "sell"/"sells" and "dose" are real words: only "stem sell", "how much dose it cost", "dose it/this/that/hsct ..." are changed.
    [GeneratedRegex(@"^(?:sells?|dose|trails?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmbiguousRegex();

    /// <summary>The question with shorthand spelled out; the same string when nothing changed.</summary>
    public static string Normalize(string question)
    {
        var text = NumberWordRegex().Replace(question, m => m.Value == "4" ? "for" : "to");
        return WordRegex().Replace(text, m =>
        {
            if (!Words.TryGetValue(m.Value, out var word))
            {
                return m.Value;
            }

            if (AmbiguousRegex().IsMatch(m.Value) && !FitsAmbiguous(text, m))
            {
                return m.Value;
            }

            return m.Value.Length > 1 && char.IsUpper(m.Value[0]) && !m.Value.All(char.IsUpper) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
        });
    }

    private static readonly (Regex Short, string Long, Regex Spelled)[] Abbreviations =
    [
        (new(@"\b(?:SLE|sle)\b"), "lupus (SLE)", new(@"\blupus\b", RegexOptions.IgnoreCase)),
        (new(@"\b(?:MSCs?|mscs?|MSC's|msc's)(?=\W|$)"), "mesenchymal stem cells (MSCs)", new(@"\bmesenchymal\b", RegexOptions.IgnoreCase)),
        (new(@"\b(?:a?HSCT|a?hsct|aHSCT)\b"), "stem cell transplant (HSCT)", new(@"\bstem cell transplant", RegexOptions.IgnoreCase)),
        (new(@"\b(?:DMTs?|dmts?)\b"), "disease-modifying therapies (DMTs)", new(@"\bdisease[- ]modifying\b", RegexOptions.IgnoreCase)),
        (new(@"\b(?:RA|ra)\b"), "rheumatoid arthritis (RA)", new(@"\brheumatoid\b", RegexOptions.IgnoreCase)),
        (new(@"\b(?:MS|ms)\b"), "multiple sclerosis (MS)", new(@"\bsclerosis\b", RegexOptions.IgnoreCase)),
        (new(@"\b(?:RRMS|rrms)\b"), "relapsing-remitting multiple sclerosis (RRMS)", new(@"\brelapsing\b", RegexOptions.IgnoreCase)),
    ];

    /// <summary>
    /// The question with the knowledge's abbreviations spelled out once ("msc for sle does it work" is searched as
    /// "mesenchymal stem cells (MSCs) for lupus (SLE) does it work"): the sentence encoder knows the words better than the
    /// letters. Only for searching; the limit rules read the question as written ("ms word" stays software).
    /// </summary>
    public static string SpellOutAbbreviations(string question)
    {
        var text = question;
        foreach (var (abbreviation, spelled, already) in Abbreviations)
        {
            if (!already.IsMatch(text))
            {
                text = abbreviation.Replace(text, spelled, 1);
            }
        }

        return text;
    }

    private static bool FitsAmbiguous(string text, Match m)
    {
        var before = text[..m.Index].TrimEnd().ToLowerInvariant();
        var after = text[(m.Index + m.Length)..].TrimStart().ToLowerInvariant();
        return m.Value.ToLowerInvariant() switch
        {
            "sell" or "sells" => before.EndsWith("stem", StringComparison.Ordinal),
            "dose" => Regex.IsMatch(after, @"^(?:it|this|that|the|hsct|stem|insurance|medicare|a|an|my|your|he|she|they)\b") && !Regex.IsMatch(before, @"\b(?:the|a|what|which|high|low|right|of|my|your)$"),
            _ => Regex.IsMatch(before + " " + after, @"\b(?:stem cells?|clinical|hsct|lupus|ms|ra|research|studies|study|join|find|enrol\w*|enroll\w*|sign up|nih|drug)\b") && !Regex.IsMatch(before + " " + after, @"\b(?:hiking|walking|bike|biking|ski|horse|forest|mountain|running)\b"),
        };
    }
}
