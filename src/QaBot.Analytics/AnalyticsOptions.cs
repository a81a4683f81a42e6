namespace QaBot.Analytics;

/// <summary>
/// Feedback and gap analytics. Section <c>QaBot:Analytics</c>. Checked at start-up by <see cref="AnalyticsOptionsValidator"/>,
/// which reports every problem in one message.
/// </summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "QaBot:Analytics";

    /// <summary>The store used today; the only one implemented.</summary>
    public const string SqliteProvider = "sqlite";

    /// <summary>Record answers and feedback (default true). Off, nothing is recorded and the reports say so.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Which <see cref="Storage.IAnalyticsStore"/> keeps the records (default <c>sqlite</c>, the only one today). A server
    /// database would be a second implementation of the interface, chosen here.
    /// </summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>The SQLite database file (default <c>.qabot/analytics.db</c>, relative to the content root).</summary>
    public string DatabasePath { get; set; } = ".qabot/analytics.db";

    /// <summary>Records older than this many days are deleted automatically (default 30).</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>
    /// The secret key of the user-id hashes (at least 32 characters). Set it only with the environment variable
    /// <c>QaBot__Analytics__HashKey</c> or user secrets, never in appsettings.json. When none is set, a random key is
    /// generated once and kept, owner-only, in a key file next to the database.
    /// </summary>
    public string? HashKey { get; set; }

    /// <summary>Records waiting to be written; when the queue is full, new records are dropped and counted (default 10,000).</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How often expired records are deleted (default one hour; also once at start-up).</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After a failure to open or write the database, how long the writer waits before trying again (default 30 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At shutdown, how long the writer may take to store what is still queued (default 5 s).</summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one database operation may wait for a lock held by another process (default 5 s).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
