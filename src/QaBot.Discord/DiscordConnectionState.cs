namespace QaBot.Discord;

/// <summary>Where the Discord connection stands, as <c>/readyz</c> reports it.</summary>
public enum DiscordConnectionState
{
    /// <summary>Not started yet.</summary>
    Starting,

    /// <summary>Connecting or identifying.</summary>
    Connecting,

    /// <summary>The session is ready (or resumed): messages and commands are answered.</summary>
    Connected,

    /// <summary>The connection dropped; reconnecting with backoff.</summary>
    Reconnecting,

    /// <summary>Only the HTTP interactions endpoint is used (no gateway).</summary>
    EndpointOnly,

    /// <summary>Stopped for good by a fatal error (bad token, sharding or intents): fix the configuration and restart.</summary>
    Failed,

    /// <summary>Shut down.</summary>
    Stopped,
}
