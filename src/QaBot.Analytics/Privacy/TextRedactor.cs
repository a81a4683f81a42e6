using System.Globalization;
using System.Text.RegularExpressions;

namespace QaBot.Analytics.Privacy;

/// <summary>
/// Removes what identifies a person from a question before it is stored (after full-width characters and non-ASCII
/// digits are read as their ASCII forms): e-mail addresses (internationalised ones too), URL query strings and
/// fragments, dates written with digits (dates of birth), phone numbers in international and local formats, and runs of
/// five or more digits (record, card and insurance numbers, dates of birth written as digits). Ordinary medical text
/// (doses, ages, years, percentages, stages, blood pressure) is left as it is. Names cannot be recognised reliably and
/// are not removed, which is one reason question text is kept only for unanswered and "Not helpful" questions.
/// </summary>
public static partial class TextRedactor
{
    public const string Email = "[email]";
    public const string Phone = "[phone]";
    public const string Number = "[number]";
    public const string Date = "[date]";
    public const string Query = "?[redacted]";

    /// <summary>Longest text kept after redaction; longer questions are cut (with an ellipsis).</summary>
    public const int MaxChars = 500;

    /// <summary>The text with personal data replaced by placeholders such as <c>[email]</c>, at most <see cref="MaxChars"/> long.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bounded = text.Length > MaxChars * 4 ? text[..(MaxChars * 4)] : text;
        var redacted = EmailPattern().Replace(NormalizeForms(bounded), Email);
        redacted = UrlPattern().Replace(redacted, m => m.Groups["base"].Value + Query);
        redacted = DatePattern().Replace(redacted, Date);
        redacted = DigitSequencePattern().Replace(redacted, ReplaceDigits);
        redacted = redacted.Trim();
        return redacted.Length <= MaxChars ? redacted : redacted[..(MaxChars - 1)].TrimEnd() + "…";
    }

    /// <summary>
    /// Full-width forms (<c>０-９</c>, <c>＋</c>, <c>＠</c>, <c>（</c>, full-width letters) become their ASCII forms and
    /// every other decimal digit (Arabic-Indic <c>٠-٩</c>, Devanagari, ...) becomes its ASCII digit, so that the
    /// patterns below see numbers and addresses however they were typed.
    /// </summary>
    internal static string NormalizeForms(string text)
    {
        var index = 0;
        while (index < text.Length && !NeedsNormalizing(text[index]))
        {
            index++;
        }

        if (index == text.Length)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = index; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                chars[i] = (char)(c - 0xFEE0);
            }
            else if (char.IsDigit(c) && !char.IsAsciiDigit(c))
            {
                chars[i] = (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c));
            }
        }

        return new string(chars);
    }

    private static bool NeedsNormalizing(char c) => c is >= '\uFF01' and <= '\uFF5E' || (c > '\u007F' && char.IsDigit(c));

    /// <summary>
    /// A sequence of digit groups joined by spaces, dots, dashes or parentheses (a leading + or 00 allowed): seven to
    /// fifteen digits in all is a phone number (E.164 allows at most 15), more is a card or account number; a single
    /// unbroken run of five or more digits is a number either way. Shorter sequences ("10 000 cells", "6.5", "2019")
    /// stay.
    /// </summary>
    private static string ReplaceDigits(Match match)
    {
        var value = match.Value;
        var digits = 0;
        var longestRun = 0;
        var run = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                run++;
                longestRun = Math.Max(longestRun, run);
            }
            else
            {
                run = 0;
            }
        }

        var phoneLike = value.StartsWith('+') || value.StartsWith("00", StringComparison.Ordinal) || value.Contains('(', StringComparison.Ordinal);
        if (digits > 15)
        {
            return Number;
        }

        if (digits >= 7 && (phoneLike || longestRun < digits))
        {
            return Phone;
        }

        return longestRun >= 5 ? Number : value;
    }

    /// <summary>An e-mail address, internationalised ones too (<c>jöhn@exämple.de</c>: letters of any script).</summary>
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}._%+\-]+@[\p{L}\p{M}\p{N}\-]+(?:\.[\p{L}\p{M}\p{N}\-]+)*\.[\p{L}\p{M}]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>An http(s) or www URL whose query string or fragment is removed (the site and path stay, for context).</summary>
    [GeneratedRegex(@"(?<base>\b(?:https?://|www\.)[^\s?#<>""]+)[?#][^\s<>""]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    /// <summary>Day, month and year in digits: 12/05/1980, 12.05.80, 1980-05-12.</summary>
    [GeneratedRegex(@"(?<![\w/.\-])(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2})(?![\w/\-]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    /// <summary>
    /// Digits, optionally led by + or (, in groups joined by one space, dot, dash or parenthesis each (a dot or dash may
    /// have a space either side: <c>555 - 123 - 4567</c>).
    /// </summary>
    [GeneratedRegex(@"(?<![\w.+])(?:\+|\()?\d+(?:(?: ?[.\-] ?| |\) ?| ?\()\d+)*\)?(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitSequencePattern();
}
