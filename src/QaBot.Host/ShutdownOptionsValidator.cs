using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using QaBot.Discord;
using QaBot.Teams;

namespace QaBot.Host;

/// <summary>
/// Checks the shutdown timeout against what must fit in it: Discord's drain and a Teams request. Reads those settings
/// from the configuration rather than their options, so that a problem there is reported once, by their own checks.
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

        var teamsEnabled = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"])
                           || configuration.GetSection(TeamsOptions.SectionName).GetValue<string>(nameof(TeamsOptions.LocalMode)) is { } local
                              && bool.TryParse(local, out var on) && on;
        if (teamsEnabled && Read<TeamsOptions>(TeamsOptions.SectionName) is { } teams && teams.RequestTimeout >= timeout)
        {
            errors.Add($"QaBot:Teams:RequestTimeout ({teams.RequestTimeout}) must be shorter than {ShutdownOptions.SectionName}:Timeout ({timeout}), or Teams requests in progress are cut off at shutdown.");
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
