namespace QaBot.Knowledge;

/// <summary>The knowledge currently served, and a way to reload it.</summary>
public interface IKnowledgeBase
{
    /// <summary>The current snapshot. Take it once per question and use only that one.</summary>
    KnowledgeSnapshot Current { get; }

    /// <summary>Reads the knowledge files again and swaps the new snapshot in when it is built.</summary>
    Task<KnowledgeSnapshot> ReloadAsync(CancellationToken cancellationToken);
}
