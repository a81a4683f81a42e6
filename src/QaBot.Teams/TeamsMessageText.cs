using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace QaBot.Teams;

/// <summary>Reads the question out of a Teams message: the bot's own mention removed, other mentions as plain names.</summary>
internal static partial class TeamsMessageText
{
    /// <summary>True when the message @mentions the bot (required in channels and group chats).</summary>
    public static bool MentionsBot(IMessageActivity activity) =>
        activity.Recipient?.Id is { Length: > 0 } botId
        && activity.GetMentions().Any(m => string.Equals(m.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The question: the bot's mention removed (<c>RemoveRecipientMention</c>), other <c>&lt;at&gt;</c> tags reduced to
    /// their text, HTML entities decoded, whitespace trimmed.
    /// </summary>
    public static string Question(IMessageActivity activity)
    {
        var text = activity.Recipient is null ? activity.Text : activity.RemoveRecipientMention();
        text ??= "";
        text = AtTag().Replace(text, "$1");
        return WebUtility.HtmlDecode(text).Trim();
    }

    /// <summary>True for <c>help</c> and <c>/help</c> (any case, trailing punctuation ignored).</summary>
    public static bool IsHelp(string question)
    {
        var command = question.Trim().TrimEnd('.', '!', '?').Trim();
        return command.Equals("help", StringComparison.OrdinalIgnoreCase) || command.Equals("/help", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex AtTag();
}
