using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QaBot.State.Redis;

/// <summary>
/// Reports Redis: Healthy when reachable, Degraded (never Unhealthy) when not, because QaBot still answers without it;
/// a probe on this check must not restart or take out a replica for an outage of the shared store.
/// </summary>
internal sealed class RedisStateHealthCheck(RedisConnection connection) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        if (connection.TryGetDatabase() is not null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Redis is reachable: conversation context and rate limits are shared."));
        }

        return Task.FromResult(HealthCheckResult.Degraded(
            "Redis cannot be reached: answering goes on without conversation context, and each replica applies the rate limits on its own."));
    }
}
