namespace QaBot.Answering;

/// <summary>What makes an answer hard to read (see <see cref="AnswerReadability"/>).</summary>
public enum ReadabilityProblemKind
{
    /// <summary>
    /// A piece of text that cannot stand alone: a sentence starting in lower case, a list header without its list, a
    /// piece opening with a sentence that points back ("Because of this,", "There they"), a lone "Yes."/"No.".
    /// </summary>
    Fragment,

    /// <summary>Two sentences of the answer say the same thing.</summary>
    Repeated,

    /// <summary>Text cut short: no end punctuation, a trailing "…", a word cut off.</summary>
    Cut,
}
