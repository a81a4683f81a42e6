using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using QaBot.Knowledge.Files;

namespace QaBot.Knowledge.Search;

/// <summary>
/// An immutable BM25 index over passages (fields title, section, text). Built once, then searched from any number
/// of threads; a reload builds a new one and swaps it in whole. Question text is analysed into terms and never
/// handed to a query parser, so query syntax, huge input or control characters cannot break it.
/// </summary>
public sealed class LexicalIndex : IDisposable
{
    public const string TitleField = "title";
    public const string SectionField = "section";
    public const string TextField = "text";
    private const string OrdinalField = "ord";

    /// <summary>The whole analysed title as one term, for exact focus matches ("acute lymphoblastic leukemia").</summary>
    private const string TitleKeyField = "title_key";

    /// <summary>Longest title (in terms) matched exactly against the question.</summary>
    private const int MaxTitleTerms = 8;

    /// <summary>
    /// At most this many concepts of a question are searched: those found in the index first, rarest first; words the
    /// index has never seen match nothing, so they go last.
    /// </summary>
    public const int MaxConcepts = 64;

    private readonly Lucene.Net.Store.Directory directory;
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly int[] docToPassage;
    private readonly SynonymTable synonyms;
    private readonly LexicalIndexOptions options;
    private readonly HashSet<string> titleKeys;
    private readonly string[] passageTitleKeys;
    private readonly string[][] passageSectionTerms;
    private readonly HashSet<string> chatStems;
    private readonly SpellingCorrector? speller;

