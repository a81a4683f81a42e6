namespace QaBot.Knowledge.Search;

/// <summary>Field weights of the lexical search.</summary>
public sealed record LexicalIndexOptions
{
    public float TitleBoost { get; init; } = 2f;

    public float SectionBoost { get; init; } = 1f;

    public float TextBoost { get; init; } = 1f;
}
