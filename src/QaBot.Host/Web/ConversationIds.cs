using System.Buffers;
using System.Security.Cryptography;

namespace QaBot.Host.Web;

/// <summary>The <c>conversation_id</c> of <c>POST /api/ask</c>: at most 100 characters of <c>[A-Za-z0-9_-]</c>, made at random when absent.</summary>
internal static class ConversationIds
{
    public const int MaxLength = 100;

    public const string Invalid = "\"conversation_id\" must be a string of 1 to 100 letters, digits, '-' or '_' (or left out to start a new conversation).";

    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && !id.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>A new id: 128 random bits in lowercase hex.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
