using System.Reflection;

namespace QaBot.Discord;

/// <summary>The <c>User-Agent: DiscordBot (url, version)</c> header Discord asks of bots, on REST calls and the gateway.</summary>
internal static class DiscordUserAgent
{
    public static string Version { get; } =
        (typeof(DiscordUserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0")
        .Split('+')[0];

    public static string For(DiscordOptions options) => $"DiscordBot ({options.UserAgentUrl}, {Version})";
}
