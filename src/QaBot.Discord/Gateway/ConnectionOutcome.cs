namespace QaBot.Discord.Gateway;

/// <summary>How one gateway connection ended.</summary>
internal sealed record ConnectionOutcome(ConnectionOutcomeKind Kind, int? CloseCode = null, string? Reason = null)
{
    public static ConnectionOutcome Stop { get; } = new(ConnectionOutcomeKind.Stop);

    /// <summary>Why the connection failed, when it did (an exception's type, or an HTTP status); null after a close.</summary>
    public string? Error { get; init; }

    /// <summary>Reconnect at once; <paramref name="reason"/> (requested, invalid_session, zombie) is counted.</summary>
    public static ConnectionOutcome Now(string reason) => new(ConnectionOutcomeKind.ReconnectNow, Reason: reason);

    /// <summary>Reconnect after a backoff: closed with <paramref name="closeCode"/>, or the connection failed (null).</summary>
    public static ConnectionOutcome Later(int? closeCode) =>
        new(ConnectionOutcomeKind.ReconnectLater, closeCode, closeCode is null ? "connection_failed" : "closed");

    /// <summary>Reconnect after a backoff: the connection could not be made or broke (<paramref name="error"/>, e.g. the exception's type).</summary>
    public static ConnectionOutcome Failed(string error) =>
        new(ConnectionOutcomeKind.ReconnectLater, null, "connection_failed") { Error = error };

    public static ConnectionOutcome Fatal(int closeCode, string reason) => new(ConnectionOutcomeKind.Fatal, closeCode, reason);
}
