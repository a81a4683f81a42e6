using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QaBot.Discord;

/// <summary>
/// Discord's part of <c>/readyz</c> (tag <see cref="Answering.Hosting.HealthTags.Ready"/>): unhealthy once the bot has
/// stopped for good (a refused token, sharding or intents), with the reason; the connection's state in every case.
/// </summary>
internal sealed class DiscordReadinessCheck(IDiscordHealth health) : IHealthCheck
{
    public const string Name = "discord";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["state"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(health.State.ToString()) };
        return Task.FromResult(health.State == DiscordConnectionState.Failed
            ? HealthCheckResult.Unhealthy(health.FailureReason, data: data)
            : HealthCheckResult.Healthy(data: data));
    }
}
