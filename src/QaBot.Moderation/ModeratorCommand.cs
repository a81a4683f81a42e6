using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using QaBot.Answering;

namespace QaBot.Moderation;

/// <summary>
/// One moderator command: <c>kb status</c>, <c>kb reload</c>, <c>kb gaps [days]</c>, <c>kb feedback [days]</c> or
/// <c>kb help</c>. Discord builds it from the <c>/kb</c> slash command's options, Teams from the message text
/// (<see cref="TryParse"/>).
/// </summary>
/// <param name="Action">What is asked.</param>
/// <param name="Days">For gaps and feedback: the window in days; null for <see cref="DefaultDays"/>. Checked against
/// <see cref="MinDays"/>..<see cref="MaxDays"/> when the command runs.</param>
/// <param name="Problem">Why the text could not be read as a command (the reply is the help with this problem), or null.</param>
public sealed record ModeratorCommand(ModeratorAction Action, int? Days = null, string? Problem = null)
{
    /// <summary>The word that starts every moderator command in text (<c>/kb</c> works too).</summary>
    public const string Keyword = "kb";

    public const int MinDays = 1;
    public const int MaxDays = 90;
    public const int DefaultDays = 7;

    private static readonly char[] Punctuation = ['.', '!', '?', ',', ';', ':'];

    /// <summary>
    /// Reads a chat message as a moderator command. False when the message does not start with the word <c>kb</c>
    /// (or <c>/kb</c>): then it is not a command at all. True otherwise, even when the rest cannot be read; then
    /// <see cref="Problem"/> says why and the command is <see cref="ModeratorAction.Help"/>.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ModeratorCommand? command)
    {
        command = null;
        var words = TextCleaner.Clean(text ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Punctuation))
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Count == 0 || !words[0].TrimStart('/').Equals(Keyword, StringComparison.OrdinalIgnoreCase) || words[0].StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }

        command = Read(words.Skip(1).ToList());
        return true;
    }

    /// <summary>The days asked for, or the default; null when outside <see cref="MinDays"/>..<see cref="MaxDays"/>.</summary>
    public static int? EffectiveDays(int? days) => days switch
    {
        null => DefaultDays,
        >= MinDays and <= MaxDays => days,
        _ => null,
    };

    private static ModeratorCommand Read(List<string> words)
    {
        if (words.Count == 0)
        {
            return new ModeratorCommand(ModeratorAction.Help);
        }

        var name = words[0].ToLowerInvariant();
        var action = name switch
        {
            "help" => ModeratorAction.Help,
            "status" => ModeratorAction.Status,
            "reload" => ModeratorAction.Reload,
            "gaps" => ModeratorAction.Gaps,
            "feedback" => ModeratorAction.Feedback,
            _ => (ModeratorAction?)null,
        };
        if (action is null)
        {
            return new ModeratorCommand(ModeratorAction.Help, Problem: $"I don't know the command \"{Keyword} {Shorten(words[0])}\".");
        }

        var rest = words.Skip(1).ToList();
        if (action is ModeratorAction.Gaps or ModeratorAction.Feedback)
        {
            return ReadDays(action.Value, rest);
        }

        return rest.Count == 0
            ? new ModeratorCommand(action.Value)
            : new ModeratorCommand(ModeratorAction.Help, Problem: $"\"{Keyword} {name}\" takes no further words.");
    }

    /// <summary>Accepts <c>14</c>, <c>14d</c>, <c>14 days</c>, or nothing (the default).</summary>
    private static ModeratorCommand ReadDays(ModeratorAction action, List<string> rest)
    {
        var name = action.ToString().ToLowerInvariant();
        if (rest.Count == 0)
        {
            return new ModeratorCommand(action);
        }

        var number = rest[0].EndsWith('d') && !rest[0].EndsWith("days", StringComparison.OrdinalIgnoreCase) ? rest[0][..^1] : rest[0];
        var unitOk = rest.Count == 1 || (rest.Count == 2 && rest[1].ToLowerInvariant() is "day" or "days");
        if (!unitOk || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            return new ModeratorCommand(ModeratorAction.Help,
                Problem: $"\"{Keyword} {name}\" takes a number of days from {MinDays} to {MaxDays}, for example \"{Keyword} {name} 14\".");
        }

        return new ModeratorCommand(action, days);
    }

    private static string Shorten(string word) => word.Length <= 30 ? word : word[..30] + "…";
}
