using System.CommandLine;

namespace QaBot.Host.Cli;

/// <summary><c>qabot serve [--knowledge PATH ...] [--urls URL]</c>: the bot's HTTP host (and chat platforms when configured).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the bot: the HTTP API, the chat page, and Discord or Teams when configured.");
        Configure(command);
        return command;
    }

    /// <summary>Adds the serve options and action to a command (the root command serves too).</summary>
    public static void Configure(Command command)
    {
        var knowledge = CommonOptions.Knowledge();
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, e.g. http://127.0.0.1:5000." };
        command.Options.Add(knowledge);
        command.Options.Add(urls);
        command.TreatUnmatchedTokensAsErrors = false; // other host settings (--environment, --Key=Value) pass through
        command.SetAction(async (result, cancellationToken) =>
        {
            var args = new List<string>(result.UnmatchedTokens);
            if (result.GetValue(urls) is { Length: > 0 } url)
            {
                args.Add("--urls=" + url);
            }

            await using var app = QaBotHost.BuildWebApp([.. args], CommonOptions.KnowledgeOverrides(result.GetValue(knowledge)));
            if (ListenAddresses.FirstInUse(app.Configuration["urls"]) is { } busy)
            {
                await Console.Error.WriteLineAsync(ListenAddresses.InUseMessage(busy));
                return 1;
            }

            await app.RunAsync(cancellationToken);
            return 0;
        });
    }
}
