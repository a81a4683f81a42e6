using QaBot.Knowledge;
using QaBot.Knowledge.Files;
using QaBot.Knowledge.Search;

namespace QaBot.Bench;

/// <summary>QaBot's own lexical search (embeddings off), as the answer service uses it.</summary>
public sealed class QaBotLexicalEngine(IReadOnlyList<SynonymRule> synonyms, LexicalIndexOptions? options = null) : IBenchEngine
{
    private LexicalIndex? index;

    public string Name => "qabot-lexical";

    public void Build(IReadOnlyList<Passage> passages, CancellationToken cancellationToken) =>
        index = LexicalIndex.Build(passages, synonyms, options, cancellationToken);

    public IReadOnlyList<string> Search(string question, int k) =>
        index!.Search(question, k).Select(h => h.Passage.Id).ToList();

    public void Dispose() => index?.Dispose();
}
