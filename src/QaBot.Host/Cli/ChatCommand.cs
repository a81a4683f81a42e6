using System.CommandLine;
using QaBot.Answering;
using QaBot.Answering.Turns;

namespace QaBot.Host.Cli;

/// <summary><c>qabot chat</c>: ask questions one after another in the terminal.</summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var knowledge = CommonOptions.Knowledge();
        var command = new Command("chat", "An interactive session in the terminal (empty line or Ctrl+D to quit).") { knowledge };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = CliServices.Build(result.GetValue(knowledge));
            var turn = host.Services.GetRequiredService<IQuestionTurn>();
            Console.WriteLine("QaBot: ask about stem cell therapy for autoimmune conditions. An empty line quits.");
            while (!cancellationToken.IsCancellationRequested)
            {
                Console.Write("\n> ");
                var line = Console.ReadLine();
                if (string.IsNullOrWhiteSpace(line))
                {
                    break;
                }

                var reply = await turn.AskAsync(new TurnRequest(line) { Platform = "cli", Unlimited = true }, cancellationToken);
                var answer = reply.Answer!; // unlimited: never refused
                Console.WriteLine();
                Console.WriteLine(AnswerText.Render(answer));
            }

            return 0;
        });
        return command;
    }
}
