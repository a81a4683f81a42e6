using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace QaBot.State.Redis;

/// <summary>
/// The one connection of this process to Redis, opened on first use and re-opened in the background after an outage.
/// Every command's wait is bounded by <see cref="RedisStateOptions.Timeout"/>, and nothing waits for the connection to
/// be made (it is made in the background, bounded by <see cref="RedisStateOptions.ConnectTimeout"/>). While Redis
/// cannot be reached, <see cref="TryGetDatabase"/> returns null at once, so callers fall back without waiting; the outage
/// is logged once as a warning when it starts and once when it ends.
/// </summary>
internal sealed partial class RedisConnection : IDisposable
{
    private readonly RedisStateOptions options;
    private readonly ILogger<RedisConnection> logger;
    private readonly Lock gate = new();
    private readonly string endpoints;
    private ConnectionMultiplexer? multiplexer;
    private Task<ConnectionMultiplexer?>? connecting;
    private int down;
    private bool disposed;

    public RedisConnection(IOptions<StateOptions> options, ILogger<RedisConnection> logger)
    {
        this.options = options.Value.Redis;
        this.logger = logger;
        Configuration = ConfigurationOptions.Parse(this.options.Configuration ?? "");
        var timeout = (int)Math.Ceiling(this.options.Timeout.TotalMilliseconds);
        Configuration.AbortOnConnectFail = false;
        Configuration.ConnectTimeout = (int)Math.Ceiling(this.options.ConnectTimeout.TotalMilliseconds);
        Configuration.SyncTimeout = timeout;
        Configuration.AsyncTimeout = timeout;
        Configuration.ConnectRetry = 1;
        Configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        endpoints = string.Join(",", Configuration.EndPoints.Select(e => e.ToString()));
    }

    /// <summary>The client's settings (timeouts already bounded).</summary>
    public ConfigurationOptions Configuration { get; }

    /// <summary>Every key QaBot writes starts with this.</summary>
    public string KeyPrefix => options.KeyPrefix;

    /// <summary>Longest wait for one command.</summary>
    public TimeSpan Timeout => options.Timeout;

    /// <summary>Whether Redis answered the last time it was asked (false during an outage).</summary>
    public bool IsAvailable => Volatile.Read(ref down) == 0 && multiplexer?.IsConnected == true;

    /// <summary>
    /// The database, or null while Redis cannot be reached (then the caller goes on without it). Never waits: before the
    /// first connection is made (it is started here, or at start-up by <see cref="StartConnecting"/>), it returns null.
    /// </summary>
    public IDatabase? TryGetDatabase()
    {
        var connecting = StartConnecting();
        if (!connecting.IsCompleted)
        {
            return null; // still connecting (start-up): no outage to report yet
        }

        var connection = connecting.Result;
        if (connection is null || !connection.IsConnected)
        {
            ReportFailure("not connected");
            return null;
        }

        return connection.GetDatabase();
    }

    /// <summary>
    /// Waits (at most <see cref="RedisStateOptions.ConnectTimeout"/>) until the first connection attempt has ended and
    /// returns the database when connected, else null. For a command that must reach Redis (forget-me) and for tests.
    /// </summary>
    public async Task<IDatabase?> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartConnecting().WaitAsync(options.ConnectTimeout + options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }

        return TryGetDatabase();
    }

    /// <summary>Starts connecting (once) without waiting; abortConnect=false keeps retrying in the background after a failure.</summary>
    public Task<ConnectionMultiplexer?> StartConnecting()
    {
        if (Volatile.Read(ref connecting) is { } started)
        {
            return started;
        }

        lock (gate)
        {
            return connecting ??= disposed ? Task.FromResult<ConnectionMultiplexer?>(null) : ConnectCoreAsync();
        }
    }

    /// <summary>A command failed or timed out: warns once per outage.</summary>
    public void ReportFailure(Exception exception) => ReportFailure(exception.GetType().Name);

    /// <summary>A command succeeded: ends an outage (logged once).</summary>
    public void ReportSuccess()
    {
        if (Interlocked.Exchange(ref down, 0) == 1)
        {
            LogRestored(logger, endpoints);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            multiplexer?.Dispose();
            multiplexer = null;
        }
    }

    private void ReportFailure(string reason)
    {
        if (Interlocked.Exchange(ref down, 1) == 0)
        {
            LogOutage(logger, endpoints, reason);
        }
    }

    private async Task<ConnectionMultiplexer?> ConnectCoreAsync()
    {
        try
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(Configuration).ConfigureAwait(false);
            connection.ConnectionFailed += (_, e) => ReportFailure(e.FailureType.ToString());
            connection.ConnectionRestored += (_, _) => ReportSuccess();
            lock (gate)
            {
                if (disposed)
                {
                    connection.Dispose();
                    return null;
                }

                multiplexer = connection;
            }

            return connection;
        }
        catch (RedisException ex)
        {
            ReportFailure(ex);
            return null;
        }
    }

    [LoggerMessage(EventId = 7110, Level = LogLevel.Warning,
        Message = "Shared state: Redis at {Endpoints} cannot be reached ({Reason}). Answering goes on without conversation context, " +
                  "and each replica applies the rate limits on its own, until Redis is back.")]
    private static partial void LogOutage(ILogger logger, string endpoints, string reason);

    [LoggerMessage(EventId = 7111, Level = LogLevel.Information,
        Message = "Shared state: Redis at {Endpoints} is reachable again; conversation context and shared rate limits are back.")]
    private static partial void LogRestored(ILogger logger, string endpoints);
}
