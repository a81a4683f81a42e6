namespace QaBot.Discord.Tests.Fakes;

/// <summary>A timer created on an <see cref="ObservedTimeProvider"/>: when it was due, and whether it has fired.</summary>
public sealed class ObservedTimer(TimeSpan due, DateTimeOffset createdAt)
{
    private int fired;

    public TimeSpan Due { get; } = due;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public bool Fired => Volatile.Read(ref fired) == 1;

    internal void MarkFired() => Volatile.Write(ref fired, 1);
}
