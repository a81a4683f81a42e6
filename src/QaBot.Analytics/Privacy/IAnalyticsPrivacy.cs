using QaBot.Analytics.Storage;

namespace QaBot.Analytics.Privacy;

/// <summary>Data-subject requests: delete everything recorded about one person.</summary>
public interface IAnalyticsPrivacy
{
    /// <summary>
    /// Deletes every question and feedback record of the user with this platform id, on <paramref name="platform"/>
    /// (<c>discord</c>, <c>teams</c>, <c>api</c>) or, when null, on every platform that has records. Works whether or not
    /// recording is turned on. Records still queued in a running host (a few seconds' worth) are not reached.
    /// </summary>
    /// <exception cref="AnalyticsUnavailableException">The database cannot be read, or the hash key is missing.</exception>
    Task<ForgetResult> ForgetUserAsync(string userId, string? platform, CancellationToken cancellationToken);
}
