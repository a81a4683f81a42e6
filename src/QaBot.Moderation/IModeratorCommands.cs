namespace QaBot.Moderation;

/// <summary>
/// What moderators can ask of QaBot, whatever the platform. Every method answers with a <see cref="ModeratorReply"/>
/// and never throws for a failure the moderator should hear about (a reload that fails, analytics that are off or
/// unavailable, days out of range): the reply says what happened, with <see cref="ModeratorReply.IsError"/> set.
/// Who may call these is the platform's decision (roles, permissions, configured ids), made before calling.
/// </summary>
public interface IModeratorCommands
{
    /// <summary>Files, passages, last reload time, current problems (file:line: problem, and whether a last good
    /// version is serving) and the embeddings status.</summary>
    Task<ModeratorReply> StatusAsync(CancellationToken cancellationToken);

    /// <summary>Reads the knowledge files again now and reports the outcome.</summary>
    Task<ModeratorReply> ReloadAsync(CancellationToken cancellationToken);

    /// <summary>The most frequent questions of the last <paramref name="days"/> days (default 7, 1 to 90) that got no
    /// answer or "Not helpful".</summary>
    Task<ModeratorReply> GapsAsync(int? days, CancellationToken cancellationToken);

    /// <summary>Helpful / not helpful counts of the last <paramref name="days"/> days (default 7, 1 to 90) and the
    /// passages most often marked not helpful.</summary>
    Task<ModeratorReply> FeedbackAsync(int? days, CancellationToken cancellationToken);

    /// <summary>The list of commands, after <paramref name="problem"/> when a command could not be read.</summary>
    ModeratorReply Help(string? problem);
}
