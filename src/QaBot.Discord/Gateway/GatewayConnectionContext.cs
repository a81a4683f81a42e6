using Microsoft.Extensions.Logging;

namespace QaBot.Discord.Gateway;

/// <summary>What every connection of one gateway client shares.</summary>
internal sealed record GatewayConnectionContext(
    DiscordOptions Options,
    GatewaySession Session,
    IdentifyGate IdentifyGate,
    DiscordStatus Status,
    TimeProvider Time,
    Jitter Jitter,
    ILogger Logger);
