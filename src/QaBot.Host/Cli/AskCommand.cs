using System.CommandLine;
using QaBot.Answering;
using QaBot.Answering.Turns;

namespace QaBot.Host.Cli;

/// <summary><c>qabot ask "question" [--json] [--knowledge PATH ...]</c>: one answer.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, in quotes." };
        var json = CommonOptions.Json();
        var knowledge = CommonOptions.Knowledge();
        var command = new Command("ask", "Answer one question and exit.") { question, json, knowledge };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = CliServices.Build(result.GetValue(knowledge));
            var turn = host.Services.GetRequiredService<IQuestionTurn>();
            var reply = await turn.AskAsync(new TurnRequest(result.GetValue(question) ?? "") { Platform = "cli", Unlimited = true }, cancellationToken);
            var answer = reply.Answer!; // unlimited: never refused
            Console.WriteLine(result.GetValue(json) ? AnswerJson.Serialize(answer, indented: true) : AnswerText.Render(answer));
            return 0;
        });
        return command;
    }
}
