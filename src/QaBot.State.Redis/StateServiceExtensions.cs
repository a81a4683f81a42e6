using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaBot.Answering.Conversations;
using QaBot.Answering.RateLimiting;

namespace QaBot.State.Redis;

public static class StateServiceExtensions
{
    /// <summary>The tag of the shared state's health check (<c>/healthz/state</c>).</summary>
    public const string HealthTag = "state";

    /// <summary>
    /// Chooses where the state shared by replicas lives (section <c>QaBot:State</c>, validated at start-up): with
    /// <c>Store</c> = <c>Memory</c> (default) nothing changes; with <c>Redis</c>, the conversation store and the rate
    /// limits' token buckets go to Redis, and a health check (tag <see cref="HealthTag"/>) reports an outage as Degraded.
    /// The key file, when used, is resolved against the content root.
    /// </summary>
    public static IHostApplicationBuilder AddSharedState(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHealthChecks();
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<StateOptions>)))
        {
            return builder;
        }

        services.AddOptions<StateOptions>()
            .BindConfiguration(StateOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StateOptions>, StateOptionsValidator>();
        var contentRoot = builder.Environment.ContentRootPath;
        services.PostConfigure<StateOptions>(options =>
        {
            if (!string.IsNullOrWhiteSpace(options.KeyFile))
            {
                options.KeyFile = Path.GetFullPath(options.KeyFile, contentRoot);
            }
        });
        services.AddConversations();

        var store = builder.Configuration.GetSection(StateOptions.SectionName)[nameof(StateOptions.Store)];
        if (!string.Equals(store, StateOptions.RedisStore, StringComparison.OrdinalIgnoreCase))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StateKeyProvider>();
        services.AddSingleton<RedisConnection>();
        services.AddHostedService<RedisConnectionStarter>();
        services.Replace(ServiceDescriptor.Singleton<IConversationStore, RedisConversationStore>());
        services.Replace(ServiceDescriptor.Singleton<ITokenBucketStore, RedisTokenBucketStore>());
        services.AddHealthChecks().AddCheck<RedisStateHealthCheck>("redis", HealthStatus.Degraded, [HealthTag]);
        return builder;
    }
}
