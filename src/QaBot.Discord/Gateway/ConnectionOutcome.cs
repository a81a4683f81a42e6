namespace QaBot.Discord.Gateway;

/// <summary>How one gateway connection ended.</summary>
internal sealed record ConnectionOutcome(ConnectionOutcomeKind Kind, int? CloseCode = null, string? Reason = null)
{
    public static ConnectionOutcome Stop { get; } = new(ConnectionOutcomeKind.Stop);

    public static ConnectionOutcome Now { get; } = new(ConnectionOutcomeKind.ReconnectNow);

    public static ConnectionOutcome Later(int? closeCode) => new(ConnectionOutcomeKind.ReconnectLater, closeCode);

    public static ConnectionOutcome Fatal(int closeCode, string reason) => new(ConnectionOutcomeKind.Fatal, closeCode, reason);
}
