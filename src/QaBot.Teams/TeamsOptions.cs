using System.ComponentModel.DataAnnotations;
using QaBot.Teams.Moderation;

namespace QaBot.Teams;

/// <summary>
/// Microsoft Teams settings, section <c>QaBot:Teams</c>. The bot registration itself (<c>MicrosoftAppType</c>,
/// <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>) is read from the root keys that the
/// Bot Framework SDK and Azure's templates use. Teams is off unless an app id is set or <see cref="LocalMode"/> is on.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "QaBot:Teams";

    /// <summary>
    /// Serve <c>/api/messages</c> without an app id, for the Bot Framework Emulator: requests are not authenticated, so
    /// the bot only ever replies to loopback service URLs. Cannot be combined with an app id. Default false.
    /// </summary>
    public bool LocalMode { get; set; }

    /// <summary>Largest accepted request body; larger requests get 413. Default 256 KiB (a Teams message is at most about 28 KB of text).</summary>
    [Range(16 * 1024, 4 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Longest time one request may take, authentication and replies included. Default 10 s (Teams waits 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest time authenticating a request may take (the first request fetches the OpenID metadata). Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan AuthenticationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of every outgoing HTTP call the bot makes (replies, card updates, token requests). Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan OutgoingTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest message the bot sends, in bytes of JSON; Teams' limit is about 28 KB. Default 18,000.</summary>
    [Range(4_000, 25_000)]
    public int MaxActivityBytes { get; set; } = 18_000;

    /// <summary>
    /// The Microsoft Entra object ids (GUIDs) of the people who may use the moderators' text commands (<c>kb status</c>,
    /// <c>kb reload</c>, <c>kb gaps</c>, <c>kb feedback</c>). Default: none, so nobody may.
    /// </summary>
    public IList<string> ModeratorAadObjectIds { get; } = new List<string>();

    /// <summary>Where QaBot posts new knowledge problems (and fixes) after each reload. Default: nowhere.</summary>
    public TeamsConversationOptions ModeratorChannel { get; set; } = new();

    /// <summary><c>MultiTenant</c> (default), <c>SingleTenant</c> or <c>UserAssignedMSI</c>. Root key <c>MicrosoftAppType</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The Azure bot's app (client) id. Root key <c>MicrosoftAppId</c>.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret. Root key <c>MicrosoftAppPassword</c>. Never logged.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant of a single-tenant or managed-identity bot. Root key <c>MicrosoftAppTenantId</c>.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>True when an app id is configured: every request must carry a valid Bot Framework token.</summary>
    public bool Authenticated => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>True when <c>/api/messages</c> is served.</summary>
    public bool Enabled => Authenticated || LocalMode;
}
