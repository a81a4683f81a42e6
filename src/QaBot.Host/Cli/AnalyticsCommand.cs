using System.CommandLine;
using Microsoft.Extensions.Options;
using QaBot.Analytics.Privacy;
using QaBot.Answering.Conversations;
using QaBot.State.Redis;

namespace QaBot.Host.Cli;

/// <summary>
/// <c>qabot analytics forget --user ID [--platform discord|teams|api]</c>: delete one person's records, and their
/// conversation context when it is kept in Redis (<c>QaBot:State:Store</c>); in-memory context lives only in the running
/// host and is forgotten <c>QaBot:Conversations:Lifetime</c> after the last turn.
/// </summary>
internal static class AnalyticsCommand
{
    public static Command Create()
    {
        var command = new Command("analytics", "Analytics data: forget a person's records.");
        command.Subcommands.Add(Forget());
        return command;
    }

    private static Command Forget()
    {
        var user = new Option<string>("--user") { Description = "The person's id on the platform (Discord user id, Teams AAD object id).", Required = true };
        var platform = new Option<string?>("--platform") { Description = "Only this platform. Default: every platform." };
        platform.AcceptOnlyFromAmong("discord", "teams", "api");
        var database = AnalyticsCliOptions.Database();
        var command = new Command("forget", "Delete every question and feedback record and the conversation context of one person and print how many went.") { user, platform, database };
        command.SetAction(async (result, cancellationToken) =>
        {
            var id = result.GetValue(user)?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                await Console.Error.WriteLineAsync("qabot analytics forget: --user must not be empty");
                return 2;
            }

            using var host = CliServices.BuildAnalytics(result.GetValue(database));
            var privacy = host.Services.GetRequiredService<IAnalyticsPrivacy>();
            var where = result.GetValue(platform) is { } one ? "on " + one : "on all platforms";
            var deleted = await privacy.ForgetUserAsync(id, result.GetValue(platform), cancellationToken);
            Console.WriteLine($"Deleted {deleted.Total} rows of that user {where}: {deleted.Questions} questions, {deleted.Feedback} feedback.");
            return await ForgetConversationsAsync(host.Services, id, result.GetValue(platform), where, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ForgetConversationsAsync(IServiceProvider services, string id, string? platform, string where, CancellationToken cancellationToken)
    {
        var state = services.GetRequiredService<IOptions<StateOptions>>().Value;
        if (!string.Equals(state.Store, StateOptions.RedisStore, StringComparison.OrdinalIgnoreCase))
        {
            var lifetime = services.GetRequiredService<IOptions<ConversationOptions>>().Value.Lifetime;
            Console.WriteLine($"Conversation context is kept only in the running host's memory ({StateOptions.SectionName}:Store is Memory) and is forgotten {lifetime.TotalMinutes:0.#} minutes after the last turn.");
            return 0;
        }

        try
        {
            var conversations = await services.GetRequiredService<IConversationStore>().ForgetUserAsync(id, platform, cancellationToken);
            Console.WriteLine($"Deleted {conversations} conversations of that user {where} from the shared conversation context (Redis).");
            return 0;
        }
        catch (ConversationStoreUnavailableException ex)
        {
            await Console.Error.WriteLineAsync("qabot analytics forget: " + ex.Message);
            return 1;
        }
    }
}
