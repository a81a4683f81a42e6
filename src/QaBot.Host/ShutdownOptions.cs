namespace QaBot.Host;

/// <summary>How the host stops (SIGTERM, Ctrl+C). Section <c>QaBot:Shutdown</c>.</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "QaBot:Shutdown";

    /// <summary>
    /// How long stopping may take in all: HTTP requests in progress finish and Discord closes its gateway and drains its
    /// answers within it. Default 25 s, inside Kubernetes' default grace period of 30 s.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);
}
