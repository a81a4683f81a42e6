using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using QaBot.Knowledge.Files;

namespace QaBot.Knowledge.Search;

/// <summary>
/// An immutable BM25 index over passages (fields title, section, text, and the alternate questions "asked"). Built once, then searched from any number
/// of threads; a reload builds a new one and swaps it in whole. Question text is analysed into terms and never
/// handed to a query parser, so query syntax, huge input or control characters cannot break it.
/// Lucene analyses and indexes the passages; every term's BM25 score per passage is then computed once
/// (<see cref="ImpactIndex"/>), so that a question is scored from flat arrays with Lucene's exact BM25 scores; Lucene
/// itself is only asked for multi-word synonym phrases, which need positions.
/// </summary>
public sealed class LexicalIndex : IDisposable
{
    public const string TitleField = "title";
    public const string SectionField = "section";
    public const string TextField = "text";

    /// <summary>The passage's alternate questions (<see cref="Passage.AlsoAsked"/>), searched like the section heading.</summary>
    public const string AlsoAskedField = "asked";
    private const string OrdinalField = "ord";

    /// <summary>The whole analysed title as one term, for exact focus matches ("acute lymphoblastic leukemia").</summary>
    private const string TitleKeyField = "title_key";

    /// <summary>Longest title (in terms) matched exactly against the question.</summary>
    private const int MaxTitleTerms = 8;

    /// <summary>A synonym concept scores its best alternative plus this share of the others (Lucene's DisjunctionMaxQuery).</summary>
    private const float ConceptTieBreaker = 0.1f;

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
    private readonly ImpactIndex impacts;
    private readonly Dictionary<string, int> longestTitleFrom;
    private readonly string[] passageTitleKeys;
    private readonly string[][] passageSectionTerms;
    private readonly HashSet<string> chatStems;
    private readonly Dictionary<string, (string Term, double Weight)[]> intentSectionWeights;
    private readonly Dictionary<string, (int[] Passages, float[] Scores)> phrasePostings;
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
        longestTitleFrom = LongestTitles(passages);
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

