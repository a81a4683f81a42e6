using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Turns;

namespace QaBot.Host.Web;

/// <summary>
/// Bounds the question turns of <c>POST /api/ask</c> running at once (<see cref="WebOptions.MaxConcurrentAsks"/>). Answering
/// is CPU work done on request threads: unbounded, a flood takes every thread-pool thread, so that <c>/healthz</c> waits
/// behind it and nobody gets a prompt "busy". Over the bound a question gets 503 "busy" with <c>Retry-After</c> at once,
/// without waiting; a message the question turn's triage finds urgent (its first step) always goes on to its reply. With <see cref="ReserveThreads"/> the thread pool keeps threads free beyond the bound.
/// </summary>
internal sealed partial class AskGate(
    IOptions<WebOptions> options,
    IOptions<RateLimitOptions> limits,
    IOptions<AnsweringOptions> answering,
    ILogger<AskGate> logger)
{
    /// <summary>What a "busy" reply suggests waiting (as the answering slots' own busy reply).</summary>
    public static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(5);

    private int running;

    /// <summary>Question turns of the API running now.</summary>
    public int Running => Volatile.Read(ref running);

    public async Task<TurnResult> AskAsync(IQuestionTurn turn, TurnRequest request, CancellationToken cancellationToken)
    {
        var bound = options.Value.MaxConcurrentAsks;
        if (bound == 0)
        {
            return await turn.AskAsync(request, cancellationToken);
        }

        // The bound is the turn's platform gate: the turn asks it only after its own triage (with the conversation's
        // urgent turns, failing closed), so a message that needs urgent help is never refused as busy.
        var admitted = false;
        var gated = request with
        {
            PlatformGate = () =>
            {
                if (request.PlatformGate?.Invoke() is { } refused)
                {
                    return refused;
                }

                if (Interlocked.Increment(ref running) > bound)
                {
                    Interlocked.Decrement(ref running);
                    LogBusy(logger, bound);
                    return new TurnRefusal(RateLimitOutcome.Busy, BusyRetryAfter, limits.Value.BusyText, answering.Value.Reminder);
                }

                admitted = true;
                return null;
            },
        };
        try
        {
            return await turn.AskAsync(gated, cancellationToken);
        }
        finally
        {
            if (admitted)
            {
                Interlocked.Decrement(ref running);
            }
        }
    }

    /// <summary>
    /// Raises the thread pool's minimum so that the bounded turns, even each blocking a thread, leave threads for the
    /// health probes and the I/O (without waiting for the pool's slow thread injection).
    /// </summary>
    public static void ReserveThreads(int maxConcurrentAsks)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        var wanted = maxConcurrentAsks + (4 * Environment.ProcessorCount);
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, io);
        }
    }

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "API question refused as busy: {Bound} question turns already running")]
    private static partial void LogBusy(ILogger logger, int bound);
}
