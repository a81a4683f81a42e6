using QaBot.Analytics.Reports;

namespace QaBot.Analytics.Storage;

/// <summary>
/// Where analytics records live. Everything that speaks SQL is behind this interface: <see cref="SqliteAnalyticsStore"/>
/// is the default (a file next to the app), and a server database (PostgreSQL, SQL Server) would be another
/// implementation selected by <see cref="AnalyticsOptions.Provider"/> in <c>AddAnalyticsStore()</c>. An implementation
/// creates and migrates its own schema, keeps only what it is given (user ids arrive hashed, text redacted), and may
/// throw when the database is unavailable: the writer counts the failure and tries again later, the reports turn it
/// into <see cref="AnalyticsUnavailableException"/>. Reading or deleting never creates the database.
/// </summary>
public interface IAnalyticsStore
{
    /// <summary>Where the data is, for messages: a file path, or a server and database name (never credentials).</summary>
    string Location { get; }

    /// <summary>Writes the records in one transaction, creating or migrating the schema first if needed.</summary>
    Task WriteAsync(AnalyticsBatch batch, CancellationToken cancellationToken);

    /// <summary>Deletes every record older than <paramref name="cutoff"/>; returns how many rows went.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>The platforms that have records (to forget a person on all of them).</summary>
    Task<IReadOnlyList<string>> GetPlatformsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes every record of these hashed users; returns how many rows went.</summary>
    Task<ForgetResult> DeleteUsersAsync(IReadOnlyCollection<string> userHashes, CancellationToken cancellationToken);

    /// <summary>Unanswered and "Not helpful" questions of the window grouped by <see cref="QuestionRecord.GroupKey"/>, largest groups first.</summary>
    Task<GapReport> GetGapsAsync(DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken);

    /// <summary>Feedback and question counts by platform, and the passages most often marked not helpful.</summary>
    Task<FeedbackReport> GetFeedbackAsync(DateTimeOffset since, DateTimeOffset until, int passages, CancellationToken cancellationToken);

    /// <summary>A description of a failure of this store that is safe to log: no question text, no user data.</summary>
    string DescribeFailure(Exception exception);
}
