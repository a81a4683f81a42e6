using System.Buffers;
using System.Globalization;

namespace QaBot.Answering.Safety;

/// <summary>
/// Puts a chat message into the form the safety patterns are written against, so that wording tricks and typing
/// habits do not hide a message: lowercase; compatibility folding (full-width, styled "𝐦𝐚𝐭𝐡" and circled letters,
/// ligatures, accents, Cyrillic and Greek look-alikes); zero-width, format and combining characters removed; control
/// characters, emoji and other symbols as spaces; apostrophes removed ("I’m" → "im", "can't" → "cant"); curly
/// double quotes straightened; hyphens and underscores as spaces; digits and <c>@ $</c> between letters read as
/// letters ("k1ll" → "kill"); three or more repeated letters cut to two ("pleeease" → "pleease"); "u", "ur", "r" as
/// "you", "your", "are"; whitespace collapsed to single spaces and trimmed.
/// </summary>
/// <remarks>
/// The host runs with invariant globalization, where <see cref="string.Normalize(System.Text.NormalizationForm)"/> does not fold,
/// so the folding is done here with small tables. Never throws; runs in linear time.
/// </remarks>
internal static class SafetyTextNormalizer
{
    // U+00C0..U+017F folded to a lowercase ASCII letter; '?' means "keep the character".
    private const string LatinFold =
        "aaaaaaaceeeeiiiidnooooo?ouuuuypsaaaaaaaceeeeiiiidnooooo?ouuuuypyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiii" +
        "iiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // A ligature folds to at most three letters; "u" grows to "you" (at most doubling a text of "u u u").
        var folded = ArrayPool<char>.Shared.Rent((text.Length * 3) + 4);
        var output = ArrayPool<char>.Shared.Rent((text.Length * 6) + 8);
        try
        {
            var foldedLength = Fold(text, folded);
            var length = Finish(folded.AsSpan(0, foldedLength), output);
            return new string(output, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
            ArrayPool<char>.Shared.Return(output);
        }
    }

