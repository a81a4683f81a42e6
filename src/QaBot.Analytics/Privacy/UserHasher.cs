using System.Security.Cryptography;
using System.Text;

namespace QaBot.Analytics.Privacy;

/// <summary>
/// A user's pseudonym in the analytics: HMAC-SHA256 over <c>platform:userId</c> with the deployment's secret key, in
/// lowercase hex. The same person gets the same hash on one platform (for distinct-user counts and forget-me), but
/// without the key the hash cannot be tied back to the id, not even by trying every id.
/// </summary>
internal static class UserHasher
{
    /// <summary>The hash, or null when the user is unknown (the HTTP API sends no user id).</summary>
    public static string? Hash(byte[] key, string platform, string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var data = Encoding.UTF8.GetBytes(NormalizePlatform(platform) + ":" + userId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, data));
    }

    public static string NormalizePlatform(string platform) => platform.Trim().ToLowerInvariant();
}
