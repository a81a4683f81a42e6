namespace QaBot.Analytics.Reports;

/// <summary>Why a question is in the gap report.</summary>
public enum GapReason
{
    /// <summary>The bot found no answer in the knowledge.</summary>
    NoAnswer,

    /// <summary>Someone clicked "Not helpful" on the answer.</summary>
    NotHelpful,
}
