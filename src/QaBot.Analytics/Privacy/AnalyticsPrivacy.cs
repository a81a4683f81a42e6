using QaBot.Analytics.Storage;

namespace QaBot.Analytics.Privacy;

/// <summary>Forget-me over <see cref="IAnalyticsStore"/>: the user's id is hashed per platform, as the writer hashed it, and matched.</summary>
internal sealed class AnalyticsPrivacy(IAnalyticsStore store, HashKeyProvider keys) : IAnalyticsPrivacy
{
    public async Task<ForgetResult> ForgetUserAsync(string userId, string? platform, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        try
        {
            IReadOnlyList<string> platforms = await store.GetPlatformsAsync(cancellationToken).ConfigureAwait(false);
            if (platform is { } one && !string.IsNullOrWhiteSpace(one))
            {
                platforms = platforms.Where(p => p == UserHasher.NormalizePlatform(one)).ToList();
            }

            if (platforms.Count == 0)
            {
                return new ForgetResult(0, 0); // no database, or no records of that platform
            }

            var key = keys.Find() ?? throw new AnalyticsUnavailableException(
                $"No hash key: neither QaBot:Analytics:HashKey is set nor the key file {keys.KeyFile} exists, so records cannot be " +
                "matched to a user. Run this with the same HashKey (environment variable QaBot__Analytics__HashKey) as the host.");
            var hashes = platforms.Select(p => UserHasher.Hash(key, p, userId)!).ToList();
            return await store.DeleteUsersAsync(hashes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (AnalyticsUnavailableException or OperationCanceledException or ArgumentException))
        {
            throw new AnalyticsUnavailableException($"The analytics database {store.Location} cannot be changed: {store.DescribeFailure(ex)}", ex);
        }
    }
}
