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

        if (options.AuthenticationTimeout >= options.RequestTimeout)
        {
            errors.Add($"{TeamsOptions.SectionName}:AuthenticationTimeout must be shorter than {TeamsOptions.SectionName}:RequestTimeout.");
        }

        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Microsoft Teams settings: " + string.Join(" ", errors));
    }
}
