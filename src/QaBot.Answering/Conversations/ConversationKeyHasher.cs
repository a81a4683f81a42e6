using System.Security.Cryptography;
using System.Text;

namespace QaBot.Answering.Conversations;

/// <summary>
/// Turns a <see cref="ConversationKey"/> into the key a store keeps it under, without any id in plain text: HMAC-SHA256
/// with the store's secret key, in lowercase hex (like the analytics' user hashes). The user's own tag depends on the
/// user id only, so that forgetting a person finds their conversations on every platform.
/// </summary>
internal sealed class ConversationKeyHasher(byte[] key)
{
    /// <summary>A hasher with a random key, for a store that lives and dies with the process.</summary>
    public static ConversationKeyHasher Random() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary><c>platform:hash</c>, where the hash covers the platform, the conversation id and the user id.</summary>
    public string ConversationId(ConversationKey conversation) =>
        conversation.Platform + ":" + Hash("conversation\n" + conversation.Platform + "\n" + conversation.ConversationId + "\n" + conversation.UserId);

    /// <summary>The tag of a user's conversations (null for none), the same on every platform.</summary>
    public string? UserTag(string? userId) => string.IsNullOrEmpty(userId) ? null : Hash("user\n" + userId);

    /// <summary>Any other id (a rate-limit bucket's user) under the same key.</summary>
    public string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));

    public static string NormalizePlatform(string platform) => platform.Trim().ToLowerInvariant();
}
