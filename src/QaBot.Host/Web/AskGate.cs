using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Safety;
using QaBot.Answering.Turns;

namespace QaBot.Host.Web;

/// <summary>
/// Bounds the question turns of <c>POST /api/ask</c> running at once (<see cref="WebOptions.MaxConcurrentAsks"/>). Answering
/// is CPU work done on request threads: unbounded, a flood takes every thread-pool thread, so that <c>/healthz</c> waits
/// behind it and nobody gets a prompt "busy". Over the bound a question gets 503 "busy" with <c>Retry-After</c> at once,
/// without waiting, unless the safety rules (run without the embedding, which is cheap) find it urgent: an urgent message
/// always goes on to its reply. With <see cref="ReserveThreads"/> the thread pool keeps threads free beyond the bound.
/// </summary>
internal sealed partial class AskGate(
    IOptions<WebOptions> options,
    IOptions<RateLimitOptions> limits,
    IOptions<AnsweringOptions> answering,
    ISafetyTriage triage,
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

        if (Interlocked.Increment(ref running) > bound && !IsUrgent(request.Text))
        {
            Interlocked.Decrement(ref running);
            LogBusy(logger, bound);
            return TurnResult.Refused(new TurnRefusal(RateLimitOutcome.Busy, BusyRetryAfter, limits.Value.BusyText, answering.Value.Reminder));
        }

        try
        {
            return await turn.AskAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref running);
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

    /// <summary>The rules alone; a failure counts as urgent (fail closed, as the question turn does).</summary>
    private bool IsUrgent(string? text)
    {
        try
        {
            return triage.Assess(TextCleaner.Clean(text ?? ""), null) is not null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return true;
        }
    }

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "API question refused as busy: {Bound} question turns already running")]
    private static partial void LogBusy(ILogger logger, int bound);
}
