namespace QaBot.Answering.Composition;

/// <summary>
/// A simple stop-word guess of whether a message is written in Spanish, French, German, Portuguese or Italian rather
/// than English. It needs at least two of a language's distinctive function words and more of them than English ones,
/// so "was stem cell therapy approved" and "lupus SLE" stay English.
/// </summary>
internal static class LanguageGuess
{
    private static readonly (string Code, HashSet<string> Words)[] Languages =
    [
        ("es", Set("el la los las un una unos unas es son está están qué que cómo como cuál cuáles por para con sin del al y o pero mi mis tu su sus se lo le les puede pueden hay muy más también esto esta este tratamiento células madre terapia enfermedad ayuda cuánto cuesta sirve funciona")),
        ("fr", Set("le la les un une des est sont que qui quoi comment pourquoi quel quelle quels pour avec sans du au aux et ou mais mon ma mes ton ta son sa ses ce cette peut peuvent il elle ils je vous nous très plus aussi traitement cellules souches thérapie maladie combien coûte marche fonctionne")),
        ("de", Set("der die das den dem des ein eine einen einem ist sind was wie warum welche welcher für mit ohne und oder aber mein meine dein sein ihr kann können es ich sie wir sehr auch nicht behandlung stammzellen stammzelltherapie therapie krankheit hilft kostet wirkt")),
        ("pt", Set("o a os as um uma uns umas é são está estão que como qual quais por para com sem do da dos das no na e ou mas meu minha seu sua pode podem há muito mais também isso esta este tratamento células tronco terapia doença ajuda quanto custa funciona você")),
        ("it", Set("il lo la i gli le un una è sono che cosa come perché quale quali per con senza del della dei delle e o ma mio mia suo sua può possono c'è molto più anche questo questa trattamento cellule staminali terapia malattia aiuta quanto costa funziona")),
    ];

    private static readonly HashSet<string> English = Set(
        "the a an is are was were what how why which who can could does do did will would should for with without and or but my your his her its it i you we they this that these those of to in on at by from not be been has have about stem cell cells therapy treatment help cure lupus ms ra");

    /// <summary>The language code (es, fr, de, pt, it) when the message is not English; null for English or unsure.</summary>
    public static string? NonEnglish(string text)
    {
        var words = text.ToLowerInvariant()
            .Split([' ', '?', '¿', '!', '¡', '.', ',', ';', ':', '"', '(', ')', '\''], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return null;
        }

        var english = words.Count(English.Contains);
        string? best = null;
        var bestCount = 0;
        foreach (var (code, set) in Languages)
        {
            // Words shared with English ("a", "is", "was", "die") count only for English.
            var count = words.Count(w => set.Contains(w) && !English.Contains(w));
            if (count > bestCount)
            {
                (best, bestCount) = (code, count);
            }
        }

        return bestCount >= 2 && bestCount > english ? best : null;
    }

    private static HashSet<string> Set(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
