namespace QaBot.Discord.Gateway;

/// <summary>The gateway intents QaBot may ask for, and how the configuration chooses them.</summary>
[Flags]
internal enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged: must also be turned on in the Developer Portal.</summary>
    MessageContent = 1 << 15,
}
