using Newtonsoft.Json.Linq;

namespace QaBot.Teams.Tests.Infrastructure;

/// <summary>One call the bot made to the fake Bot Connector.</summary>
public sealed record RecordedRequest(string Method, string ConversationId, string? ActivityId, string? Authorization, JObject Body, int Bytes)
{
    public string? Type => (string?)Body["type"];

    /// <summary>The Adaptive Card of a message, or null.</summary>
    public JObject? Card => Body["attachments"]?.FirstOrDefault(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")?["content"] as JObject;
}
