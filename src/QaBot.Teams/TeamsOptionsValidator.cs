using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace QaBot.Teams;

/// <summary>Checks the bot registration as a whole and reports every problem in one message, at start-up.</summary>
internal sealed class TeamsOptionsValidator(IConfiguration configuration) : IValidateOptions<TeamsOptions>
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var errors = new List<string>();
        var appType = string.IsNullOrWhiteSpace(options.MicrosoftAppType) ? "MultiTenant" : options.MicrosoftAppType.Trim();
        var isMsi = appType.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);

        if (!AppTypes.Contains(appType, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"MicrosoftAppType must be one of {string.Join(", ", AppTypes)}.");
        }

        if (options.Authenticated)
        {
            if (!Guid.TryParse(options.MicrosoftAppId, out _))
            {
                errors.Add("MicrosoftAppId must be the bot's app (client) id, a GUID.");
            }

            if (options.LocalMode)
            {
                errors.Add($"{TeamsOptions.SectionName}:LocalMode cannot be combined with MicrosoftAppId: local mode is for the Emulator without an app id.");
            }

            if (isMsi && hasPassword)
            {
                errors.Add("MicrosoftAppPassword must not be set for MicrosoftAppType UserAssignedMSI.");
            }

            if (!isMsi && !hasPassword)
            {
                errors.Add("MicrosoftAppPassword (the app's client secret) is required with MicrosoftAppId.");
            }

            if ((isMsi || appType.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase)) && !hasTenant)
            {
                errors.Add($"MicrosoftAppTenantId is required for MicrosoftAppType {appType}.");
            }
        }
        else if (hasPassword || hasTenant)
        {
            errors.Add("MicrosoftAppPassword or MicrosoftAppTenantId is set but MicrosoftAppId is not: set the app id, or remove them.");
        }

        if (configuration["ValidateAuthority"] is { } validateAuthority && !bool.TryParse(validateAuthority, out _))
        {
            errors.Add("ValidateAuthority must be true or false.");
        }

        if (options.ModeratorAadObjectIds.Any(id => !Guid.TryParse(id, out _)))
        {
            errors.Add($"{TeamsOptions.SectionName}:ModeratorAadObjectIds must hold Microsoft Entra object ids (GUIDs).");
        }

        ValidateModeratorChannel(options, errors);

        if (options.AuthenticationTimeout >= options.RequestTimeout)
        {
            errors.Add($"{TeamsOptions.SectionName}:AuthenticationTimeout must be shorter than {TeamsOptions.SectionName}:RequestTimeout.");
        }

        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Microsoft Teams settings: " + string.Join(" ", errors));
    }

    /// <summary>The moderators' conversation: both values or neither; the bot's token goes to the service URL, so it must
    /// be https (http only on this machine); in local mode only a loopback URL can be reached.</summary>
    private static void ValidateModeratorChannel(TeamsOptions options, List<string> errors)
    {
        var channel = options.ModeratorChannel;
        if (!channel.IsConfigured)
        {
            return;
        }

        const string key = TeamsOptions.SectionName + ":ModeratorChannel";
        if (string.IsNullOrWhiteSpace(channel.ServiceUrl) || string.IsNullOrWhiteSpace(channel.ConversationId))
        {
            errors.Add($"{key} needs both ServiceUrl and ConversationId.");
            return;
        }

        var https = Uri.TryCreate(channel.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && url.UserInfo.Length == 0;
        if (!https && !LoopbackAddress.IsLoopbackServiceUrl(channel.ServiceUrl))
        {
            errors.Add($"{key}:ServiceUrl must be an https URL, e.g. https://smba.trafficmanager.net/emea/.");
        }
        else if (options.LocalMode && !LoopbackAddress.IsLoopbackServiceUrl(channel.ServiceUrl))
        {
            errors.Add($"{key}:ServiceUrl must be a loopback URL in local mode: local mode never sends anywhere else.");
        }

        if (!options.Enabled)
        {
            errors.Add($"{key} is set but Teams is off: set MicrosoftAppId (or {TeamsOptions.SectionName}:LocalMode).");
        }
    }
}
