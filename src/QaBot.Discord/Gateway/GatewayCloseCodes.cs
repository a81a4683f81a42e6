namespace QaBot.Discord.Gateway;

/// <summary>Discord's gateway close codes and what QaBot does on each.</summary>
internal static class GatewayCloseCodes
{
    public const int SessionTimedOut = 4009;
    public const int InvalidSequence = 4007;

    /// <summary>The code QaBot closes with when it means to resume (1000 and 1001 would end the session).</summary>
    public const int Reconnecting = 4000;

    /// <summary>Close codes that no reconnect can fix, with what to do about them; null for the others.</summary>
    public static string? FatalReason(int code) => code switch
    {
        4004 => "authentication failed: the bot token is wrong or was reset (QaBot:Discord:Token)",
        4010 => "invalid shard: check QaBot:Discord:ShardId and ShardCount",
        4011 => "sharding required: the bot is in too many guilds for one shard; set QaBot:Discord:ShardCount",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: turn on the Message Content intent in the Developer Portal (Bot, Privileged Gateway Intents) " +
                "or set QaBot:Discord:MessageContentIntent to false",
        _ => null,
    };

    /// <summary>Codes after which the session cannot be resumed: a new one is identified.</summary>
    public static bool EndsSession(int code) => code is InvalidSequence or SessionTimedOut;
}
