using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace QaBot.Answering.RateLimiting;

/// <summary>
/// <see cref="IQuestionRateLimiter"/> with System.Threading.RateLimiting: per-user token buckets and one global bucket in
/// an <see cref="ITokenBucketStore"/> (this process's <see cref="InMemoryTokenBucketStore"/> by default, Redis when the
/// replicas share one), and, always in this process, a <see cref="ConcurrencyLimiter"/> whose queue is bounded in length and in waiting time, so a flood of questions
/// cannot grow memory. Counts every rejection (<see cref="AnsweringMetrics"/>), never who was rejected.
/// </summary>
internal sealed class QuestionRateLimiter : IQuestionRateLimiter, IDisposable
{
    /// <summary>What a "busy" reply suggests waiting.</summary>
    internal static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The id of the bucket everyone shares.</summary>
    public const string GlobalBucket = "global";

    /// <summary>The ids of the per-user buckets start with this, then <c>platform:userKey</c>.</summary>
    public const string UserBucketPrefix = "user:";

    private readonly RateLimitOptions options;
    private readonly TimeProvider time;
    private readonly AnsweringMetrics metrics;
    private readonly ITokenBucketStore buckets;
    private readonly InMemoryTokenBucketStore? ownBuckets;
    private readonly ConcurrencyLimiter? slots;

    /// <param name="buckets">Where the token buckets live; null: in this process.</param>
    public QuestionRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time, AnsweringMetrics metrics, ITokenBucketStore? buckets = null)
    {
        this.options = options.Value;
        this.time = time;
        this.metrics = metrics;
        if (buckets is null)
        {
            ownBuckets = new InMemoryTokenBucketStore(time);
            buckets = ownBuckets;
        }

        this.buckets = buckets;
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
            var user = buckets.Take(UserBucketPrefix + platform + ":" + userKey, options.PerUser);
            if (!user.Acquired)
            {
                var wait = user.RetryAfter;
                metrics.RecordRejection(platform, RateLimitOutcome.UserLimited);
                var decision = new RateLimitDecision(RateLimitOutcome.UserLimited, wait, "");
                return decision with
                {
                    Reply = string.Format(CultureInfo.InvariantCulture, options.UserLimitedText, decision.RetryAfterSeconds),
                };
            }
        }

        var global = buckets.Take(GlobalBucket, options.Global);
        if (!global.Acquired)
        {
            metrics.RecordRejection(platform, RateLimitOutcome.GlobalLimited);
            return new RateLimitDecision(RateLimitOutcome.GlobalLimited, global.RetryAfter, options.GlobalLimitedText);
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
        ownBuckets?.Dispose();
        slots?.Dispose();
    }

    private AnswerSlot Busy(string platform)
    {
        metrics.RecordRejection(platform, RateLimitOutcome.Busy);
        return new AnswerSlot(new RateLimitDecision(RateLimitOutcome.Busy, BusyRetryAfter, options.BusyText), null);
    }
}
