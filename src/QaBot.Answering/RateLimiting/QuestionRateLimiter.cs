using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace QaBot.Answering.RateLimiting;

/// <summary>
/// <see cref="IQuestionRateLimiter"/> with System.Threading.RateLimiting: a <see cref="PartitionedRateLimiter"/> of
/// per-user <see cref="TimeProviderTokenBucket"/>s (a bucket is forgotten once it is full again), one global bucket,
/// and a <see cref="ConcurrencyLimiter"/> whose queue is bounded in length and in waiting time, so a flood of questions
/// cannot grow memory. Counts every rejection (<see cref="AnsweringMetrics"/>), never who was rejected.
/// </summary>
internal sealed class QuestionRateLimiter : IQuestionRateLimiter, IDisposable
{
    /// <summary>What a "busy" reply suggests waiting.</summary>
    internal static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(5);

    private readonly RateLimitOptions options;
    private readonly TimeProvider time;
    private readonly AnsweringMetrics metrics;
    private readonly PartitionedRateLimiter<string> users;
    private readonly TimeProviderTokenBucket global;
    private readonly ConcurrencyLimiter? slots;

    public QuestionRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time, AnsweringMetrics metrics)
    {
        this.options = options.Value;
        this.time = time;
        this.metrics = metrics;
        var perUser = this.options.PerUser;
        users = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(key, _ => new TimeProviderTokenBucket(perUser, time)));
        global = new TimeProviderTokenBucket(this.options.Global, time);
        if (this.options.MaxConcurrentAnswers > 0)
        {
            slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = this.options.MaxConcurrentAnswers,
                QueueLimit = this.options.MaxQueuedAnswers,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            metrics.ObserveAnswerSlots(
                () => this.options.MaxConcurrentAnswers - (slots.GetStatistics()?.CurrentAvailablePermits ?? 0),
                () => slots.GetStatistics()?.CurrentQueuedCount ?? 0);
        }
    }

    public RateLimitDecision TryAcquire(string platform, string? userKey)
    {
        if (!options.Enabled)
        {
            return RateLimitDecision.Allow;
        }

        if (userKey is not null)
        {
            using var lease = users.AttemptAcquire(platform + ":" + userKey);
            if (!lease.IsAcquired)
            {
                var wait = RetryAfter(lease);
                metrics.RecordRejection(platform, RateLimitOutcome.UserLimited);
                var decision = new RateLimitDecision(RateLimitOutcome.UserLimited, wait, "");
                return decision with
                {
                    Reply = string.Format(CultureInfo.InvariantCulture, options.UserLimitedText, decision.RetryAfterSeconds),
                };
            }
        }

        using (var lease = global.AttemptAcquire())
        {
            if (!lease.IsAcquired)
            {
                metrics.RecordRejection(platform, RateLimitOutcome.GlobalLimited);
                return new RateLimitDecision(RateLimitOutcome.GlobalLimited, RetryAfter(lease), options.GlobalLimitedText);
            }
        }

        return RateLimitDecision.Allow;
    }

    public async ValueTask<AnswerSlot> EnterAsync(string platform, CancellationToken cancellationToken)
    {
        if (slots is null)
        {
            return new AnswerSlot(RateLimitDecision.Allow, null);
        }

        var lease = slots.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            using var timeout = new CancellationTokenSource(options.QueueTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                lease = await slots.AcquireAsync(1, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Busy(platform);
            }

            if (!lease.IsAcquired)
            {
                lease.Dispose();
                return Busy(platform);
            }
        }

        return new AnswerSlot(RateLimitDecision.Allow, lease);
    }

    public void Dispose()
    {
        users.Dispose();
        global.Dispose();
        slots?.Dispose();
    }

    private AnswerSlot Busy(string platform)
    {
        metrics.RecordRejection(platform, RateLimitOutcome.Busy);
        return new AnswerSlot(new RateLimitDecision(RateLimitOutcome.Busy, BusyRetryAfter, options.BusyText), null);
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
}
