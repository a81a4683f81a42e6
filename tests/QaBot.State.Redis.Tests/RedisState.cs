using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering.Conversations;

namespace QaBot.State.Redis.Tests;

/// <summary>One "replica"'s view of a Redis: its own connection, key provider and stores, with its logs captured.</summary>
internal sealed class RedisState : IDisposable
{
    public const string Key = "test-secret-test-secret-test-secret-0123456789";

    public RedisState(string configuration, TimeProvider? time = null, Action<ConversationOptions>? conversations = null, string key = Key)
    {
        var loggers = new CapturingLoggerProvider(Logs);
        var state = Options.Create(new StateOptions
        {
            Store = StateOptions.RedisStore,
            Key = key,
            // Commands may take up to 1 s here (a cold, shared test machine); the default is 250 ms.
            Redis = new RedisStateOptions { Configuration = configuration, Timeout = TimeSpan.FromSeconds(1) },
        });
        var conversationOptions = new ConversationOptions();
        conversations?.Invoke(conversationOptions);
        Connection = new RedisConnection(state, new TestLogger<RedisConnection>(loggers.CreateLogger(nameof(RedisConnection))));
        Keys = new StateKeyProvider(state, new TestLogger<StateKeyProvider>(loggers.CreateLogger(nameof(StateKeyProvider))));
        Conversations = new RedisConversationStore(Connection, Keys, Options.Create(conversationOptions));
        Buckets = new RedisTokenBucketStore(Connection, Keys, time ?? TimeProvider.System);
        if (Connection.ConnectAsync(CancellationToken.None).GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("The test's redis-server cannot be reached.");
        }
    }

    public ConcurrentQueue<string> Logs { get; } = new();

    public RedisConnection Connection { get; }

    public StateKeyProvider Keys { get; }

    public RedisConversationStore Conversations { get; }

    public RedisTokenBucketStore Buckets { get; }

    public void Dispose()
    {
        Buckets.Dispose();
        Connection.Dispose();
    }
}
