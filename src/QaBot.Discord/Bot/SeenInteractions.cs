namespace QaBot.Discord.Bot;

/// <summary>
/// The interaction ids handled recently, so that an interaction delivered twice (a replayed webhook, a gateway event
/// repeated across a resume) is handled once. Memory is bounded: ids are forgotten after <see cref="Memory"/> (an
/// interaction's token is only valid for 15 minutes anyway), and the oldest first beyond <see cref="Capacity"/> ids.
/// </summary>
internal sealed class SeenInteractions(TimeProvider time)
{
    /// <summary>How long an id is remembered: an interaction token's lifetime.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(15);

    /// <summary>The most ids remembered at once (about a megabyte).</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Lock gate = new();
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> order = new();

    public int Capacity { get; init; } = DefaultCapacity;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return ids.Count;
            }
        }
    }

    /// <summary>True the first time <paramref name="interactionId"/> is seen; false when it was seen within <see cref="Memory"/>.</summary>
    public bool FirstTime(string interactionId)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (order.Count > 0 && (order.Count >= Capacity || now - order.Peek().At > Memory))
            {
                ids.Remove(order.Dequeue().Id);
            }

            if (!ids.Add(interactionId))
            {
                return false;
            }

            order.Enqueue((interactionId, now));
            return true;
        }
    }
}
