namespace QaBot.Discord.Gateway;

/// <summary>What a resume needs: the session id, the resume URL and the last sequence number received.</summary>
internal sealed class GatewaySession
{
    private readonly Lock gate = new();
    private long sequence = -1;
    private long heartbeatAcks;

    public string? SessionId { get; private set; }

    public string? ResumeUrl { get; private set; }

    public bool CanResume
    {
        get
        {
            lock (gate)
            {
                return SessionId is not null;
            }
        }
    }

    /// <summary>The last sequence number, or null before the first dispatch.</summary>
    public long? Sequence
    {
        get
        {
            var value = Interlocked.Read(ref sequence);
            return value < 0 ? null : value;
        }
    }

    /// <summary>Heartbeat acknowledgements received over the session's connections (diagnostics and tests).</summary>
    public long HeartbeatAcks => Interlocked.Read(ref heartbeatAcks);

    public void Observe(long value) => Interlocked.Exchange(ref sequence, value);

    public void Acknowledged() => Interlocked.Increment(ref heartbeatAcks);

    public void Start(string sessionId, string? resumeUrl)
    {
        lock (gate)
        {
            SessionId = sessionId;
            ResumeUrl = resumeUrl;
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            SessionId = null;
            ResumeUrl = null;
            Interlocked.Exchange(ref sequence, -1);
        }
    }
}
