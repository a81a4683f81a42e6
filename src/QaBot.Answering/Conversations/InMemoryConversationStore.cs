using Microsoft.Extensions.Options;

namespace QaBot.Answering.Conversations;

/// <summary>
/// <see cref="IConversationStore"/> in this process's memory (the default: one replica, nothing to install). Bounded:
/// every conversation expires <see cref="ConversationOptions.Lifetime"/> after its last turn, keeps at most
/// <see cref="ConversationOptions.MaxTurns"/> turns of at most <see cref="ConversationOptions.MaxTurnChars"/> characters,
/// and beyond <see cref="ConversationOptions.MaxConversations"/> the expired and then the least recently used go.
/// Conversations are keyed by HMACs with a random per-process key, so no id is held in plain text either.
/// </summary>
internal sealed class InMemoryConversationStore : IConversationStore
{
    /// <summary>How many appends between two sweeps of expired conversations.</summary>
    private const int SweepEvery = 256;

    private readonly ConversationOptions options;
    private readonly TimeProvider time;
    private readonly ConversationKeyHasher hasher = ConversationKeyHasher.Random();
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);

    /// <summary>Most recently used first.</summary>
    private readonly LinkedList<Entry> recency = new();
    private int appendsSinceSweep;

    public InMemoryConversationStore(IOptions<ConversationOptions> options, TimeProvider time)
    {
        this.options = options.Value;
        this.time = time;
    }

    /// <summary>Conversations held now (expired ones included until they are swept).</summary>
    internal int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public ValueTask<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var id = hasher.ConversationId(key);
        lock (gate)
        {
            if (!entries.TryGetValue(id, out var node))
            {
                return ValueTask.FromResult<IReadOnlyList<ConversationTurn>>([]);
            }

            if (IsExpired(node.Value, time.GetUtcNow()))
            {
                Remove(node);
                return ValueTask.FromResult<IReadOnlyList<ConversationTurn>>([]);
            }

            return ValueTask.FromResult<IReadOnlyList<ConversationTurn>>(node.Value.Turns.ToArray());
        }
    }

    public ValueTask AppendAsync(ConversationKey key, ConversationTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(turn);
        var id = hasher.ConversationId(key);
        var kept = ConversationTurns.Bound(turn, options.MaxTurnChars);
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (entries.TryGetValue(id, out var node) && IsExpired(node.Value, now))
            {
                Remove(node);
                node = null;
            }

            if (node is null)
            {
                node = recency.AddFirst(new Entry(id, key.Platform, hasher.UserTag(key.UserId)));
                entries[id] = node;
            }
            else
            {
                recency.Remove(node);
                recency.AddFirst(node);
            }

            var entry = node.Value;
            entry.Turns.Enqueue(kept);
            while (entry.Turns.Count > options.MaxTurns)
            {
                entry.Turns.Dequeue();
            }

            entry.LastTurnAt = now;
            if (++appendsSinceSweep >= SweepEvery || entries.Count > options.MaxConversations)
            {
                SweepExpired(now);
            }

            while (entries.Count > options.MaxConversations && recency.Last is { } oldest)
            {
                Remove(oldest);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<int> ForgetUserAsync(string userId, string? platform, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var tag = hasher.UserTag(userId);
        var only = string.IsNullOrWhiteSpace(platform) ? null : ConversationKeyHasher.NormalizePlatform(platform);
        lock (gate)
        {
            var now = time.GetUtcNow();
            var forgotten = 0;
            for (var node = recency.First; node is not null;)
            {
                var next = node.Next;
                var entry = node.Value;
                if (entry.UserTag == tag && (only is null || entry.Platform == only))
                {
                    if (!IsExpired(entry, now))
                    {
                        forgotten++;
                    }

                    Remove(node);
                }

                node = next;
            }

            return ValueTask.FromResult(forgotten);
        }
    }

    private bool IsExpired(Entry entry, DateTimeOffset now) => now - entry.LastTurnAt >= options.Lifetime;

    private void SweepExpired(DateTimeOffset now)
    {
        appendsSinceSweep = 0;

        // Least recently used last: walk from the end while the conversations there are expired.
        while (recency.Last is { } oldest && IsExpired(oldest.Value, now))
        {
            Remove(oldest);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        entries.Remove(node.Value.Id);
        recency.Remove(node);
    }

    private sealed class Entry(string id, string platform, string? userTag)
    {
        public string Id { get; } = id;

        public string Platform { get; } = platform;

        public string? UserTag { get; } = userTag;

        public Queue<ConversationTurn> Turns { get; } = new();

        public DateTimeOffset LastTurnAt { get; set; }
    }
}
