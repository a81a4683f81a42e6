using System.ComponentModel.DataAnnotations;

namespace QaBot.Answering;

/// <summary>How answers are composed. Section <c>QaBot:Answering</c>.</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "QaBot:Answering";

    /// <summary>The standing reminder on every reply, of every kind. At most 500 characters, so that every platform
    /// shows it whole (Teams cards, Discord footers and notes have limits).</summary>
    [Required]
    [MinLength(10)]
    [MaxLength(500)]
    public string Reminder { get; set; } =
        "This is general information, not medical advice. Please talk to your healthcare provider about your own situation.";

    /// <summary>Longer messages get a polite request to shorten them. Default 2000 characters.</summary>
    [Range(50, 100_000)]
    public int MaxQuestionChars { get; set; } = 2000;

    /// <summary>At most this many passages are cited. Default 3.</summary>
    [Range(1, 10)]
    public int MaxCitations { get; set; } = 3;

    /// <summary>
    /// Length limit of the answer text. Default 700 characters. The answer is made of whole sentences: sentences that do
    /// not fit are left out, never cut (only a single first sentence longer than the limit is kept whole).
    /// </summary>
    [Range(100, 4000)]
    public int MaxAnswerChars { get; set; } = 700;

    /// <summary>
    /// A cited passage with more sentences than this (an imported article, a JSONL record) gives a contiguous window
    /// around its best-matching sentence instead of its opening. Default 8.
    /// </summary>
    [Range(2, 1000)]
    public int LongPassageSentences { get; set; } = 8;

    /// <summary>Length limit of each citation's quote (bold markers not counted). Default 300 characters.</summary>
    [Range(80, 2000)]
    public int MaxQuoteChars { get; set; } = 300;

    /// <summary>How many passages are retrieved before choosing citations. Default 10.</summary>
    [Range(1, 100)]
    public int Candidates { get; set; } = 10;

    /// <summary>
    /// Lexical search (embeddings off): the best passage must contain at least this idf-weighted share (0..1) of the
    /// question's concepts for the question to be answered; below it the reply is "no answer". See the README.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.55;

    /// <summary>
    /// With embeddings on: the best passage's cosine similarity with the question must reach this for the question to
    /// be answered. Calibrated on MedQuAD with <c>qabot calibrate</c>; see the README.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinSimilarity { get; set; } = 0.5;

    /// <summary>
    /// With embeddings on: the best passage's cosine must exceed the mean cosine of the dense candidates (the
    /// knowledge's background for the question) by at least this much. Calibrated; see the README.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinSimilarityMargin { get; set; } = 0.09;

    /// <summary>With embeddings on: a best passage at least this similar is answered without the margin check.</summary>
    [Range(0.0, 1.0)]
    public double SureSimilarity { get; set; } = 0.75;

    /// <summary>
    /// With embeddings on: the best passage's title and section must name at least this idf-weighted share (0..1) of the
    /// question's topic words (what is asked about, not what is asked: "lupus" in "what are the symptoms of lupus?").
    /// Calibrated on MedQuAD with <c>qabot calibrate</c>; see the README.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinFocusCoverage { get; set; } = 0.9;

    /// <summary>Which evidence, besides <see cref="MinSimilarity"/>, lets a question be answered. See the README.</summary>
    public AnswerEvidence Evidence { get; set; } = AnswerEvidence.Any;

    /// <summary>A further passage is cited only when its lexical confidence is at least this share of the best one's.</summary>
    [Range(0.0, 1.0)]
    public double RelativeCitationConfidence { get; set; } = 0.75;

    /// <summary>With embeddings on, a further passage is cited only when its similarity is within this of the best one's.</summary>
    [Range(0.0, 1.0)]
    public double CitationSimilarityMargin { get; set; } = 0.1;

    [Required]
    public string NoAnswerText { get; set; } =
        "I'm sorry, I couldn't find a good answer to that in what I know. I can answer general questions about stem cell " +
        "therapy for autoimmune conditions such as rheumatoid arthritis, lupus and multiple sclerosis: what it is, how it " +
        "may help, where the cells come from, what studies have found so far and how safe it is. Try asking in other words.";

    [Required]
    public string EmptyQuestionText { get; set; } =
        "Please type a question, for example: \"Can stem cell therapy help lupus?\" or \"What are induced pluripotent stem cells?\"";

    /// <summary>Reply to a greeting ("hi"); the example questions follow it.</summary>
    [Required]
    public string GreetingText { get; set; } =
        "Hello! I'm QaBot. I answer general questions about stem cell therapy for autoimmune conditions such as rheumatoid " +
        "arthritis, lupus and multiple sclerosis, from reviewed information with its sources.";

    /// <summary>Reply to "what can you do?"; the example questions follow it.</summary>
    [Required]
    public string CapabilitiesText { get; set; } =
        "I answer general questions about stem cell therapy for autoimmune conditions such as rheumatoid arthritis, lupus " +
        "and multiple sclerosis: what it is, how it may work, what studies have found, its risks and its approval status. " +
        "Every answer comes from reviewed information and names its sources. I can't give personal medical advice.";

    /// <summary>Reply to thanks; the example questions follow it.</summary>
    [Required]
    public string ThanksText { get; set; } = "You're welcome! I'm glad to help.";

    /// <summary>Reply to a goodbye; the example questions follow it.</summary>
    [Required]
    public string GoodbyeText { get; set; } = "Goodbye, and take care!";

    /// <summary>Example questions offered with small-talk replies, separated by <c>|</c> (at most three are shown).</summary>
    [Required]
    public string ExampleQuestions { get; set; } =
        "What is stem cell therapy?|Can stem cell therapy help multiple sclerosis?|Is stem cell therapy safe?";

    /// <summary>Reply to a question written in another language (es, fr, de, pt, it): QaBot answers in English only.</summary>
    [Required]
    public string EnglishOnlyText { get; set; } =
        "Sorry, I can only answer questions in English. Please ask your question in English, for example: " +
        "\"What is stem cell therapy?\"";

    /// <summary>Added to a multi-part answer when one part of the question found no answer.</summary>
    [Required]
    public string PartNotAnsweredText { get; set; } = "I couldn't find an answer to the other part of your question in what I know.";

    /// <summary>Reply to an over-long message; <c>{0}</c> is the limit.</summary>
    [Required]
    public string TooLongText { get; set; } =
        "That message is longer than I can read at once (the limit is {0} characters). Please ask a shorter question.";
}
