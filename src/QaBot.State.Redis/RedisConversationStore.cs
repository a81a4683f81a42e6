using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using QaBot.Answering.Conversations;
using StackExchange.Redis;

namespace QaBot.State.Redis;

/// <summary>
/// <see cref="IConversationStore"/> in Redis, shared by every replica. A conversation is a list under
/// <c>{prefix}conv:{platform}:{hmac}</c> of AES-GCM-encrypted turns, trimmed to <see cref="ConversationOptions.MaxTurns"/>
/// and expiring <see cref="ConversationOptions.Lifetime"/> after its last turn; a user's conversations are listed in the
/// set <c>{prefix}user:{hmac}</c> (same lifetime) for forget-me. No id and no text is stored in plain text. When Redis
/// cannot be reached, reads return no turns and writes are skipped, within <see cref="RedisStateOptions.Timeout"/>.
/// </summary>
internal sealed class RedisConversationStore(
    RedisConnection connection,
    StateKeyProvider keys,
    IOptions<ConversationOptions> options) : IConversationStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly ConversationOptions options = options.Value;
    private ValueProtector? protector;

    private ValueProtector Protector => protector ??= new ValueProtector(keys.EncryptionKey);

    public async ValueTask<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (connection.TryGetDatabase() is not { } db)
        {
            return [];
        }

        var redisKey = ConversationKey(key);
        RedisValue[] values;
        try
        {
            values = await db.ListRangeAsync(redisKey).WaitAsync(connection.Timeout, cancellationToken).ConfigureAwait(false);
            connection.ReportSuccess();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.ReportFailure(ex);
            return [];
        }

        var turns = new List<ConversationTurn>(values.Length);
        foreach (var value in values)
        {
            if (Protector.Unprotect((byte[])value!, redisKey) is { } plain
                && JsonSerializer.Deserialize<ConversationTurn>(plain, Json) is { } turn)
            {
                turns.Add(turn);
            }
        }

        return turns;
    }

    public async ValueTask AppendAsync(ConversationKey key, ConversationTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(turn);
        if (connection.TryGetDatabase() is not { } db)
        {
            return;
        }

        var redisKey = ConversationKey(key);
        var plain = JsonSerializer.SerializeToUtf8Bytes(ConversationTurns.Bound(turn, options.MaxTurnChars), Json);
        var value = Protector.Protect(plain, redisKey);
        var transaction = db.CreateTransaction();
        _ = transaction.ListRightPushAsync(redisKey, value);
        _ = transaction.ListTrimAsync(redisKey, -options.MaxTurns, -1);
        _ = transaction.KeyExpireAsync(redisKey, options.Lifetime);
        if (keys.Hasher.UserTag(key.UserId) is { } tag)
        {
            var userKey = UserKey(tag);
            _ = transaction.SetAddAsync(userKey, redisKey);
            _ = transaction.KeyExpireAsync(userKey, options.Lifetime);
        }

        try
        {
            await transaction.ExecuteAsync().WaitAsync(connection.Timeout, cancellationToken).ConfigureAwait(false);
            connection.ReportSuccess();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.ReportFailure(ex);
        }
    }

    public async ValueTask<int> ForgetUserAsync(string userId, string? platform, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var db = await connection.ConnectAsync(cancellationToken).ConfigureAwait(false) ?? throw Unavailable(null);
        var userKey = UserKey(keys.Hasher.UserTag(userId)!);
        var prefix = string.IsNullOrWhiteSpace(platform) ? null : connection.KeyPrefix + "conv:" + ConversationKeyHasher.NormalizePlatform(platform) + ":";
        try
        {
            var members = await db.SetMembersAsync(userKey).WaitAsync(connection.Timeout, cancellationToken).ConfigureAwait(false);
            var chosen = members.Select(m => (string)m!).Where(m => prefix is null || m.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            if (chosen.Length == 0)
            {
                return 0;
            }

            var deleted = await db.KeyDeleteAsync(chosen.Select(k => (RedisKey)k).ToArray()).WaitAsync(connection.Timeout, cancellationToken).ConfigureAwait(false);
            if (prefix is null || chosen.Length == members.Length)
            {
                await db.KeyDeleteAsync(userKey).WaitAsync(connection.Timeout, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await db.SetRemoveAsync(userKey, chosen.Select(k => (RedisValue)k).ToArray()).WaitAsync(connection.Timeout, cancellationToken).ConfigureAwait(false);
            }

            connection.ReportSuccess();
            return (int)deleted;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.ReportFailure(ex);
            throw Unavailable(ex);
        }
    }

    private string ConversationKey(ConversationKey key) => connection.KeyPrefix + "conv:" + keys.Hasher.ConversationId(key);

    private string UserKey(string tag) => connection.KeyPrefix + "user:" + tag;

    private ConversationStoreUnavailableException Unavailable(Exception? inner)
    {
        var message = "Redis (QaBot:State:Redis:Configuration) cannot be reached, so no conversation context was deleted; try again when it is back.";
        return inner is null ? new ConversationStoreUnavailableException(message) : new ConversationStoreUnavailableException(message, inner);
    }
}
