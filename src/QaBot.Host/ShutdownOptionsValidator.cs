using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using QaBot.Discord;

namespace QaBot.Host;

/// <summary>
/// Checks the shutdown timeout against what must fit in it: Discord's drain of the answers in progress. Reads Discord's
/// settings from the configuration rather than its options, so that a problem there is reported once, by its own checks.
/// (A Teams request longer than the timeout is only cut off at shutdown, so <c>QaBot:Teams:RequestTimeout</c> is not checked.)
/// </summary>
internal sealed class ShutdownOptionsValidator(IConfiguration configuration) : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options)
    {
        var errors = new List<string>();
        var timeout = options.Timeout;
        if (timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{ShutdownOptions.SectionName}:Timeout must be between 00:00:01 and 00:10:00.");
        }

        if (Read<DiscordOptions>(DiscordOptions.SectionName) is { Enabled: true } discord && TimeSpan.FromSeconds(discord.DrainSeconds) >= timeout)
        {
            errors.Add(string.Format(CultureInfo.InvariantCulture,
                "QaBot:Discord:DrainSeconds ({0}) must be shorter than {1}:Timeout ({2}), or answers in progress are cut off at shutdown.",
                discord.DrainSeconds, ShutdownOptions.SectionName, timeout));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The section's settings, or null when they fail their own checks (which report them: once is enough).</summary>
    private T? Read<T>(string section)
        where T : class, new()
    {
        T settings;
        try
        {
            settings = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException)
        {
            return null; // a value of the wrong type
        }

        return Validator.TryValidateObject(settings, new ValidationContext(settings), null, validateAllProperties: true) ? settings : null;
    }
}
