using Microsoft.Extensions.Hosting;

namespace QaBot.State.Redis;

/// <summary>Starts connecting to Redis when the host starts, without waiting, so that the first questions find it connected.</summary>
internal sealed class RedisConnectionStarter(RedisConnection connection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = connection.StartConnecting();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
