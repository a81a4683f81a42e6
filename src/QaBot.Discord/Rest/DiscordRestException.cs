using System.Net;

namespace QaBot.Discord.Rest;

/// <summary>Discord refused a request (a 4xx other than 429, or 5xx after the retries). The message names the route
/// template, the status, Discord's error code and the refused fields' paths and codes: never the path, which may hold a
/// token, nor Discord's error messages, which may quote what was sent.</summary>
public sealed class DiscordRestException : Exception
{
    public DiscordRestException(string route, HttpStatusCode status, int? discordCode, IReadOnlyList<string>? fieldErrors = null)
        : base($"Discord answered {(int)status} ({status}) to {route}" + (discordCode is int code ? $", error code {code}" : "")
               + (fieldErrors is { Count: > 0 } ? ", field errors: " + string.Join("; ", fieldErrors) : "") + ".")
    {
        Route = route;
        Status = status;
        DiscordCode = discordCode;
        FieldErrors = fieldErrors ?? [];
    }

    public DiscordRestException(string message, string route = "?")
        : base(message)
    {
        Route = route;
    }

    public string Route { get; }

    public HttpStatusCode Status { get; }

    /// <summary>Discord's JSON error code (e.g. 50035 invalid form body), when it sent one.</summary>
    public int? DiscordCode { get; }

    /// <summary>The refused fields as <c>path: CODE</c> (e.g. <c>embeds.0.description: BASE_TYPE_MAX_LENGTH</c>); never Discord's messages.</summary>
    public IReadOnlyList<string> FieldErrors { get; } = [];

    /// <summary>Discord's JSON error code for "Unauthorized. Provide a valid token and try again".</summary>
    public const int UnauthorizedCode = 40001;

    /// <summary>The bot token was refused: 401, or Discord's error code 40001 whatever the status.</summary>
    public bool IsBadToken => Status == HttpStatusCode.Unauthorized || DiscordCode == UnauthorizedCode;

    /// <summary>The reason shown in the health and the log when <see cref="IsBadToken"/>.</summary>
    internal string BadTokenReason =>
        "authentication failed: Discord refused the bot token (QaBot:Discord:Token) with " + (int)Status
        + (DiscordCode == UnauthorizedCode ? " (error code 40001)" : "");
}