        impacts = ImpactIndex.Build(reader, Fields(), SectionField, TextField, TitleField, TitleKeyField, docToPassage);
        phrasePostings = synonyms.Phrases()
            .Where(p => p.All(t => impacts.TermId(t) >= 0))
            .DistinctBy(TitleKey, StringComparer.Ordinal)
            .ToDictionary(TitleKey, PhrasePostings, StringComparer.Ordinal);
        intentSectionWeights = QuestionIntents.Specific.Append(QuestionIntents.General)
            .DistinctBy(i => i.Name)
            .ToDictionary(i => i.Name, SectionWeights, StringComparer.Ordinal);
    }

    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>The analyser used for passages.</summary>
    public QaBotAnalyzer IndexAnalyzer { get; } = new();


    public int SynonymCount => synonyms.Count;

    /// <summary>Approximate size of the index in bytes (Lucene's files and the precomputed scores).</summary>
    public long SizeInBytes => (directory is RAMDirectory ram ? ram.GetSizeInBytes() : 0) + impacts.SizeInBytes;

    public static LexicalIndex Build(IReadOnlyList<Passage> passages, IReadOnlyList<SynonymRule>? synonymRules = null, LexicalIndexOptions? options = null, CancellationToken cancellationToken = default) =>
        Build(passages, synonymRules, options, maxBufferedDocs: null, cancellationToken);

    /// <param name="maxBufferedDocs">Tests: flush a segment every this many passages (default: by memory use).</param>
    internal static LexicalIndex Build(IReadOnlyList<Passage> passages, IReadOnlyList<SynonymRule>? synonymRules, LexicalIndexOptions? options, int? maxBufferedDocs, CancellationToken cancellationToken)
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
        if (maxBufferedDocs is { } flushEvery)
        {
            config.MaxBufferedDocs = flushEvery;
            config.RAMBufferSizeMB = IndexWriterConfig.DISABLE_AUTO_FLUSH;
            config.MergePolicy = NoMergePolicy.NO_COMPOUND_FILES;
        }
        using (var writer = new IndexWriter(directory, config))
        {
            var document = new Document
            {
                new NumericDocValuesField(OrdinalField, 0),
                new TextField(TitleField, "", Field.Store.NO),
                new TextField(SectionField, "", Field.Store.NO),
                new TextField(TextField, "", Field.Store.NO),
                new TextField(AlsoAskedField, "", Field.Store.NO),
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
                ((Field)document.GetField(AlsoAskedField)).SetStringValue(passage.AlsoAsked.Count == 0 ? "" : string.Join('\n', passage.AlsoAsked));
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
            return new QueryPlan(question, concepts, weights, noise, []) { IsEmpty = true, SearchText = searchText };
        }

        // Concepts outside the words that say what is asked ("symptoms", "how many people are affected by") are the focus.
        var focusTerms = searchText.Length > 4000 ? [] : IndexAnalyzer.Terms(QuestionIntents.Focus(searchText)).ToHashSet(StringComparer.Ordinal);
        var focus = concepts.Select((c, i) => !noise[i] && c.Alternatives[0].Any(focusTerms.Contains)).ToList();
        var clauses = concepts.Select(Clause).ToList();
        var titles = TitleMatches(terms);
        return new QueryPlan(question, concepts, weights, noise, clauses)
        {
            SearchText = searchText,
            IsFocus = focus,
            TitlesInQuestion = titles.Select(t => t.Key).ToHashSet(StringComparer.Ordinal),
            TitleClauses = titles,
            IntentSectionWeights = IntentWeights(searchText),
        };
    }

    /// <summary>True when the word's analysed form (its stem) is in the index, whatever form the knowledge used.</summary>
    private bool IsIndexedWord(string word)
    {
        var terms = IndexAnalyzer.Terms(word);
        return terms.Count == 1 && impacts.TermId(terms[0]) >= 0;
    }

    /// <summary>
    /// The titles of the index that occur whole in the question, each with its boost (longer matches carry more
    /// evidence of the focus).
    /// </summary>
    private List<(string Key, float Boost)> TitleMatches(List<string> terms)
    {
        var found = new List<(string Key, float Boost)>();
        if (options.TitleMatchBoost <= 0 || terms.Count > 200)
        {
            return found;
        }

        var added = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < terms.Count; start++)
        {
            if (!longestTitleFrom.TryGetValue(terms[start], out var longest))
            {
                continue;
            }

            for (var length = Math.Min(longest, terms.Count - start); length >= 1; length--)
            {
                var key = TitleKey(terms.GetRange(start, length));
                if (impacts.HasTitleKey(key) && added.Add(key))
                {
                    found.Add((key, options.TitleMatchBoost * (float)Math.Sqrt(length)));
                }
            }
        }

        return found;
    }

    /// <summary>For each first term of a title, the most terms such a title has (at most <see cref="MaxTitleTerms"/>).</summary>
    private Dictionary<string, int> LongestTitles(IReadOnlyList<Passage> passages)
    {
        var longest = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in passages)
        {
            if (!seen.Add(passage.Title))
            {
                continue;
            }

            var terms = IndexAnalyzer.Terms(passage.Title);
            if (terms.Count is > 0 and <= MaxTitleTerms)
            {
                longest[terms[0]] = Math.Max(longest.GetValueOrDefault(terms[0]), terms.Count);
            }
        }

        return longest;
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

        foreach (var intent in QuestionIntents.Of(question))
        {
            if (!intentSectionWeights.TryGetValue(intent.Name, out var terms))
            {
                terms = SectionWeights(intent);
            }

            foreach (var (term, weight) in terms)
            {
                weights[term] = weight;
            }
        }

        return weights;
    }

    /// <summary>The bonus of each of an intent's section words found in some section heading.</summary>
    private (string Term, double Weight)[] SectionWeights(QuestionIntents.Intent intent)
    {
        var documents = Math.Max(1, reader.NumDocs);
        var weights = new List<(string, double)>();
        foreach (var term in IndexAnalyzer.Terms(intent.SectionWords))
        {
            var df = impacts.SectionDocumentFrequency(term);
            if (df > 0)
            {
                weights.Add((term, options.IntentBoost * Math.Log(1 + ((documents - df + 0.5) / (df + 0.5)))));
            }
        }

        return [.. weights];
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
        if (plan.IsEmpty || top <= 0 || Passages.Count == 0)
        {
            return [];
        }

        return SearchOrdinals(plan, top).Select(h => new SearchHit(Passages[h.Passage], h.Score) { LexicalScore = h.Score }).ToList();
    }

    public IReadOnlyList<SearchHit> Search(string question, int top) => Search(Plan(question), top);

    /// <summary>The best passages as (ordinal in <see cref="Passages"/>, BM25 score), best first.</summary>
    public List<(int Passage, float Score)> SearchOrdinals(QueryPlan plan, int top)
    {
        if (plan.IsEmpty || top <= 0 || Passages.Count == 0)
        {
            return [];
        }

        // The section-intent boost is applied by re-ranking the best candidates, not as a query clause: a clause on
        // "section:symptoms" would score every passage with such a section (tens of thousands at scale).
        var weights = plan.IntentSectionWeights;
        var depth = weights.Count == 0 ? top : Math.Max(top, options.IntentRerankDepth);
        var hits = Score(plan, depth);
        if (weights.Count > 0)
        {
            for (var i = 0; i < hits.Count; i++)
            {
                var (passage, score) = hits[i];
                foreach (var term in passageSectionTerms[passage])
                {
                    if (weights.TryGetValue(term, out var bonus))
                    {
                        score += (float)bonus;
                    }
                }

                hits[i] = (passage, score);
            }

            // Stable: equal scores keep their BM25 order.
            var reranked = hits.OrderByDescending(h => h.Score).Take(top).ToList();
            return reranked;
        }

        return hits;
    }

    /// <summary>
    /// The <paramref name="depth"/> best passages by the sum of the plan's clauses: the same scores (and doc-id tie
    /// order) as a Lucene BooleanQuery of those clauses with coordination off.
    /// </summary>
    private List<(int Passage, float Score)> Score(QueryPlan plan, int depth)
    {
        var accumulator = ScoreAccumulator.Rent(Passages.Count);
        foreach (var clause in plan.Clauses)
        {
            if (!clause.IsDisjunction)
            {
                foreach (var termId in clause.TermIds)
                {
                    var (passages, scores) = impacts.Postings(termId);
                    accumulator.Add(passages.Span, scores.Span);
                }

                continue;
            }

            foreach (var termId in clause.TermIds)
            {
                var (passages, scores) = impacts.Postings(termId);
                accumulator.AddAlternative(passages.Span, scores.Span);
            }

            foreach (var (passages, scores) in clause.Phrases)
            {
                accumulator.AddAlternative(passages, scores);
            }

            accumulator.EndConcept(ConceptTieBreaker);
        }

        foreach (var (key, boost) in plan.TitleClauses)
        {
            var (passages, score) = impacts.TitleKeyPostings(key, boost);
            if (score > 0)
            {
                accumulator.Add(passages, score);
            }
        }

        var top = accumulator.TakeTop(depth);
        accumulator.Return();
        return top;
    }

    private ConceptClause Clause(QueryConcept concept)
    {
        if (concept.IsSingleTerm)
        {
            var id = impacts.TermId(concept.Alternatives[0][0]);
            return new ConceptClause(id < 0 ? [] : [id], [], IsDisjunction: false);
        }

        var termIds = new List<int>();
        var phrases = new List<(int[], float[])>();
        foreach (var alternative in concept.Alternatives)
        {
            if (alternative.Length == 1)
            {
                var id = impacts.TermId(alternative[0]);
                if (id >= 0 && !termIds.Contains(id))
                {
                    termIds.Add(id);
                }

                continue;
            }

            if (alternative.Any(t => impacts.TermId(t) < 0))
            {
                continue; // a phrase with a word no passage has matches nothing
            }

            var key = TitleKey(alternative);
            if (!phrasePostings.TryGetValue(key, out var postings))
            {
                postings = PhrasePostings(alternative); // every synonym phrase is scored at build: not expected
            }

            phrases.Add(postings);
        }

        return new ConceptClause([.. termIds], [.. phrases], IsDisjunction: true);
    }

    /// <summary>
    /// Every passage matching a phrase (slop 1) in title, section or text, with the score Lucene gives the phrase
    /// queries over the fields with their boosts.
    /// </summary>
    private (int[] Passages, float[] Scores) PhrasePostings(string[] terms)
    {
        var phrase = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in Fields())
        {
            var fieldPhrase = new PhraseQuery { Slop = 1, Boost = boost };
            foreach (var term in terms)
            {
                fieldPhrase.Add(new Term(field, term));
            }

            phrase.Add(fieldPhrase, Occur.SHOULD);
        }

        var collector = new PhraseCollector(docToPassage);
        searcher.Search(phrase, collector);
        return ([.. collector.Passages], [.. collector.Scores]);
    }

    private (string Field, float Boost)[] Fields() =>
        [(TitleField, options.TitleBoost), (SectionField, options.SectionBoost), (TextField, options.TextBoost), (AlsoAskedField, options.AlsoAskedBoost)];

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
                rarest = Math.Min(rarest, impacts.DocumentFrequency(term));
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
