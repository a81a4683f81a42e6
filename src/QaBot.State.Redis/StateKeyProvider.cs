using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering.Conversations;
using QaBot.Answering.Secrets;

namespace QaBot.State.Redis;

/// <summary>
/// The secret of the shared state: <see cref="StateOptions.Key"/> when configured, else a random key generated once in
/// <see cref="StateOptions.KeyFile"/> (owner-only), as the analytics do for their hash key. Two keys are derived from it
/// with HKDF: one for the HMACs that name keys in Redis, one for AES-GCM over the stored conversation turns.
/// </summary>
internal sealed partial class StateKeyProvider(IOptions<StateOptions> options, ILogger<StateKeyProvider> logger)
{
    private readonly Lock gate = new();
    private (ConversationKeyHasher Hasher, byte[] EncryptionKey)? keys;

    public ConversationKeyHasher Hasher => Keys().Hasher;

    public byte[] EncryptionKey => Keys().EncryptionKey;

    private (ConversationKeyHasher Hasher, byte[] EncryptionKey) Keys()
    {
        lock (gate)
        {
            if (keys is { } known)
            {
                return known;
            }

            var secret = Configured() ?? ReadFile() ?? CreateFile();
            var hmac = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Encoding.UTF8.GetBytes("qabot-state-hmac"));
            var aes = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Encoding.UTF8.GetBytes("qabot-state-aes-gcm"));
            keys = (new ConversationKeyHasher(hmac), aes);
            return keys.Value;
        }
    }

    private byte[]? Configured() =>
        options.Value.Key is { } configured && !string.IsNullOrWhiteSpace(configured) ? Encoding.UTF8.GetBytes(configured.Trim()) : null;

    private string KeyFile => Path.GetFullPath(options.Value.KeyFile);

    private string Damaged => $"The state key file {KeyFile} is damaged (too short); delete it (stored conversations are then unreadable and expire) or restore it.";

    private byte[]? ReadFile() => SecretKeyFile.Read(KeyFile, StateOptionsValidator.MinKeyChars, Damaged);

    private byte[] CreateFile()
    {
        var secret = SecretKeyFile.Create(KeyFile, StateOptionsValidator.MinKeyChars, Damaged, out var created);
        if (created)
        {
            LogGeneratedKey(logger, KeyFile);
        }

        return secret;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning,
        Message = "Shared state: no QaBot:State:Key is configured, so a random key was generated in {KeyFile} (owner-only). " +
                  "Replicas sharing one Redis need the same key: set QaBot__State__Key on every replica.")]
    private static partial void LogGeneratedKey(ILogger logger, string keyFile);
}
