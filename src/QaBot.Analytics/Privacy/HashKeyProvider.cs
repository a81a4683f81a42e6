using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering.Secrets;

namespace QaBot.Analytics.Privacy;

/// <summary>
/// The key of the user-id hashes: <see cref="AnalyticsOptions.HashKey"/> when configured, else a random key generated
/// once and kept in a key file next to the database (<c>analytics.key</c> beside <c>analytics.db</c>), readable and
/// writable by the owner only. Both the host and the <c>qabot analytics forget</c> command find the same key there.
/// </summary>
internal sealed partial class HashKeyProvider(IOptions<AnalyticsOptions> options, ILogger<HashKeyProvider> logger)
{
    private readonly Lock gate = new();
    private byte[]? key;

    /// <summary>The key file used when no key is configured.</summary>
    public string KeyFile => KeyFileFor(options.Value.DatabasePath);

    public static string KeyFileFor(string databasePath) => Path.ChangeExtension(Path.GetFullPath(databasePath), ".key");

    /// <summary>
    /// The key; generates the key file when none is configured and the file does not exist yet. Throws
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the file cannot be written (nothing is
    /// stored then: a key that is not kept would make records impossible to forget).
    /// </summary>
    public byte[] GetOrCreate()
    {
        lock (gate)
        {
            return key ??= Configured() ?? ReadFile() ?? CreateFile();
        }
    }

    /// <summary>The key if one is configured or was generated before; null when there is none (nothing was hashed with it).</summary>
    public byte[]? Find()
    {
        lock (gate)
        {
            return key ??= Configured() ?? ReadFile();
        }
    }

    private byte[]? Configured() =>
        options.Value.HashKey is { } configured && !string.IsNullOrWhiteSpace(configured) ? Encoding.UTF8.GetBytes(configured.Trim()) : null;

    private string Damaged => $"The analytics key file {KeyFile} is damaged (too short); restore it from a backup.";

    private byte[]? ReadFile()
    {
        var secret = SecretKeyFile.Read(KeyFile, AnalyticsOptionsValidator.MinHashKeyChars, Damaged);
        if (secret is not null)
        {
            LogUsingKeyFile(logger, KeyFile);
        }

        return secret;
    }

    private byte[] CreateFile()
    {
        var secret = SecretKeyFile.Create(KeyFile, AnalyticsOptionsValidator.MinHashKeyChars, Damaged, out var created);
        if (created)
        {
            LogGeneratedKey(logger, KeyFile);
        }
        else
        {
            LogUsingKeyFile(logger, KeyFile);
        }

        return secret;
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning,
        Message = "Analytics: no QaBot:Analytics:HashKey is configured, so a random key was generated in {KeyFile} (owner-only). " +
                  "Keep it with the database (without it, records cannot be matched to a user to forget them), or set QaBot__Analytics__HashKey.")]
    private static partial void LogGeneratedKey(ILogger logger, string keyFile);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Analytics: user ids are hashed with the generated key in {KeyFile}")]
    private static partial void LogUsingKeyFile(ILogger logger, string keyFile);
}
