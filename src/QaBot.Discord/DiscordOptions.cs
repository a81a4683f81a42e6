using System.ComponentModel.DataAnnotations;

namespace QaBot.Discord;

/// <summary>
/// The Discord bot. Section <c>QaBot:Discord</c>; everything is off until <see cref="Enabled"/> is true, and the
/// options are checked at start-up only then (<see cref="DiscordOptionsValidator"/>).
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "QaBot:Discord";

    /// <summary>Run the Discord bot. Default false: the host runs without any Discord configuration.</summary>
    public bool Enabled { get; set; }

    /// <summary>The bot token (Developer Portal, Bot, Reset Token). A secret: set it with the environment variable
    /// <c>QaBot__Discord__Token</c> or user secrets, never in appsettings.json. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>The application id. Default: asked from Discord (<c>GET /applications/@me</c>) at start-up.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's public key (64 hex characters), needed by <see cref="InteractionsEndpoint"/>.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Connect to the gateway (mentions, DMs, and interactions when no endpoint URL is set). Default true.</summary>
    public bool UseGateway { get; set; } = true;

    /// <summary>Serve <c>POST /api/discord/interactions</c> for Discord's "Interactions Endpoint URL". Default false.</summary>
    public bool InteractionsEndpoint { get; set; }

    /// <summary>Discord's REST API, version 10. Point it at a Discord-compatible server to test.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>The gateway URL. Default null: the URL that <c>GET /gateway/bot</c> returns
    /// (normally <c>wss://gateway.discord.gg</c>).</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Ask for the privileged MESSAGE_CONTENT intent. Default false: slash commands, mentions and DMs work
    /// without it. Turn it on in the Developer Portal too, or Discord closes the connection with 4014.</summary>
    public bool MessageContentIntent { get; set; }

    /// <summary>Answer messages that @mention the bot. Default true.</summary>
    public bool AnswerMentions { get; set; } = true;

    /// <summary>Answer direct messages. Default true.</summary>
    public bool AnswerDirectMessages { get; set; } = true;

    /// <summary>Register <c>/ask</c> and <c>/about</c> at start-up (bulk overwrite). Default true.</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>Register the commands in these guilds only (they appear at once); empty: globally (the default).</summary>
    public IList<string> CommandGuildIds { get; } = new List<string>();

    /// <summary>Answer mentions and <c>/ask</c> in these channels only; empty: in every channel the bot can see.
    /// Direct messages are always answered when <see cref="AnswerDirectMessages"/> is on.</summary>
    public IList<string> AllowedChannelIds { get; } = new List<string>();

    /// <summary>
    /// Role ids whose members may use the moderators' <c>/kb</c> commands, besides members with the Manage Server
    /// permission. Default: none (Manage Server only). Allow these roles to see <c>/kb</c> in Discord too (Server Settings,
    /// Integrations, QaBot), since by default Discord shows it only to members who may manage the server.
    /// </summary>
    public IList<string> ModeratorRoleIds { get; } = new List<string>();

    /// <summary>A channel id where QaBot posts new knowledge problems (and fixes) after each reload. Default none: no posts.
    /// The bot needs View Channel, Send Messages and Embed Links there.</summary>
    public string? ModeratorChannelId { get; set; }

    /// <summary>Reply to a mention in a new public thread on the question (falls back to a reply). Default false.</summary>
    public bool ReplyInThread { get; set; }

    /// <summary>Seconds a user waits between two questions; 0 turns the cooldown off. Default 10.</summary>
    [Range(0, 3600)]
    public int CooldownSeconds { get; set; } = 10;

    /// <summary>The shard this process runs (0-based). Default 0.</summary>
    [Range(0, 100_000)]
    public int ShardId { get; set; }

    /// <summary>The total number of shards. Default 1.</summary>
    [Range(1, 100_000)]
    public int ShardCount { get; set; } = 1;

    /// <summary>At shutdown, how long answers in progress may take to finish. Default 10 seconds.</summary>
    [Range(0, 300)]
    public int DrainSeconds { get; set; } = 10;

    /// <summary>The URL in the <c>User-Agent: DiscordBot (url, version)</c> header: where your deployment is described.</summary>
    [Required]
    public string UserAgentUrl { get; set; } = "https://github.com/qabot/qabot";

    /// <summary>What <c>/about</c> says before the reminder.</summary>
    [Required]
    public string AboutText { get; set; } =
        "I answer general questions about stem cell therapy for autoimmune conditions such as rheumatoid arthritis, " +
        "lupus and multiple sclerosis: what it is, how it may help, where the cells come from, what studies have found " +
        "and how safe it is. Every answer comes from reviewed knowledge files, with numbered sources. I can't give " +
        "personal medical advice or doses: please ask your care team about your own situation.";
}
