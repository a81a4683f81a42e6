namespace QaBot.Discord;

/// <summary>The shared, thread-safe <see cref="IDiscordHealth"/> that the gateway and the hosted service update.</summary>
internal sealed class DiscordStatus : IDiscordHealth
{
    private readonly Lock gate = new();
    private DiscordConnectionState state = DiscordConnectionState.Starting;
    private string? failureReason;

    public DiscordConnectionState State
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    public string? FailureReason
    {
        get
        {
            lock (gate)
            {
                return failureReason;
            }
        }
    }

    public void Set(DiscordConnectionState value)
    {
        lock (gate)
        {
            if (state != DiscordConnectionState.Failed)
            {
                state = value;
            }
        }
    }

    public void Fail(string reason)
    {
        lock (gate)
        {
            state = DiscordConnectionState.Failed;
            failureReason = reason;
        }
    }
}
