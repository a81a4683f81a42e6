namespace QaBot.Answering.Composition;

/// <summary>
/// A whole unit of passage text an answer may use: one sentence, a lone "Yes."/"No." with the sentence it answers
/// with, or a list with its header. <see cref="First"/>..<see cref="Last"/> are the passage's sentence orders it spans.
/// </summary>
internal sealed record AnswerUnit(string Text, int Index, int First, int Last, double Score)
{
    public bool IsList { get; init; }

    /// <summary>A piece of text that cannot stand in an answer: a list header without its list, list items without a header.</summary>
    public bool IsFragment { get; init; }

    public bool PointsBack { get; init; }

    public bool IsCaveat { get; init; }

    public bool OpensWithYesNo { get; init; }

    /// <summary>The unit without a lone "Yes."/"No." lead, for when it adds to another passage's answer.</summary>
    public string WithoutLead { get; init; } = "";
}
