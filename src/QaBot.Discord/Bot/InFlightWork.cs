using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using QaBot.Discord.Rest;

namespace QaBot.Discord.Bot;

/// <summary>
/// Answers being worked on, off the gateway's receive loop. At shutdown <see cref="DrainAsync"/> stops new work and
/// lets what is running finish (up to a time limit, then it is cancelled).
/// </summary>
internal sealed partial class InFlightWork(TimeProvider time, ILogger<InFlightWork> logger) : IDisposable
{
    private readonly CancellationTokenSource abort = new();
    private readonly ConcurrentDictionary<long, Task> running = new();
    private long nextId;
    private volatile bool draining;

    public int Count => running.Count;

    /// <summary>Starts <paramref name="work"/> in the background; false when shutting down.</summary>
    public bool Run(string what, Func<CancellationToken, Task> work)
    {
        if (draining)
        {
            return false;
        }

        var id = Interlocked.Increment(ref nextId);
        var starter = new Task<Task>(() => RunOneAsync(id, what, work));
        running[id] = starter.Unwrap();
        starter.Start(TaskScheduler.Default);
        return true;
    }

    /// <summary>Stops accepting work and waits for the running work, at most <paramref name="timeout"/>.</summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        draining = true;
        var pending = running.Values.ToList();
        if (pending.Count == 0)
        {
            return;
        }

        LogDraining(logger, pending.Count);
        try
        {
            await Task.WhenAll(pending).WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            LogAbandoned(logger, running.Count);
            await abort.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => abort.Dispose();

    private async Task RunOneAsync(long id, string what, Func<CancellationToken, Task> work)
    {
        try
        {
            await work(abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // shutdown
        }
        catch (DiscordRestException ex)
        {
            LogRefused(logger, what, ex.Route, (int)ex.Status); // the REST client has logged why, in one line: no stack trace
        }
        catch (Exception ex)
        {
            LogFailed(logger, what, ex);
        }
        finally
        {
            running.TryRemove(id, out _);
        }
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Error, Message = "Discord: handling a {What} failed")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);

    [LoggerMessage(EventId = 6304, Level = LogLevel.Warning, Message = "Discord: handling a {What} failed: Discord did not take {Route} ({Status})")]
    private static partial void LogRefused(ILogger logger, string what, string route, int status);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Discord: waiting for {Count} answers in progress before shutting down")]
    private static partial void LogDraining(ILogger logger, int count);

    [LoggerMessage(EventId = 6303, Level = LogLevel.Warning, Message = "Discord: {Count} answers did not finish in time and were cancelled")]
    private static partial void LogAbandoned(ILogger logger, int count);
}
