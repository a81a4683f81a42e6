using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace QaBot.Knowledge.Search;

/// <summary>
/// Every term's BM25 score in every passage, computed once when the index is built: for a term, the sum over title,
/// section and text of Lucene's <c>BM25Similarity(1.2, 0.75)</c> score with the field's boost, exactly as the
/// per-field term clauses would score it at query time (same idf over <c>MaxDoc</c>, same average field length, same
/// one-byte length norms). A question then costs one pass over its terms' postings in flat arrays instead of Lucene's
/// per-query weights, per-field term lookups, bucket tables and virtual scorer calls. Immutable and thread-safe.
/// </summary>
internal sealed class ImpactIndex
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    private readonly Dictionary<string, int> termIds;
    private readonly int[] termStart;
    private readonly int[] termDocFrequency;
    private readonly Dictionary<string, int> sectionDocFrequency;
    private readonly int[] postingPassage;
    private readonly float[] postingScore;
    private readonly Dictionary<string, (float Idf, int[] Passages)> titleKeys;

    private ImpactIndex(
        Dictionary<string, int> termIds,
        int[] termStart,
        int[] termDocFrequency,
        Dictionary<string, int> sectionDocFrequency,
        int[] postingPassage,
        float[] postingScore,
        Dictionary<string, (float, int[])> titleKeys,
        int documents)
    {
        this.termIds = termIds;
        this.termStart = termStart;
        this.termDocFrequency = termDocFrequency;
        this.sectionDocFrequency = sectionDocFrequency;
        this.postingPassage = postingPassage;
        this.postingScore = postingScore;
        this.titleKeys = titleKeys;
        Documents = documents;
    }

    /// <summary>Documents in the index (Lucene's <c>MaxDoc</c>; nothing is ever deleted).</summary>
    public int Documents { get; }

    /// <summary>Approximate bytes held by the postings and term tables.</summary>
    public long SizeInBytes => (postingPassage.LongLength * (sizeof(int) + sizeof(float))) + (termStart.LongLength * sizeof(int) * 2);

    /// <summary>
    /// Builds the impacts from a committed index. <paramref name="fields"/> are the searched fields with their boosts,
    /// in the order a term clause lists them; <paramref name="docToPassage"/> maps Lucene doc ids to passage ordinals.
    /// </summary>
    public static ImpactIndex Build(IndexReader reader, IReadOnlyList<(string Field, float Boost)> fields, string sectionField, string textField, string titleField, string titleKeyField, int[] docToPassage)
    {
        var maxDoc = reader.MaxDoc;
        var fieldCount = fields.Count;
        var enums = new TermsEnum?[fieldCount];
        var caches = new float[fieldCount][];
        var norms = new byte[fieldCount][];
        long capacity = 0;
        for (var f = 0; f < fieldCount; f++)
        {
            var terms = MultiFields.GetTerms(reader, fields[f].Field);
            enums[f] = terms?.GetEnumerator();
            capacity += terms?.SumDocFreq ?? 0;
            caches[f] = NormCache(terms?.SumTotalTermFreq ?? 0, maxDoc);
            norms[f] = Norms(reader, fields[f].Field);
        }

        if (capacity > Array.MaxLength)
        {
            throw new InvalidOperationException($"the lexical index has {capacity} postings, more than one array can hold");
        }

        var postingPassage = new int[capacity];
        var postingScore = new float[capacity];
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var starts = new List<int>();
        var frequencies = new List<int>();
        var sectionFrequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var textIndex = IndexOf(fields, textField);
        var titleIndex = IndexOf(fields, titleField);
        var sectionIndex = IndexOf(fields, sectionField);

        var has = new bool[fieldCount];
        for (var f = 0; f < fieldCount; f++)
        {
            has[f] = enums[f]?.MoveNext() == true;
        }

        var docs = new DocsEnum?[fieldCount];
        var current = new int[fieldCount];
        var weights = new float[fieldCount];
        var matching = new bool[fieldCount];
        var count = 0;
        while (true)
        {
            // The fields' term dictionaries are sorted alike: walk them together, one term at a time.
            var lowest = -1;
            for (var f = 0; f < fieldCount; f++)
            {
                if (has[f] && (lowest < 0 || enums[f]!.Term.CompareTo(enums[lowest]!.Term) < 0))
                {
                    lowest = f;
                }
            }

            if (lowest < 0)
            {
                break;
            }

            var term = enums[lowest]!.Term.Utf8ToString();
            int textDf = 0, titleDf = 0;
            for (var f = 0; f < fieldCount; f++)
            {
                matching[f] = has[f] && (f == lowest || enums[f]!.Term.Equals(enums[lowest]!.Term));
                if (!matching[f])
                {
                    continue;
                }

                var df = enums[f]!.DocFreq;
                textDf = f == textIndex ? df : textDf;
                titleDf = f == titleIndex ? df : titleDf;
                if (f == sectionIndex)
                {
                    sectionFrequencies[term] = df;
                }

                // BM25Stats: weight = idf * queryBoost * topLevelBoost; BM25DocScorer: weightValue = weight * (k1 + 1).
                weights[f] = Idf(df, maxDoc) * fields[f].Boost * 1f * (K1 + 1);
                docs[f] = enums[f]!.Docs(null, docs[f], DocsFlags.FREQS);
                current[f] = docs[f]!.NextDoc();
            }

            termIds[term] = starts.Count;
            starts.Add(count);
            frequencies.Add(Math.Max(textDf, titleDf));
            while (true)
            {
                var doc = DocIdSetIterator.NO_MORE_DOCS;
                for (var f = 0; f < fieldCount; f++)
                {
                    if (matching[f] && current[f] < doc)
                    {
                        doc = current[f];
                    }
                }

                if (doc == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }

                // A term clause sums its field clauses in double and returns a float, as Lucene's disjunction does.
                double sum = 0;
                for (var f = 0; f < fieldCount; f++)
                {
                    if (matching[f] && current[f] == doc)
                    {
                        float freq = docs[f]!.Freq;
                        sum += weights[f] * freq / (freq + caches[f][norms[f][doc]]);
                        current[f] = docs[f]!.NextDoc();
                    }
                }

                if ((float)sum > 0)
                {
                    // Only positive scores are kept: the accumulator tells a touched passage by its non-zero score.
                    postingPassage[count] = docToPassage[doc];
                    postingScore[count] = (float)sum;
                    count++;
                }
            }

            for (var f = 0; f < fieldCount; f++)
            {
                if (matching[f])
                {
                    has[f] = enums[f]!.MoveNext();
                }
            }
        }

        starts.Add(count);
        return new ImpactIndex(termIds, [.. starts], [.. frequencies], sectionFrequencies, postingPassage, postingScore, TitleKeys(reader, titleKeyField, docToPassage), maxDoc);
    }

    /// <summary>The term's id, or -1 when no passage has it.</summary>
    public int TermId(string term) => termIds.GetValueOrDefault(term, -1);

    /// <summary>The larger of the term's document frequencies in text and title (0 when unknown).</summary>
    public int DocumentFrequency(string term) => termIds.TryGetValue(term, out var id) ? termDocFrequency[id] : 0;

    /// <summary>How many passages have the term in their section heading.</summary>
    public int SectionDocumentFrequency(string term) => sectionDocFrequency.GetValueOrDefault(term);

    /// <summary>True when some passage's whole analysed title is this key.</summary>
    public bool HasTitleKey(string key) => titleKeys.ContainsKey(key);

    /// <summary>The passages having a term and the term's score in each (summed over the fields).</summary>
    public (ReadOnlyMemory<int> Passages, ReadOnlyMemory<float> Scores) Postings(int termId)
    {
        var start = termStart[termId];
        var length = termStart[termId + 1] - start;
        return (postingPassage.AsMemory(start, length), postingScore.AsMemory(start, length));
    }

    /// <summary>
    /// The passages whose whole title is <paramref name="key"/>, and the score of a term query on the title key with
    /// <paramref name="boost"/> (that field has no norms and one occurrence per passage).
    /// </summary>
    public (int[] Passages, float Score) TitleKeyPostings(string key, float boost)
    {
        if (!titleKeys.TryGetValue(key, out var entry))
        {
            return ([], 0f);
        }

        var weightValue = entry.Idf * boost * 1f * (K1 + 1);
        return (entry.Passages, weightValue * 1f / (1f + K1));
    }

    /// <summary>BM25's idf as Lucene's <c>BM25Similarity.Idf</c> computes it.</summary>
    public static float Idf(long docFreq, long documents) => (float)Math.Log(1 + ((documents - docFreq + 0.5D) / (docFreq + 0.5D)));

    private static Dictionary<string, (float, int[])> TitleKeys(IndexReader reader, string field, int[] docToPassage)
    {
        var result = new Dictionary<string, (float, int[])>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return result;
        }

        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        var passages = new List<int>();
        while (termsEnum.MoveNext())
        {
            passages.Clear();
            docs = termsEnum.Docs(null, docs, DocsFlags.NONE);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                passages.Add(docToPassage[doc]);
            }

            result[termsEnum.Term.Utf8ToString()] = (Idf(termsEnum.DocFreq, reader.MaxDoc), passages.ToArray());
        }

        return result;
    }

    /// <summary><c>k1 * ((1 - b) + b * fieldLength / avgdl)</c> for every one-byte norm, as BM25Similarity caches it.</summary>
    private static float[] NormCache(long sumTotalTermFreq, int maxDoc)
    {
        var averageLength = sumTotalTermFreq <= 0 ? 1f : (float)(sumTotalTermFreq / (double)maxDoc);
        var cache = new float[256];
        for (var i = 0; i < cache.Length; i++)
        {
            var f = SmallSingle.SByte315ToSingle((sbyte)i);
            var length = 1.0f / (f * f);
            cache[i] = K1 * ((1 - B) + (B * length / averageLength));
        }

        return cache;
    }

    /// <summary>The one-byte length norm of every document's field (0 for a document without the field).</summary>
    private static byte[] Norms(IndexReader reader, string field)
    {
        var result = new byte[reader.MaxDoc];
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetNormValues(field);
            if (values is null)
            {
                continue;
            }

            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                result[leaf.DocBase + doc] = (byte)values.Get(doc);
            }
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<(string Field, float Boost)> fields, string field)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Field == field)
            {
                return i;
            }
        }

        return -1;
    }
}
