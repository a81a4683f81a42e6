namespace QaBot.Knowledge.Files;

/// <summary>
/// The outcome of merging one read of the knowledge files: the knowledge to serve, and the state to keep for the next
/// reload once this knowledge is actually served (see <see cref="KnowledgeMerger.Commit"/>).
/// </summary>
internal sealed record KnowledgeMerge(
    KnowledgeSet Knowledge,
    IReadOnlyDictionary<string, LastGoodFile> LastGood,
    IReadOnlyDictionary<string, string> Owners);
