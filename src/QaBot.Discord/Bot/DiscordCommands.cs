using QaBot.Discord.Model;
using QaBot.Moderation;

namespace QaBot.Discord.Bot;

/// <summary>
/// The slash commands QaBot registers: <c>/ask question:&lt;text&gt;</c>, <c>/about</c>, and the moderators'
/// <c>/kb status|reload|gaps [days]|feedback [days]</c>.
/// </summary>
internal static class DiscordCommands
{
    public const string Ask = "ask";
    public const string About = "about";
    public const string QuestionOption = "question";
    public const string Kb = "kb";
    public const string DaysOption = "days";

    /// <summary>
    /// MANAGE_GUILD (1 &lt;&lt; 5): by default only members who may manage the server see <c>/kb</c>. Admins can allow a
    /// moderator role under Server Settings, Integrations. QaBot checks every use again itself
    /// (<see cref="ModeratorCheck"/>), since this default is only what Discord's client shows.
    /// </summary>
    public const string KbDefaultMemberPermissions = "32";

    /// <param name="global">Global commands say where they may be used (guilds and the bot's DMs).</param>
    /// <param name="maxQuestionChars">The answering engine's limit, so Discord stops longer questions already.</param>
    public static IReadOnlyList<ApplicationCommand> Definitions(bool global, int maxQuestionChars)
    {
        IReadOnlyList<int>? contexts = global ? [0, 1] : null;
        IReadOnlyList<int>? integrationTypes = global ? [0] : null;
        return
        [
            new ApplicationCommand
            {
                Name = Ask,
                Description = "Ask a question about stem cell therapy for autoimmune conditions",
                Options =
                [
                    new ApplicationCommandOption
                    {
                        Type = ApplicationCommandOption.StringType,
                        Name = QuestionOption,
                        Description = "Your question, e.g. Can stem cell therapy help lupus?",
                        Required = true,
                        MaxLength = Math.Clamp(maxQuestionChars, 1, 6000),
                    },
                ],
                Contexts = contexts,
                IntegrationTypes = integrationTypes,
            },
            new ApplicationCommand
            {
                Name = About,
                Description = "What QaBot knows about and how to ask",
                Contexts = contexts,
                IntegrationTypes = integrationTypes,
            },
            Moderator(global),
        ];
    }

    /// <summary><c>/kb</c>: servers only (moderators are members of a server), Manage Server by default.</summary>
    private static ApplicationCommand Moderator(bool global) => new()
    {
        Name = Kb,
        Description = "Moderators: knowledge status, reload, unanswered questions and feedback",
        DefaultMemberPermissions = KbDefaultMemberPermissions,
        Contexts = global ? [0] : null,
        IntegrationTypes = global ? [0] : null,
        Options =
        [
            Subcommand("status", "Knowledge files, passages, last reload and problems"),
            Subcommand("reload", "Read the knowledge files again now"),
            Subcommand("gaps", "The most frequent questions that got no answer or \"Not helpful\"", withDays: true),
            Subcommand("feedback", "Helpful and not helpful clicks, and the passages marked not helpful most", withDays: true),
        ],
    };

    private static ApplicationCommandOption Subcommand(string name, string description, bool withDays = false) => new()
    {
        Type = ApplicationCommandOption.SubCommandType,
        Name = name,
        Description = description,
        Options = withDays
            ?
            [
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOption.IntegerType,
                    Name = DaysOption,
                    Description = $"How many days back (default {ModeratorCommand.DefaultDays})",
                    Required = false,
                    MinValue = ModeratorCommand.MinDays,
                    MaxValue = ModeratorCommand.MaxDays,
                },
            ]
            : null,
    };
}
