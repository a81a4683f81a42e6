using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using QaBot.Knowledge;

namespace QaBot.Bench;

/// <summary>
/// Plain Lucene.Net exactly as the benchmark protocol's reference point: <c>EnglishAnalyzer</c>,
/// <c>BM25Similarity(1.2, 0.75)</c>, a BooleanQuery of SHOULD term queries over the analysed question tokens on
/// title (boost 2), section and text; ids read back from a stored field.
/// </summary>
public sealed class PlainLuceneEngine : IBenchEngine
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly Analyzer analyzer = new EnglishAnalyzer(Version);
    private RAMDirectory? directory;
    private DirectoryReader? reader;
    private IndexSearcher? searcher;

    public string Name => "plain";

    public void Build(IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        directory = new RAMDirectory();
        var config = new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(1.2f, 0.75f), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var passage in passages)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", passage.Id, Field.Store.YES),
                    new TextField("title", passage.Title, Field.Store.NO),
                    new TextField("section", passage.Section, Field.Store.NO),
                    new TextField("text", passage.Text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity(1.2f, 0.75f) };
    }

    public IReadOnlyList<string> Search(string question, int k)
    {
        var query = new BooleanQuery();
        using (var stream = analyzer.GetTokenStream("text", question))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var text = term.ToString();
                query.Add(new TermQuery(new Term("title", text)) { Boost = 2f }, Occur.SHOULD);
                query.Add(new TermQuery(new Term("section", text)), Occur.SHOULD);
                query.Add(new TermQuery(new Term("text", text)), Occur.SHOULD);
            }

            stream.End();
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var hits = searcher!.Search(query, k).ScoreDocs;
        return hits.Select(h => searcher.Doc(h.Doc).Get("id")).ToList();
    }

    public void Dispose()
    {
        reader?.Dispose();
        directory?.Dispose();
        analyzer.Dispose();
    }
}
