namespace QaBot.Answering.Safety;

/// <summary>
/// Guesses whether a normalised message is written in Spanish, French, German, Portuguese or Italian, from common
/// function words (accents already removed), so that a safety reply can add one line in that language. Returns null
/// for English or when unsure. Linear time, no allocation beyond the split.
/// </summary>
internal static class SafetyLanguage
{
    private static readonly (string Code, HashSet<string> Words)[] Languages =
    [
        ("es", Set("que no el los las por con para una es mi me estoy quiero tengo muy pero ya mas esta hijo puedo dolor del se lo y yo si hace desde pecho morir vida nada")),
        ("fr", Set("je le les des et est pas ne une mon ma mes suis veux avec pour qui il elle jai cest plus au du vous on dans mal mourir vie nai")),
        ("de", Set("ich nicht und der die das ist mit mein meine ein eine habe bin auch zu kann mehr will mich mir was wie es seit nach keine sterben leben")),
        ("pt", Set("eu nao que meu minha com para um uma estou quero tenho mais ja voce sou os do da no na em dor morrer vida nada")),
        ("it", Set("io non che di il mio mia con per un una sono voglio ho piu gia mi ti della del nel al mi morire vita niente")),
    ];

    private static readonly HashSet<string> English =
        Set("i the and to of is my me it a you in that have want can not do with for what how after since he she this are im dont been");

    /// <summary>The language code, or null for English or when fewer than two of its words occur.</summary>
    public static string? Detect(string normalised)
    {
        Span<int> counts = stackalloc int[Languages.Length];
        var english = 0;
        foreach (var range in normalised.AsSpan().Split(' '))
        {
            var word = normalised[range];
            if (English.Contains(word))
            {
                english++;
            }

            for (var i = 0; i < Languages.Length; i++)
            {
                if (Languages[i].Words.Contains(word))
                {
                    counts[i]++;
                }
            }
        }

        var best = -1;
        for (var i = 0; i < Languages.Length; i++)
        {
            if (counts[i] >= 2 && counts[i] > english && (best < 0 || counts[i] > counts[best]))
            {
                best = i;
            }
        }

        return best < 0 ? null : Languages[best].Code;
    }

    private static HashSet<string> Set(string words) =>
        new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
