using System.Globalization;
using Microsoft.Extensions.Options;

namespace QaBot.Answering.RateLimiting;

/// <summary>Checks <see cref="RateLimitOptions"/> at start-up and reports every problem in one message.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    private const string Section = RateLimitOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = new List<string>();
        CheckBucket(errors, "PerUser", options.PerUser);
        CheckBucket(errors, "Global", options.Global);
        if (options.MaxConcurrentAnswers is < 0 or > 10_000)
        {
            errors.Add($"{Section}:MaxConcurrentAnswers must be between 0 (no limit) and 10000.");
        }

        if (options.MaxQueuedAnswers is < 0 or > 100_000)
        {
            errors.Add($"{Section}:MaxQueuedAnswers must be between 0 and 100000.");
        }

        if (options.QueueTimeout <= TimeSpan.Zero || options.QueueTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{Section}:QueueTimeout must be more than 0 and at most 00:05:00.");
        }

        CheckText(errors, "UserLimitedText", options.UserLimitedText, placeholder: true);
        CheckText(errors, "GlobalLimitedText", options.GlobalLimitedText, placeholder: false);
        CheckText(errors, "BusyText", options.BusyText, placeholder: false);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckBucket(List<string> errors, string key, TokenBucketOptions? bucket)
    {
        if (bucket is null)
        {
            errors.Add($"{Section}:{key} must be set.");
            return;
        }

        if (bucket.TokenLimit is < 1 or > 1_000_000)
        {
            errors.Add($"{Section}:{key}:TokenLimit must be between 1 and 1000000.");
        }

        if (bucket.TokensPerPeriod < 1 || bucket.TokensPerPeriod > bucket.TokenLimit)
        {
            errors.Add($"{Section}:{key}:TokensPerPeriod must be at least 1 and at most TokenLimit.");
        }

        if (bucket.ReplenishmentPeriod < TimeSpan.FromMilliseconds(10) || bucket.ReplenishmentPeriod > TimeSpan.FromDays(1))
        {
            errors.Add($"{Section}:{key}:ReplenishmentPeriod must be between 00:00:00.010 and 1.00:00:00.");
        }
    }

    private static void CheckText(List<string> errors, string key, string? text, bool placeholder)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
        {
            errors.Add($"{Section}:{key} must be a polite sentence of at most 500 characters.");
            return;
        }

        if (placeholder)
        {
            try
            {
                _ = string.Format(CultureInfo.InvariantCulture, text, 1);
            }
            catch (FormatException)
            {
                errors.Add($"{Section}:{key} may only use the placeholder {{0}} (the seconds to wait).");
            }
        }
    }
}
