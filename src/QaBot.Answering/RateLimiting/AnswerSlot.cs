using System.Threading.RateLimiting;

namespace QaBot.Answering.RateLimiting;

/// <summary>
/// One of the answering slots of <see cref="IQuestionRateLimiter.EnterAsync"/>; dispose it when the answer is done.
/// When <see cref="Decision"/> is not allowed, no slot was free in time and the reply is "busy".
/// </summary>
public sealed class AnswerSlot : IDisposable
{
    private readonly RateLimitLease? lease;

    internal AnswerSlot(RateLimitDecision decision, RateLimitLease? lease)
    {
        Decision = decision;
        this.lease = lease;
    }

    public RateLimitDecision Decision { get; }

    public bool Acquired => Decision.Allowed;

    public void Dispose() => lease?.Dispose();
}
