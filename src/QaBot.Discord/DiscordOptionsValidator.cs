using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QaBot.Discord;

/// <summary>
/// Checks the Discord settings at start-up, when Discord is enabled, and reports every problem in one message; among them,
/// that the drain of the answers in progress fits in the host's shutdown timeout (<see cref="HostOptions.ShutdownTimeout"/>).
/// </summary>
internal sealed class DiscordOptionsValidator(IOptions<HostOptions> host) : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            errors.Add("Discord is enabled (QaBot:Discord:Enabled) but QaBot:Discord:Token is not set: set the bot token with " +
                       "the environment variable QaBot__Discord__Token or user secrets, or set QaBot:Discord:Enabled to false.");
        }
        else if (options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("QaBot:Discord:Token must be the bare token, without the \"Bot \" prefix.");
        }

        if (!IsAbsolute(options.ApiBaseUrl, "http", "https"))
        {
            errors.Add("QaBot:Discord:ApiBaseUrl must be an absolute http(s) URL, e.g. https://discord.com/api/v10.");
        }

        if (options.GatewayUrl is { Length: > 0 } gateway && !IsAbsolute(gateway, "ws", "wss"))
        {
            errors.Add("QaBot:Discord:GatewayUrl must be an absolute ws(s) URL, e.g. wss://gateway.discord.gg, or empty.");
        }

        if (options.ShardId >= options.ShardCount)
        {
            errors.Add(string.Format(CultureInfo.InvariantCulture,
                "QaBot:Discord:ShardId ({0}) must be less than QaBot:Discord:ShardCount ({1}).", options.ShardId, options.ShardCount));
        }

        if (options.InteractionsEndpoint && !IsHex(options.PublicKey, 64))
        {
            errors.Add("QaBot:Discord:InteractionsEndpoint is on, so QaBot:Discord:PublicKey must be the application's public key " +
                       "(64 hex characters, Developer Portal, General Information).");
        }

        if (!options.UseGateway && !options.InteractionsEndpoint)
        {
            errors.Add("Neither QaBot:Discord:UseGateway nor QaBot:Discord:InteractionsEndpoint is on: the bot would receive nothing.");
        }

        if (options.ApplicationId is { Length: > 0 } application && !IsSnowflake(application))
        {
            errors.Add("QaBot:Discord:ApplicationId must be a numeric Discord id.");
        }

        if (options.ModeratorChannelId is { Length: > 0 } moderatorChannel && !IsSnowflake(moderatorChannel))
        {
            errors.Add("QaBot:Discord:ModeratorChannelId must be a numeric Discord channel id, or empty.");
        }

        foreach (var (key, ids) in new[]
                 {
                     ("CommandGuildIds", options.CommandGuildIds), ("AllowedChannelIds", options.AllowedChannelIds), ("ModeratorRoleIds", options.ModeratorRoleIds),
                 })
        {
            if (ids.Any(id => !IsSnowflake(id)))
            {
                errors.Add($"QaBot:Discord:{key} must hold numeric Discord ids.");
            }
        }

        var shutdown = host.Value.ShutdownTimeout;
        if (TimeSpan.FromSeconds(options.DrainSeconds) >= shutdown)
        {
            errors.Add(string.Format(CultureInfo.InvariantCulture,
                "QaBot:Discord:DrainSeconds ({0}) must be shorter than QaBot:Shutdown:Timeout ({1}), or answers in progress are cut off at shutdown.",
                options.DrainSeconds, shutdown));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsAbsolute(string? url, params string[] schemes) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);

    private static bool IsSnowflake(string? id) => id is { Length: > 0 and <= 20 } && id.All(char.IsAsciiDigit);

    private static bool IsHex(string? value, int length) => value?.Length == length && value.All(char.IsAsciiHexDigit);
}
