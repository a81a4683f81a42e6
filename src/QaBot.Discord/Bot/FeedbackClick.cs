using QaBot.Answering;

namespace QaBot.Discord.Bot;

/// <summary>
/// A "Helpful" / "Not helpful" button's custom id: <c>qabot:fb:{y|n}:{a|n|s}:{key}</c>, the verdict, the kind of
/// answer and the key under which <see cref="FeedbackContextStore"/> keeps the cited passage ids (never the question).
/// </summary>
internal sealed record FeedbackClick(bool Helpful, AnswerKind Kind, string Key)
{
    public const string Prefix = "qabot:fb:";

    public string CustomId => $"{Prefix}{(Helpful ? 'y' : 'n')}:{KindCode(Kind)}:{Key}";

    public static bool TryParse(string? customId, out FeedbackClick click)
    {
        click = null!;
        if (customId is null || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = customId[Prefix.Length..].Split(':');
        if (parts.Length != 3 || parts[0] is not ("y" or "n") || parts[1] is not ("a" or "n" or "s") || parts[2].Length is 0 or > 40)
        {
            return false;
        }

        var kind = parts[1] switch
        {
            "a" => AnswerKind.Answered,
            "n" => AnswerKind.NoAnswer,
            _ => AnswerKind.Safety,
        };
        click = new FeedbackClick(parts[0] == "y", kind, parts[2]);
        return true;
    }

    private static char KindCode(AnswerKind kind) => kind switch
    {
        AnswerKind.Answered => 'a',
        AnswerKind.NoAnswer => 'n',
        _ => 's',
    };
}