    /// <summary>First pass: one folded, lowercase character (or a space, or nothing) per input character.</summary>
    private static int Fold(string text, char[] folded)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                n = AppendAscii(folded, n, c);
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var letter = FoldAstral(char.ConvertToUtf32(c, text[i + 1]));
                folded[n++] = letter == '\0' ? ' ' : letter; // emoji and other symbols separate words
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                continue; // a lone surrogate is broken text: drop it
            }

            n = c is >= '\uFF01' and <= '\uFF5E'
                ? AppendAscii(folded, n, (char)(c - 0xFEE0)) // full-width forms
                : AppendOther(folded, n, c);
        }

        return n;
    }

    private static int AppendAscii(char[] folded, int n, char c)
    {
        switch (c)
        {
            case '\'' or '`':
                return n;
            case '-' or '_' or < ' ' or '\u007F':
                folded[n] = ' ';
                return n + 1;
            case >= 'A' and <= 'Z':
                folded[n] = (char)(c + 32);
                return n + 1;
            default:
                folded[n] = c;
                return n + 1;
        }
    }

    private static int AppendOther(char[] folded, int n, char c)
    {
        switch (c)
        {
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u02BC' or '\u2032' or '\u00B4' or '\u02B9' or '\u02BB':
                return n; // apostrophes, like ASCII '
            case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB':
                folded[n] = '"';
                return n + 1;
            case >= '\u2010' and <= '\u2015' or '\u2212' or '\uFE58' or '\uFE63':
                folded[n] = ' '; // dashes, like ASCII -
                return n + 1;
            case >= '\u00C0' and <= '\u017F' when LatinFold[c - 0xC0] != '?':
                folded[n] = LatinFold[c - 0xC0];
                return n + 1;
            case >= '\u24B6' and <= '\u24CF':
                folded[n] = (char)('a' + (c - 0x24B6)); // Ⓐ
                return n + 1;
            case >= '\u24D0' and <= '\u24E9':
                folded[n] = (char)('a' + (c - 0x24D0)); // ⓐ
                return n + 1;
            case >= '\uFB00' and <= '\uFB06':
                var ligature = c switch
                {
                    '\uFB00' => "ff",
                    '\uFB01' => "fi",
                    '\uFB02' => "fl",
                    '\uFB03' => "ffi",
                    '\uFB04' => "ffl",
                    _ => "st",
                };
                ligature.CopyTo(folded.AsSpan(n));
                return n + ligature.Length;
        }

        var lookAlike = LookAlike(c);
        if (lookAlike != '\0')
        {
            folded[n] = lookAlike;
            return n + 1;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.SpacingCombiningMark:
                return n; // zero-width characters, soft hyphens, accents, variation selectors
            case UnicodeCategory.Control or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherSymbol or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned:
                folded[n] = ' ';
                return n + 1;
            default:
                folded[n] = char.ToLowerInvariant(c);
                return n + 1;
        }
    }

    /// <summary>Cyrillic and Greek letters that look like Latin ones.</summary>
    private static char LookAlike(char c) => c switch
    {
        '\u0430' or '\u0410' or '\u03B1' or '\u0391' => 'a',
        '\u0412' or '\u0392' or '\u03B2' => 'b',
        '\u0441' or '\u0421' or '\u03F2' => 'c',
        '\u0501' => 'd',
        '\u0435' or '\u0415' or '\u0395' or '\u03B5' => 'e',
        '\u041D' or '\u0397' or '\u04BB' => 'h',
        '\u0456' or '\u0406' or '\u0399' or '\u03B9' or '\u04CF' => 'i',
        '\u0458' or '\u0408' => 'j',
        '\u041A' or '\u039A' or '\u03BA' => 'k',
        '\u041C' or '\u039C' => 'm',
        '\u039D' => 'n',
        '\u043E' or '\u041E' or '\u03BF' or '\u039F' => 'o',
        '\u0440' or '\u0420' or '\u03C1' or '\u03A1' => 'p',
        '\u0455' or '\u0405' => 's',
        '\u0422' or '\u03A4' or '\u03C4' => 't',
        '\u03C5' => 'u',
        '\u03BD' => 'v',
        '\u0445' or '\u0425' or '\u03A7' or '\u03C7' => 'x',
        '\u0443' or '\u0423' or '\u03A5' or '\u04AF' => 'y',
        '\u0396' => 'z',
        _ => '\0',
    };

    /// <summary>Styled letters and digits outside the BMP (mathematical alphanumerics, squared and circled letters).</summary>
    private static char FoldAstral(int codePoint) => codePoint switch
    {
        >= 0x1D400 and <= 0x1D6A3 => (char)('a' + ((codePoint - 0x1D400) % 52 % 26)),
        >= 0x1D7CE and <= 0x1D7FF => (char)('0' + ((codePoint - 0x1D7CE) % 10)),
        >= 0x1F130 and <= 0x1F149 => (char)('a' + (codePoint - 0x1F130)),
        >= 0x1F150 and <= 0x1F169 => (char)('a' + (codePoint - 0x1F150)),
        >= 0x1F170 and <= 0x1F189 => (char)('a' + (codePoint - 0x1F170)),
        _ => '\0',
    };

    /// <summary>Second pass: leetspeak, repeated letters, chat abbreviations and whitespace.</summary>
    private static int Finish(ReadOnlySpan<char> folded, char[] output)
    {
        var n = 0;
        var wordStart = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (IsLeetCandidate(c))
            {
                c = Leet(folded, i, n > 0 ? output[n - 1] : ' ');
            }

            if (char.IsLetterOrDigit(c))
            {
                if (n >= 2 && output[n - 1] == c && output[n - 2] == c && char.IsLetter(c))
                {
                    continue; // "sooo" → "soo"
                }

                output[n++] = c;
                continue;
            }

            n = EndWord(output, wordStart, n);
            if (c == ' ' || char.IsWhiteSpace(c))
            {
                if (n > 0 && output[n - 1] != ' ')
                {
                    output[n++] = ' ';
                }
            }
            else
            {
                output[n++] = c;
            }

            wordStart = n;
        }

        n = EndWord(output, wordStart, n);
        return n > 0 && output[n - 1] == ' ' ? n - 1 : n;
    }

    /// <summary>Reads a digit, '@' or '$' as a letter when it sits inside a word ("k1ll", "su1c1de", "$uicide").</summary>
    private static char Leet(ReadOnlySpan<char> folded, int i, char previous)
    {
        var c = folded[i];
        var next = i + 1;
        while (next < folded.Length && IsLeetCandidate(folded[next]))
        {
            next++;
        }

        var letterAfter = next < folded.Length && char.IsLetter(folded[next]);
        if (c is '@' or '$')
        {
            return letterAfter && !char.IsDigit(previous) ? (c == '@' ? 'a' : 's') : c;
        }

        if (!letterAfter || !char.IsLetter(previous))
        {
            return c;
        }

        return c switch
        {
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            _ => 't',
        };
    }

    private static bool IsLeetCandidate(char c) => c is '0' or '1' or '3' or '4' or '5' or '7' or '@' or '$';

    /// <summary>Expands the chat abbreviations "u", "ur" and "r" when the word just written is one of them.</summary>
    private static int EndWord(char[] output, int wordStart, int n)
    {
        var expansion = (n - wordStart) switch
        {
            1 when output[wordStart] == 'u' => "you",
            1 when output[wordStart] == 'r' => "are",
            2 when output[wordStart] == 'u' && output[wordStart + 1] == 'r' => "your",
            _ => null,
        };
        if (expansion is null)
        {
            return n;
        }

        expansion.CopyTo(output.AsSpan(wordStart));
        return wordStart + expansion.Length;
    }
}
