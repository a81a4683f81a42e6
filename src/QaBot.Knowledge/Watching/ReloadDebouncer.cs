using System.Threading.Channels;

namespace QaBot.Knowledge.Watching;

/// <summary>
/// Turns a burst of change signals into one reload: each <see cref="Signal"/> restarts a quiet-time timer, and
/// <see cref="WaitAsync"/> completes once the timer runs out. Signals that arrive while a reload runs make one more
/// reload afterwards, never more.
/// </summary>
internal sealed class ReloadDebouncer : IDisposable
{
    private readonly TimeSpan quietTime;
    private readonly ITimer timer;
    private readonly Channel<bool> due = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public ReloadDebouncer(TimeSpan quietTime, TimeProvider time)
    {
        this.quietTime = quietTime;
        timer = time.CreateTimer(_ => due.Writer.TryWrite(true), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Something changed: reload once nothing else has changed for the quiet time.</summary>
    public void Signal()
    {
        try
        {
            timer.Change(quietTime, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // a late file event while the watcher stops
        }
    }

    /// <summary>Completes when a reload is due.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => due.Reader.ReadAsync(cancellationToken).AsTask();

    public void Dispose() => timer.Dispose();
}
