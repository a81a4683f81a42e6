using Microsoft.Extensions.Options;

namespace QaBot.Host;

/// <summary>
/// Checks the shutdown timeout's range. What must fit in it is checked by its owner: Discord's drain by Discord's checks
/// (a Teams request longer than the timeout is only cut off at shutdown).
/// </summary>
internal sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options)
    {
        var timeout = options.Timeout;
        return timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromMinutes(10)
            ? ValidateOptionsResult.Fail($"{ShutdownOptions.SectionName}:Timeout must be between 00:00:01 and 00:10:00.")
            : ValidateOptionsResult.Success;
    }
}
