namespace QaBot.Moderation;

/// <summary>
/// A place where moderators read what QaBot reports on its own, such as new knowledge problems after a reload: a Discord
/// channel, a Teams conversation. Each platform registers one when it is configured.
/// </summary>
public interface IModeratorChannel
{
    /// <summary>The platform, for the logs: <c>discord</c>, <c>teams</c>.</summary>
    string Platform { get; }

    /// <summary>Posts <paramref name="message"/>. Throws when the post fails; the caller logs it and carries on.</summary>
    Task PostAsync(ModeratorReply message, CancellationToken cancellationToken);
}
