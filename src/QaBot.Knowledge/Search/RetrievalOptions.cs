namespace QaBot.Knowledge.Search;

/// <summary>
/// Every weight and bonus of retrieval, in one place: how lexical and dense results are fused
/// (<c>w x minmax(BM25) + (1 - w) x minmax(cosine)</c> plus bonuses) and the lexical search's field boosts
/// (<see cref="Lexical"/>). Section <c>QaBot:Retrieval</c>, checked at start-up; production, <c>qabot bench</c>,
/// <c>qabot calibrate</c> and <c>qabot eval</c> all read it. The defaults are the measured ones (README, Retrieval).
/// </summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "QaBot:Retrieval";

    /// <summary>
    /// The old home of <see cref="LexicalWeight"/>. Still read when <c>QaBot:Retrieval:LexicalWeight</c> is not set (with a
    /// start-up warning); setting both to different values stops the start.
    /// </summary>
    public const string LegacyLexicalWeightKey = "QaBot:Embeddings:LexicalWeight";

    /// <summary>Weight of the min-max normalised BM25 score in the fused score (the dense cosine gets 1 - this). Default 0.1.</summary>
    public double LexicalWeight { get; set; } = 0.1;

    /// <summary>Candidates taken from each of the lexical and dense searches before fusion. Default 50.</summary>
    public int Candidates { get; set; } = 50;

    /// <summary>Added to the fused score of a passage whose section is named for what the question asks. Default 0.1.</summary>
    public double IntentBonus { get; set; } = 0.1;

    /// <summary>Added to the fused score of a passage whose whole title occurs in the question. Default 0 (off).</summary>
    public double TitleBonus { get; set; }

    /// <summary>Field boosts and bonuses of the lexical (BM25) search (<c>QaBot:Retrieval:Lexical</c>).</summary>
    public LexicalIndexOptions Lexical { get; set; } = new();

    /// <summary>Every problem of these settings, each naming its configuration key; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Range(string key, double value, double min, double max)
        {
            if (double.IsNaN(value) || value < min || value > max)
            {
                problems.Add($"{SectionName}:{key} must be between {min} and {max} (it is {value}).");
            }
        }

        Range(nameof(LexicalWeight), LexicalWeight, 0, 1);
        Range(nameof(Candidates), Candidates, 1, 1000);
        Range(nameof(IntentBonus), IntentBonus, 0, 1);
        Range(nameof(TitleBonus), TitleBonus, 0, 1);
        if (Lexical is null)
        {
            problems.Add($"{SectionName}:{nameof(Lexical)} must not be empty.");
            return problems;
        }

        var lexical = nameof(Lexical) + ":";
        Range(lexical + nameof(LexicalIndexOptions.TitleBoost), Lexical.TitleBoost, 0, 100);
        Range(lexical + nameof(LexicalIndexOptions.SectionBoost), Lexical.SectionBoost, 0, 100);
        Range(lexical + nameof(LexicalIndexOptions.TextBoost), Lexical.TextBoost, 0, 100);
        Range(lexical + nameof(LexicalIndexOptions.AlsoAskedBoost), Lexical.AlsoAskedBoost, 0, 100);
        Range(lexical + nameof(LexicalIndexOptions.TitleMatchBoost), Lexical.TitleMatchBoost, 0, 100);
        Range(lexical + nameof(LexicalIndexOptions.IntentBoost), Lexical.IntentBoost, 0, 100);
        Range(lexical + nameof(LexicalIndexOptions.IntentRerankDepth), Lexical.IntentRerankDepth, 1, 10_000);
        if (Lexical.TitleBoost + Lexical.SectionBoost + Lexical.TextBoost <= 0)
        {
            problems.Add($"{SectionName}:{lexical}TitleBoost, SectionBoost and TextBoost must not all be 0.");
        }

        return problems;
    }
}
