using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace QaBot.Host.Cli;

/// <summary>
/// The <c>qabot</c> command line. With no command it serves the bot (the same as <c>qabot serve</c>), so that
/// <c>dotnet run --project src/QaBot.Host</c> runs the main job.
/// </summary>
internal static class QaBotCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = Build();
        var result = root.Parse(args);
        try
        {
            return await result.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (HostAbortedException)
        {
            throw; // WebApplicationFactory stops the entry point this way in integration tests.
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception ex) when (ConfigurationProblems.Of(ex) is { } problems)
        {
            await Console.Error.WriteLineAsync(ConfigurationProblems.Format(problems));
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or Knowledge.KnowledgeReloadException or Analytics.AnalyticsUnavailableException)
        {
            await Console.Error.WriteLineAsync("qabot: " + ex.Message);
            return 1;
        }
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("QaBot answers questions about stem cell therapy for autoimmune conditions from curated knowledge files.");
        ServeCommand.Configure(root);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(ChatCommand.Create());
        root.Subcommands.Add(KbCommand.Create());
        root.Subcommands.Add(AnalyticsCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        return root;
    }
}
