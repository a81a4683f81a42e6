using System.Security.Cryptography;
using System.Text;

namespace QaBot.State.Redis;

/// <summary>
/// AES-GCM over the values kept in Redis (Redis may write them to disk): version byte, 12-byte random nonce, 16-byte tag,
/// ciphertext. The value's Redis key is the associated data, so a value copied under another key does not decrypt.
/// </summary>
internal sealed class ValueProtector(byte[] key)
{
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + NonceBytes + TagBytes;

    public byte[] Protect(ReadOnlySpan<byte> plain, string redisKey)
    {
        var output = new byte[HeaderBytes + plain.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(HeaderBytes), output.AsSpan(1 + NonceBytes, TagBytes), Encoding.UTF8.GetBytes(redisKey));
        return output;
    }

    /// <summary>The plain value, or null when it is not one of ours or was encrypted with another key.</summary>
    public byte[]? Unprotect(ReadOnlySpan<byte> stored, string redisKey)
    {
        if (stored.Length < HeaderBytes || stored[0] != Version)
        {
            return null;
        }

        var plain = new byte[stored.Length - HeaderBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(stored.Slice(1, NonceBytes), stored[HeaderBytes..], stored.Slice(1 + NonceBytes, TagBytes), plain, Encoding.UTF8.GetBytes(redisKey));
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
