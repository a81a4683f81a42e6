using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace QaBot.Discord.Bot;

/// <summary>
/// The cited passage ids and the question of recent answers, under a short random key that the feedback buttons carry
/// (a custom id holds at most 100 characters; the ids of three passages do not fit, and a question must never travel
/// through Discord in a custom id). Bounded in number and age, and kept in memory only: a click on an answer older
/// than that, or than the last restart, is recorded without them. The question is handed on only for "Not helpful",
/// where the analytics keep it (redacted) for the moderators' gap report.
/// </summary>
internal sealed class FeedbackContextStore(TimeProvider time)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, (IReadOnlyList<string> PassageIds, string? Question, DateTimeOffset At)> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    public string Remember(IReadOnlyList<string> passageIds, string? question = null)
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9));
        entries[key] = (passageIds, question, time.GetUtcNow());
        order.Enqueue(key);
        while (order.Count > Capacity && order.TryDequeue(out var oldest))
        {
            entries.TryRemove(oldest, out _);
        }

        return key;
    }

    /// <summary>The passage ids remembered under the key, or null when forgotten.</summary>
    public IReadOnlyList<string>? Recall(string key) => RecallAll(key)?.PassageIds;

    /// <summary>The passage ids and question remembered under the key, or null when forgotten.</summary>
    public (IReadOnlyList<string> PassageIds, string? Question)? RecallAll(string key) =>
        entries.TryGetValue(key, out var entry) && time.GetUtcNow() - entry.At <= Lifetime ? (entry.PassageIds, entry.Question) : null;
}
