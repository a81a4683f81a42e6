namespace QaBot.Discord;

/// <summary>The Discord connection's state, for the host's readiness check. Registered only when Discord is enabled.</summary>
public interface IDiscordHealth
{
    /// <summary>The current state.</summary>
    DiscordConnectionState State { get; }

    /// <summary>Why the bot stopped, when <see cref="State"/> is <see cref="DiscordConnectionState.Failed"/>; otherwise null.</summary>
    string? FailureReason { get; }
}
