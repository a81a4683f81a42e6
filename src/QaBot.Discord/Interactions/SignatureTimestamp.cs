using System.Globalization;

namespace QaBot.Discord.Interactions;

/// <summary>
/// The freshness check of <c>X-Signature-Timestamp</c> (Unix seconds, as Discord sends it): a signed request older than
/// <see cref="MaxAge"/> or from the future (beyond <see cref="MaxClockSkew"/> of clock difference) is refused like a bad
/// signature, so that a captured request cannot be replayed later.
/// </summary>
internal static class SignatureTimestamp
{
    /// <summary>How old a signed request may be: 5 minutes, as Discord's and other webhook signers' practice is.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead of our clock Discord's may be.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(5);

    /// <summary>True when <paramref name="timestamp"/> is whole Unix seconds within <see cref="MaxAge"/> before
    /// <paramref name="now"/> and at most <see cref="MaxClockSkew"/> after it.</summary>
    public static bool IsFresh(string? timestamp, DateTimeOffset now)
    {
        if (timestamp is not { Length: > 0 and <= 12 } || !timestamp.All(char.IsAsciiDigit)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age <= MaxAge && age >= -MaxClockSkew;
    }
}
