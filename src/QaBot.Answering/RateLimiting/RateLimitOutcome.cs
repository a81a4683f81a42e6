namespace QaBot.Answering.RateLimiting;

/// <summary>Why a question was or was not taken.</summary>
public enum RateLimitOutcome
{
    /// <summary>Taken.</summary>
    Allowed,

    /// <summary>The user asked more than their own limit allows.</summary>
    UserLimited,

    /// <summary>Everyone together asked more than the global limit allows.</summary>
    GlobalLimited,

    /// <summary>Every answering slot is taken and the queue is full (or the wait was too long).</summary>
    Busy,
}
