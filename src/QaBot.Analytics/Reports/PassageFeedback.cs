namespace QaBot.Analytics.Reports;

/// <summary>A cited passage and the feedback on the answers that cited it.</summary>
public sealed record PassageFeedback
{
    /// <summary>The passage id, e.g. <c>conditions/lupus#can-stem-cell-therapy-help-lupus-sle</c>.</summary>
    public required string PassageId { get; init; }

    public required int NotHelpful { get; init; }

    public required int Helpful { get; init; }
}
