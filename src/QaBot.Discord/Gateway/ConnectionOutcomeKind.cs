namespace QaBot.Discord.Gateway;

/// <summary>How one gateway connection ended, and so what happens next.</summary>
internal enum ConnectionOutcomeKind
{
    /// <summary>Shut down on purpose.</summary>
    Stop,

    /// <summary>A close code no reconnect can fix: stop and report.</summary>
    Fatal,

    /// <summary>Discord asked to reconnect (opcode 7, 9) or the connection was a zombie: reconnect at once.</summary>
    ReconnectNow,

    /// <summary>The connection dropped or was closed: reconnect after a backoff.</summary>
    ReconnectLater,
}
