using QaBot.Discord.Model;

namespace QaBot.Discord.Bot;

/// <summary>The slash commands QaBot registers: <c>/ask question:&lt;text&gt;</c> and <c>/about</c>.</summary>
internal static class DiscordCommands
{
    public const string Ask = "ask";
    public const string About = "about";
    public const string QuestionOption = "question";

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
        ];
    }
}
