using System.Globalization;
using Microsoft.Extensions.Options;
using QaBot.Analytics.Privacy;

namespace QaBot.Analytics;

/// <summary>
/// Checks <see cref="AnalyticsOptions"/> at start-up and reports every problem in one message, including a hash key
/// found in an appsettings file (a secret must come from the environment or user secrets).
/// </summary>
internal sealed class AnalyticsOptionsValidator(HashKeySource hashKeySource) : IValidateOptions<AnalyticsOptions>
{
    public const int MinHashKeyChars = 32;

    public ValidateOptionsResult Validate(string? name, AnalyticsOptions options)
    {
        var errors = new List<string>();
        if (!string.Equals(options.Provider, AnalyticsOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"QaBot:Analytics:Provider \"{options.Provider}\" is not supported; the only store today is \"{AnalyticsOptions.SqliteProvider}\".");
        }

        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            errors.Add("QaBot:Analytics:DatabasePath must name the analytics database file, e.g. .qabot/analytics.db.");
        }

        if (options.RetentionDays is < 1 or > 3650)
        {
            errors.Add(Format("QaBot:Analytics:RetentionDays must be between 1 and 3650 (days); it is {0}.", options.RetentionDays));
        }

        if (options.QueueCapacity is < 10 or > 1_000_000)
        {
            errors.Add(Format("QaBot:Analytics:QueueCapacity must be between 10 and 1,000,000; it is {0}.", options.QueueCapacity));
        }

        foreach (var (key, value, min, max) in new[]
                 {
                     ("CleanupInterval", options.CleanupInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7)),
                     ("RetryDelay", options.RetryDelay, TimeSpan.Zero, TimeSpan.FromHours(1)),
                     ("FlushTimeout", options.FlushTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(1)),
                     ("BusyTimeout", options.BusyTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)),
                 })
        {
            if (value < min || value > max)
            {
                errors.Add(Format("QaBot:Analytics:{0} must be between {1} and {2}; it is {3}.", key, min, max, value));
            }
        }

        if (options.HashKey is { } hashKey && hashKey.Trim().Length < MinHashKeyChars)
        {
            errors.Add(Format(
                "QaBot:Analytics:HashKey must be at least {0} characters (e.g. the output of `openssl rand -base64 32`), or unset to use a generated key file.",
                MinHashKeyChars));
        }

        if (options.Enabled && hashKeySource.FoundInFile is { } file)
        {
            errors.Add($"QaBot:Analytics:HashKey is set in {file}: a secret must not be kept in a settings file. " +
                       "Set it with the environment variable QaBot__Analytics__HashKey or user secrets.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
