namespace QaBot.Analytics.Reports;

/// <summary>
/// Reports for moderators, independent of any chat platform: what members ask that the knowledge does not answer, and
/// how answers are rated. Used by <c>qabot kb gaps</c> / <c>qabot kb feedback</c>, and meant for chat commands such as
/// <c>/kb gaps</c> and <c>/kb feedback</c>:
/// <code>
/// try
/// {
///     var gaps = await reports.GetGapsAsync(TimeSpan.FromDays(7), limit: 10, cancellationToken);
///     reply(AnalyticsReportText.Gaps(gaps));           // or build an embed / card from gaps.Groups
/// }
/// catch (AnalyticsUnavailableException ex)
/// {
///     reply(ex.Message);                               // "Analytics are turned off ...", "The analytics database ... cannot be read ..."
/// }
/// </code>
/// Everything in a report is safe to show to moderators: user ids appear only as counts, questions only redacted.
/// Arguments are forgiving (chat input): the window is clamped to between one hour and the retention period, the
/// limit to between 1 and <see cref="MaxLimit"/>; the report says which period it covers.
/// </summary>
public interface IAnalyticsReports
{
    /// <summary>The most groups a gap report returns.</summary>
    const int MaxLimit = 100;

    /// <summary>The most passages a feedback report lists.</summary>
    const int MaxPassages = 10;

    /// <summary>
    /// Unanswered questions and "Not helpful" clicks with their question from the last <paramref name="window"/>,
    /// grouped by similar wording (<see cref="QuestionNormalizer"/>), the largest groups first, at most
    /// <paramref name="limit"/> groups. Each group has its count, distinct users, when it was last asked, a redacted
    /// example and the reasons.
    /// </summary>
    /// <exception cref="AnalyticsUnavailableException">Analytics are turned off, or the database cannot be read; the message says which and what to do.</exception>
    Task<GapReport> GetGapsAsync(TimeSpan window, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// "Helpful" / "Not helpful" counts and question outcomes by platform over the last <paramref name="window"/>, and
    /// the passages most often cited by answers marked not helpful (at most <see cref="MaxPassages"/>).
    /// </summary>
    /// <exception cref="AnalyticsUnavailableException">Analytics are turned off, or the database cannot be read.</exception>
    Task<FeedbackReport> GetFeedbackAsync(TimeSpan window, CancellationToken cancellationToken);
}
