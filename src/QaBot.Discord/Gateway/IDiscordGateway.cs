namespace QaBot.Discord.Gateway;

/// <summary>
/// The gateway connection: connects, keeps the session alive, resumes after drops, and hands events to a listener.
/// Ours is <see cref="DiscordGatewayClient"/>; a maintained library's client can stand behind this interface instead.
/// </summary>
public interface IDiscordGateway
{
    /// <summary>Runs until <see cref="CloseAsync"/>, cancellation, or a fatal close code (then the health is failed).</summary>
    Task RunAsync(IDiscordEventListener listener, CancellationToken cancellationToken);

    /// <summary>Closes the connection with 1000 (the session ends) and waits for <see cref="RunAsync"/> to return.</summary>
    Task CloseAsync(CancellationToken cancellationToken);
}
