namespace QaBot.Moderation;

public static class ModeratorCommandsExtensions
{
    /// <summary>Runs <paramref name="command"/>: the matching method of <paramref name="commands"/>.</summary>
    public static Task<ModeratorReply> RunAsync(this IModeratorCommands commands, ModeratorCommand command, CancellationToken cancellationToken) =>
        command.Action switch
        {
            ModeratorAction.Status => commands.StatusAsync(cancellationToken),
            ModeratorAction.Reload => commands.ReloadAsync(cancellationToken),
            ModeratorAction.Gaps => commands.GapsAsync(command.Days, cancellationToken),
            ModeratorAction.Feedback => commands.FeedbackAsync(command.Days, cancellationToken),
            _ => Task.FromResult(commands.Help(command.Problem)),
        };
}
