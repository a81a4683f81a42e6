namespace QaBot.Discord.Gateway;

/// <summary>How one gateway connection ended.</summary>
internal sealed record ConnectionOutcome(ConnectionOutcomeKind Kind, int? CloseCode = null, string? Reason = null)
{
    public static ConnectionOutcome Stop { get; } = new(ConnectionOutcomeKind.Stop);

    /// <summary>Reconnect at once; <paramref name="reason"/> (requested, invalid_session, zombie) is counted.</summary>
    public static ConnectionOutcome Now(string reason) => new(ConnectionOutcomeKind.ReconnectNow, Reason: reason);

    /// <summary>Reconnect after a backoff: closed with <paramref name="closeCode"/>, or the connection failed (null).</summary>
    public static ConnectionOutcome Later(int? closeCode) =>
        new(ConnectionOutcomeKind.ReconnectLater, closeCode, closeCode is null ? "connection_failed" : "closed");

    public static ConnectionOutcome Fatal(int closeCode, string reason) => new(ConnectionOutcomeKind.Fatal, closeCode, reason);
}
