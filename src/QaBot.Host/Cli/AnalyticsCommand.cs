using System.CommandLine;
using QaBot.Analytics.Privacy;

namespace QaBot.Host.Cli;

/// <summary><c>qabot analytics forget --user ID [--platform discord|teams|api]</c>: delete one person's records.</summary>
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
        var command = new Command("forget", "Delete every question and feedback record of one person and print how many rows went.") { user, platform, database };
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
            return 0;
        });
        return command;
    }
}
