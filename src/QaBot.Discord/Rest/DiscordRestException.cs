using System.Net;

namespace QaBot.Discord.Rest;

/// <summary>Discord refused a request (a 4xx other than 429, or 5xx after the retries). The message names the route
/// template, the status and Discord's error code: never the path, which may hold a token.</summary>
public sealed class DiscordRestException : Exception
{
    public DiscordRestException(string route, HttpStatusCode status, int? discordCode)
        : base($"Discord answered {(int)status} ({status}) to {route}" + (discordCode is int code ? $", error code {code}" : "") + ".")
    {
        Route = route;
        Status = status;
        DiscordCode = discordCode;
    }

    public DiscordRestException(string message)
        : base(message)
    {
        Route = "?";
    }

    public string Route { get; }

    public HttpStatusCode Status { get; }

    /// <summary>Discord's JSON error code (e.g. 50035 invalid form body), when it sent one.</summary>
    public int? DiscordCode { get; }
}
