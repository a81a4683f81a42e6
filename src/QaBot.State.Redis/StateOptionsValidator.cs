using Microsoft.Extensions.Options;

namespace QaBot.State.Redis;

/// <summary>Checks <see cref="StateOptions"/> at start-up and reports every problem in one message.</summary>
internal sealed class StateOptionsValidator : IValidateOptions<StateOptions>
{
    /// <summary>Shortest secret accepted for <see cref="StateOptions.Key"/>.</summary>
    public const int MinKeyChars = 32;

    private const string Section = StateOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, StateOptions options)
    {
        var errors = new List<string>();
        var memory = string.Equals(options.Store, StateOptions.MemoryStore, StringComparison.OrdinalIgnoreCase);
        if (!memory && !options.UsesRedis)
        {
            errors.Add($"{Section}:Store must be Memory (one replica) or Redis (several replicas sharing one Redis).");
        }

        if (options.UsesRedis)
        {
            var redis = options.Redis ?? new RedisStateOptions();
            if (string.IsNullOrWhiteSpace(redis.Configuration))
            {
                errors.Add($"{Section}:Redis:Configuration must be set when {Section}:Store is Redis (e.g. \"redis:6379,abortConnect=false\").");
            }
            else
            {
                try
                {
                    if (StackExchange.Redis.ConfigurationOptions.Parse(redis.Configuration).EndPoints.Count == 0)
                    {
                        errors.Add($"{Section}:Redis:Configuration names no server (host:port).");
                    }
                }
                catch (ArgumentException)
                {
                    errors.Add($"{Section}:Redis:Configuration is not a valid StackExchange.Redis configuration string.");
                }
            }

            if (string.IsNullOrWhiteSpace(redis.KeyPrefix) || redis.KeyPrefix.Length > 64)
            {
                errors.Add($"{Section}:Redis:KeyPrefix must be 1 to 64 characters.");
            }

            if (redis.Timeout < TimeSpan.FromMilliseconds(20) || redis.Timeout > TimeSpan.FromSeconds(5))
            {
                errors.Add($"{Section}:Redis:Timeout must be between 00:00:00.020 and 00:00:05.");
            }

            if (redis.ConnectTimeout < TimeSpan.FromMilliseconds(100) || redis.ConnectTimeout > TimeSpan.FromSeconds(30))
            {
                errors.Add($"{Section}:Redis:ConnectTimeout must be between 00:00:00.100 and 00:00:30.");
            }

            if (options.Key is { } key && !string.IsNullOrWhiteSpace(key) && key.Trim().Length < MinKeyChars)
            {
                errors.Add($"{Section}:Key must be at least {MinKeyChars} characters (a random secret, the same on every replica).");
            }

            if (string.IsNullOrWhiteSpace(options.Key) && string.IsNullOrWhiteSpace(options.KeyFile))
            {
                errors.Add($"{Section}:KeyFile must be set when no {Section}:Key is.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
