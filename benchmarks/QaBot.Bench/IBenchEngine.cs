using QaBot.Knowledge;

namespace QaBot.Bench;

/// <summary>A search engine under benchmark: index passages, then return the top ids for a question.</summary>
public interface IBenchEngine : IDisposable
{
    /// <summary>The name printed in the JSON line's <c>engine</c> field.</summary>
    string Name { get; }

    /// <summary>Indexes the passages; returns when a searcher is ready.</summary>
    void Build(IReadOnlyList<Passage> passages, CancellationToken cancellationToken);

    /// <summary>The ids of the top <paramref name="k"/> passages for a plain-text question.</summary>
    IReadOnlyList<string> Search(string question, int k);
}