    private LexicalIndex(IReadOnlyList<Passage> passages, Lucene.Net.Store.Directory directory, DirectoryReader reader, IReadOnlyList<SynonymRule> synonymRules, LexicalIndexOptions options)
    {
        Passages = passages;
        this.directory = directory;
        this.reader = reader;
        synonyms = new SynonymTable(synonymRules, IndexAnalyzer);
        this.options = options;
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity(1.2f, 0.75f) };
        passageTitleKeys = passages.Select(p => TitleKey(IndexAnalyzer.Terms(p.Title))).ToArray();
        titleKeys = passageTitleKeys.Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var sectionTerms = new Dictionary<string, string[]>(StringComparer.Ordinal);
        passageSectionTerms = passages.Select(p =>
        {
            if (!sectionTerms.TryGetValue(p.Section, out var found))
            {
                sectionTerms[p.Section] = found = IndexAnalyzer.Terms(p.Section).Distinct(StringComparer.Ordinal).ToArray();
            }

            return found;
        }).ToArray();
        chatStems = QaBotAnalyzer.ChatStopWords.SelectMany(w => IndexAnalyzer.Terms(w)).ToHashSet(StringComparer.Ordinal);
        speller = options.SpellingCorrection
            ? SpellingCorrector.Build(passages, synonymRules.SelectMany(rule => rule.Inputs.Concat(rule.Outputs)))
            : null;
        docToPassage = new int[reader.MaxDoc];
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetNumericDocValues(OrdinalField);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                docToPassage[leaf.DocBase + doc] = (int)values.Get(doc);
            }
        }
    }

    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>The analyser used for passages.</summary>
    public QaBotAnalyzer IndexAnalyzer { get; } = new();


    public int SynonymCount => synonyms.Count;

    /// <summary>Approximate size of the index in bytes.</summary>
    public long SizeInBytes => directory is RAMDirectory ram ? ram.GetSizeInBytes() : 0;

    public static LexicalIndex Build(IReadOnlyList<Passage> passages, IReadOnlyList<SynonymRule>? synonymRules = null, LexicalIndexOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LexicalIndexOptions();
        var analyzer = new QaBotAnalyzer();
        var titleKey = new StringField(TitleKeyField, "", Field.Store.NO);
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(QaBotAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(1.2f, 0.75f),
            RAMBufferSizeMB = 64,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            var document = new Document
            {
                new NumericDocValuesField(OrdinalField, 0),
                new TextField(TitleField, "", Field.Store.NO),
                new TextField(SectionField, "", Field.Store.NO),
                new TextField(TextField, "", Field.Store.NO),
                titleKey,
            };
            for (var i = 0; i < passages.Count; i++)
            {
                if ((i & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var passage = passages[i];
                ((NumericDocValuesField)document.GetField(OrdinalField)).SetInt64Value(i);
                ((Field)document.GetField(TitleField)).SetStringValue(passage.Title);
                ((Field)document.GetField(SectionField)).SetStringValue(passage.Section);
                ((Field)document.GetField(TextField)).SetStringValue(passage.Text);
                titleKey.SetStringValue(TitleKey(analyzer.Terms(passage.Title)));
                writer.AddDocument(document);
            }

            writer.Commit();
        }

        var reader = DirectoryReader.Open(directory);
        return new LexicalIndex(passages, directory, reader, synonymRules ?? [], options);
    }

    /// <summary>
    /// Analyses a question into weighted concepts and a Lucene query: every term (with its synonyms) over title, section
    /// and text; a boost for a passage whose whole title occurs in the question; and a boost for sections named for what
    /// the question asks (symptoms, treatment, ...). Chat words ("what", "my", "can") are searched but do not count
    /// towards the confidence.
    /// </summary>
    public QueryPlan Plan(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var searchText = speller?.Correct(question, IsIndexedWord) ?? question;
        var terms = IndexAnalyzer.Terms(searchText);
        var concepts = synonyms.Concepts(terms);
        var frequencies = concepts.Select(DocumentFrequency).ToList();
        var weights = frequencies.Select(Idf).ToList();
        if (concepts.Count > MaxConcepts)
        {
            var keep = Enumerable.Range(0, concepts.Count)
                .OrderBy(i => frequencies[i] == 0 ? 1 : 0)
                .ThenByDescending(i => weights[i])
                .Take(MaxConcepts)
                .Order()
                .ToList();
            concepts = keep.Select(i => concepts[i]).ToList();
            weights = keep.Select(i => weights[i]).ToList();
        }

        var noise = concepts.Select(c => c.IsSingleTerm && chatStems.Contains(c.Alternatives[0][0])).ToList();
        if (noise.All(n => n))
        {
            return new QueryPlan(question, concepts, weights, noise, null) { SearchText = searchText };
        }

        // Concepts outside the words that say what is asked ("symptoms", "how many people are affected by") are the focus.
        var focusTerms = searchText.Length > 4000 ? [] : IndexAnalyzer.Terms(QuestionIntents.Focus(searchText)).ToHashSet(StringComparer.Ordinal);
        var focus = concepts.Select((c, i) => !noise[i] && c.Alternatives[0].Any(focusTerms.Contains)).ToList();
        var query = new BooleanQuery(disableCoord: true);
        foreach (var concept in concepts)
        {
            query.Add(ConceptQuery(concept), Occur.SHOULD);
        }

        var titlesInQuestion = AddTitleMatches(query, terms);
        return new QueryPlan(question, concepts, weights, noise, query)
        {
            SearchText = searchText,
            IsFocus = focus,
            TitlesInQuestion = titlesInQuestion,
            IntentSectionWeights = IntentWeights(searchText),
        };
    }

    /// <summary>True when the word's analysed form (its stem) is in the index, whatever form the knowledge used.</summary>
    private bool IsIndexedWord(string word)
    {
        var terms = IndexAnalyzer.Terms(word);
        return terms.Count == 1
            && (reader.DocFreq(new Term(TextField, terms[0])) > 0 || reader.DocFreq(new Term(TitleField, terms[0])) > 0 || reader.DocFreq(new Term(SectionField, terms[0])) > 0);
    }

    private HashSet<string> AddTitleMatches(BooleanQuery query, List<string> terms)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        if (options.TitleMatchBoost <= 0 || terms.Count > 200)
        {
            return added;
        }

        for (var start = 0; start < terms.Count; start++)
        {
            for (var length = Math.Min(MaxTitleTerms, terms.Count - start); length >= 1; length--)
            {
                var key = TitleKey(terms.Skip(start).Take(length));
                if (titleKeys.Contains(key) && added.Add(key))
                {
                    // Longer matches carry more evidence of the focus.
                    query.Add(new TermQuery(new Term(TitleKeyField, key)) { Boost = options.TitleMatchBoost * (float)Math.Sqrt(length) }, Occur.SHOULD);
                }
            }
        }

        return added;
    }

    /// <summary>
    /// The section words for what the question asks, each with the bonus a passage gets when its section has the word:
    /// <c>IntentBoost</c> times the word's idf over sections (about what a boosted BM25 clause on the section would add).
    /// </summary>
    private Dictionary<string, double> IntentWeights(string question)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        if (options.IntentBoost <= 0 || question.Length > 4000)
        {
            return weights;
        }

        var documents = Math.Max(1, reader.NumDocs);
        foreach (var intent in QuestionIntents.Of(question))
        {
            foreach (var term in IndexAnalyzer.Terms(intent.SectionWords))
            {
                var df = reader.DocFreq(new Term(SectionField, term));
                if (df > 0)
                {
                    weights[term] = options.IntentBoost * Math.Log(1 + ((documents - df + 0.5) / (df + 0.5)));
                }
            }
        }

        return weights;
    }

    /// <summary>True when the passage's section is named for what the question asks (e.g. "Symptoms").</summary>
    public bool SectionMatchesIntent(int passage, QueryPlan plan) =>
        plan.IntentSectionWeights.Count > 0 && passageSectionTerms[passage].Any(plan.IntentSectionWeights.ContainsKey);

    /// <summary>True when the passage's whole title occurs in the question.</summary>
    public bool TitleInQuestion(int passage, QueryPlan plan) =>
        plan.TitlesInQuestion.Count > 0 && plan.TitlesInQuestion.Contains(passageTitleKeys[passage]);

    private static string TitleKey(IEnumerable<string> terms) => string.Join(' ', terms);

    /// <summary>The best passages for a question by BM25, best first.</summary>
    public IReadOnlyList<SearchHit> Search(QueryPlan plan, int top)
    {
        if (plan.Query is null || top <= 0 || Passages.Count == 0)
        {
            return [];
        }

        return SearchOrdinals(plan, top).Select(h => new SearchHit(Passages[h.Passage], h.Score) { LexicalScore = h.Score }).ToList();
    }

    public IReadOnlyList<SearchHit> Search(string question, int top) => Search(Plan(question), top);

    /// <summary>The best passages as (ordinal in <see cref="Passages"/>, BM25 score), best first.</summary>
    public List<(int Passage, float Score)> SearchOrdinals(QueryPlan plan, int top)
    {
        if (plan.Query is null || top <= 0 || Passages.Count == 0)
        {
            return [];
        }

        // The section-intent boost is applied by re-ranking the best candidates, not as a query clause: a clause on
        // "section:symptoms" would make Lucene score every passage with such a section (tens of thousands at scale).
        var weights = plan.IntentSectionWeights;
        var depth = weights.Count == 0 ? top : Math.Max(top, options.IntentRerankDepth);
        var docs = searcher.Search(plan.Query, depth).ScoreDocs;
        var hits = new List<(int Passage, float Score)>(docs.Length);
        foreach (var doc in docs)
        {
            var passage = docToPassage[doc.Doc];
            var score = doc.Score;
            if (weights.Count > 0)
            {
                foreach (var term in passageSectionTerms[passage])
                {
                    if (weights.TryGetValue(term, out var bonus))
                    {
                        score += (float)bonus;
                    }
                }
            }

            hits.Add((passage, score));
        }

        if (weights.Count > 0)
        {
            hits.Sort((a, b) => b.Score.CompareTo(a.Score));
            if (hits.Count > top)
            {
                hits.RemoveRange(top, hits.Count - top);
            }
        }

        return hits;
    }

    private Query ConceptQuery(QueryConcept concept)
    {
        if (concept.IsSingleTerm)
        {
            return TermOverFields(concept.Alternatives[0][0]);
        }

        var any = new DisjunctionMaxQuery(0.1f);
        foreach (var alternative in concept.Alternatives)
        {
            if (alternative.Length == 1)
            {
                any.Add(TermOverFields(alternative[0]));
                continue;
            }

            var phrase = new BooleanQuery(disableCoord: true);
            foreach (var (field, boost) in Fields())
            {
                var fieldPhrase = new PhraseQuery { Slop = 1, Boost = boost };
                foreach (var term in alternative)
                {
                    fieldPhrase.Add(new Term(field, term));
                }

                phrase.Add(fieldPhrase, Occur.SHOULD);
            }

            any.Add(phrase);
        }

        return any;
    }

    private BooleanQuery TermOverFields(string term)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in Fields())
        {
            query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }

        return query;
    }

    private IEnumerable<(string Field, float Boost)> Fields()
    {
        yield return (TitleField, options.TitleBoost);
        yield return (SectionField, options.SectionBoost);
        yield return (TextField, options.TextBoost);
    }

    /// <summary>BM25's idf for a document frequency.</summary>
    private double Idf(int documentFrequency)
    {
        var documents = Math.Max(1, reader.NumDocs);
        return Math.Log(1 + ((documents - documentFrequency + 0.5) / (documentFrequency + 0.5)));
    }

    /// <summary>A concept is as common as its commonest alternative (an alternative as common as its rarest term).</summary>
    private int DocumentFrequency(QueryConcept concept)
    {
        var best = 0;
        foreach (var alternative in concept.Alternatives)
        {
            var rarest = int.MaxValue;
            foreach (var term in alternative)
            {
                var df = Math.Max(reader.DocFreq(new Term(TextField, term)), reader.DocFreq(new Term(TitleField, term)));
                rarest = Math.Min(rarest, df);
            }

            best = Math.Max(best, rarest);
        }

        return best;
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }
}
