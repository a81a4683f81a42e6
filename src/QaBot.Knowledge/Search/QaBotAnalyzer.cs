using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace QaBot.Knowledge.Search;

/// <summary>
/// QaBot's English analysis chain, used alike for indexing and querying: standard tokenizer, possessives, lowercase,
/// accent folding, stop words, then Porter stemming except for protected medical acronyms (MS, SLE, RA, ...), which
/// Porter would otherwise damage ("ms" -> "m"). Synonyms are applied at query time on the analysed terms.
/// </summary>
public sealed class QaBotAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Acronyms and short medical terms that are never stemmed.</summary>
    public static readonly IReadOnlyList<string> DefaultProtectedTerms =
    [
        "ms", "sle", "ra", "ipsc", "ipscs", "msc", "mscs", "hsct", "asct", "fda", "nih", "cdc", "who", "ibs", "ibd", "als",
        "copd", "hiv", "aids", "adhd", "uti", "utis", "gerd", "cvd", "ckd", "dna", "rna", "mri", "ct", "ecg", "ekg", "hpv",
        "tb", "pots", "cfs", "ptsd", "ocd", "nmo", "cidp", "aml", "all", "cml", "cll", "gvhd", "dmard", "dmards", "nsaid",
        "nsaids", "ivig", "cart",
    ];

    /// <summary>
    /// Words that carry no topic in a chat question ("what", "my", "can", "really", ...). They are still searched, but
    /// do not count towards the confidence, so that conversational wording does not dilute it.
    /// </summary>
    public static readonly IReadOnlyList<string> ChatStopWords =
    [
        "what", "whats", "what's", "how", "hows", "why", "when", "where", "which", "who", "whom", "whose", "does", "do", "did",
        "doing", "done", "can", "could", "would", "should", "shall", "may", "might", "must", "i", "im", "i'm", "ive", "i've",
        "me", "my", "mine", "myself", "we", "us", "our", "you", "your", "he", "she", "his", "her", "him", "them", "its",
        "am", "been", "being", "have", "has", "had", "having", "get", "gets", "got", "getting", "just", "really", "even",
        "also", "please", "pls", "plz", "tell", "know", "about", "any", "some", "here", "so", "very", "much", "too",
        "thanks", "thank", "thx", "hi", "hello", "hey", "anyone", "someone", "something", "anything", "thing", "things",
        "lot", "lots", "kind", "sort", "like", "want", "wanted", "need", "needs", "wondering", "wonder", "question",
        "questions", "ok", "okay", "yes", "um", "uh", "explain", "mean", "means", "meant", "let", "lets", "say", "said",
        "go", "going", "gonna", "wanna", "still", "ever", "way", "ways", "actually", "basically", "im", "u", "ur", "r",
        "pt", "pts", "hear", "heard", "read", "info", "information", "give", "new", "since", "now", "currently",
    ];

    private readonly CharArraySet protectedTerms;
    private readonly CharArraySet stopWords = EnglishAnalyzer.DefaultStopSet;

    /// <param name="extraProtectedTerms">More terms to keep unstemmed (e.g. one-word synonyms).</param>
    public QaBotAnalyzer(IEnumerable<string>? extraProtectedTerms = null) =>
        protectedTerms = new CharArraySet(Version, DefaultProtectedTerms.Concat(extraProtectedTerms ?? []).ToList(), ignoreCase: true);

    /// <summary>The analysed terms of a text, in order.</summary>
    public List<string> Terms(string text, string field = "text")
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>The analysed terms of a text with their character offsets.</summary>
    public List<(string Term, int Start, int End)> TermsWithOffsets(string text, string field = "text")
    {
        var terms = new List<(string, int, int)>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return terms;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, stopWords);
        stream = new SetKeywordMarkerFilter(stream, protectedTerms);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
