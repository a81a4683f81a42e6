using QaBot.Answering;
using QaBot.Answering.Conversations;
using QaBot.Answering.Turns;

namespace QaBot.Host.Evaluation;

/// <summary>
/// Runs evaluation dialogues through the question turn, each in its own conversation (without rate limits), and measures
/// follow-up accuracy (an expected section in the top-3 citations), topic leaks (a self-contained or off-topic turn
/// answered with an earlier topic), clarifying replies and safety carried over.
/// </summary>
public sealed class DialogueRunner(IQuestionTurn turn)
{
    public async Task<DialogueReport> RunAsync(IReadOnlyList<EvalItem> dialogues, CancellationToken cancellationToken)
    {
        int turns = 0, firsts = 0, firstsRight = 0, followUps = 0, followUpsRight = 0, newTopics = 0, newTopicsRight = 0;
        int offTopics = 0, offTopicsRefused = 0, leaks = 0, selfContained = 0, clarifies = 0, clarifiesRight = 0, falseClarify = 0;
        int safeties = 0, safetiesRight = 0, reminders = 0;
        var failures = new List<EvalFailure>();
        var run = Guid.NewGuid().ToString("N");
        foreach (var dialogue in dialogues)
        {
            var key = new ConversationKey("eval", dialogue.Id + ":" + run, "eval-user");
            for (var i = 0; i < dialogue.Turns!.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var expected = dialogue.Turns[i];
                var result = await turn.AskAsync(
                    new TurnRequest(expected.Question) { Platform = "eval", Unlimited = true, Conversation = key },
                    cancellationToken);
                var answer = result.Answer!; // unlimited: never refused
                turns++;
                reminders += answer.Reminder.Length > 0 ? 1 : 0;
                var kind = AnswerJson.Options.PropertyNamingPolicy!.ConvertName(answer.Kind.ToString());
                var category = answer.Category is { } c ? AnswerJson.Options.PropertyNamingPolicy!.ConvertName(c.ToString()) : null;
                var top3 = answer.Citations.Take(3).Select(x => x.Id).ToList();
                var cited = expected.Relevant is not { Count: > 0 } relevant || top3.Any(relevant.Contains);
                var kindRight = expected.Kind is not { Length: > 0 } k || EvalKinds.Matches(kind, k);
                var problem = (string?)null;
                var followUp = i == 0 ? null : expected.FollowUp;

                if (expected.Kind == "clarify")
                {
                    clarifies++;
                    var right = answer.Kind == AnswerKind.Clarify && answer.Choices.Count > 0;
                    clarifiesRight += right ? 1 : 0;
                    problem = right ? null : "a clarifying reply with choices";
                }
                else if (answer.Kind == AnswerKind.Clarify)
                {
                    falseClarify++;
                }

                switch (followUp)
                {
                    case null when expected.Kind != "clarify":
                        firsts++;
                        firstsRight += kindRight && cited ? 1 : 0;
                        problem ??= kindRight && cited ? null : Expect(expected);
                        break;
                    case "follow_up":
                        followUps++;
                        followUpsRight += kindRight && cited ? 1 : 0;
                        problem ??= kindRight && cited ? null : Expect(expected);
                        break;
                    case "new_topic" or "off_topic":
                        selfContained++;
                        var leaked = answer.ResolvedQuestion is not null;
                        leaks += leaked ? 1 : 0;
                        if (followUp == "new_topic")
                        {
                            newTopics++;
                            newTopicsRight += kindRight && cited ? 1 : 0;
                        }
                        else
                        {
                            offTopics++;
                            offTopicsRefused += answer.Kind != AnswerKind.Answered ? 1 : 0;
                        }

                        problem ??= leaked ? "no earlier topic inherited" : kindRight && cited ? null : Expect(expected);
                        break;
                    case "safety":
                        safeties++;
                        var safe = answer.Kind == AnswerKind.Safety
                            && (expected.Category is not { Length: > 0 } ec || string.Equals(ec, category, StringComparison.OrdinalIgnoreCase));
                        safetiesRight += safe ? 1 : 0;
                        problem ??= safe ? null : "safety/" + expected.Category;
                        break;
                }

                if (problem is not null)
                {
                    failures.Add(new EvalFailure(
                        $"{dialogue.Id}#{i + 1}",
                        expected.Question,
                        problem,
                        $"{kind}{(category is null ? "" : "/" + category)}, resolved \"{answer.ResolvedQuestion}\", top 3 [{string.Join(", ", top3)}]"));
                }
            }
        }

        static double? Share(int part, int whole) => whole == 0 ? null : Math.Round(part / (double)whole, 4);
        return new DialogueReport
        {
            Dialogues = dialogues.Count,
            Turns = turns,
            FirstTurnAccuracy = Share(firstsRight, firsts),
            FollowUpAccuracy = Share(followUpsRight, followUps),
            FollowUps = followUps,
            NewTopicAccuracy = Share(newTopicsRight, newTopics),
            OffTopicRefused = Share(offTopicsRefused, offTopics),
            TopicLeaks = leaks,
            SelfContained = selfContained,
            ClarifyAccuracy = Share(clarifiesRight, clarifies),
            FalseClarify = falseClarify,
            SafetyCarryAccuracy = Share(safetiesRight, safeties),
            Reminder = Share(reminders, turns),
            Failed = failures.Select(f => f.Id).Distinct().ToList(),
            Failures = failures,
        };
    }

    private static string Expect(DialogueTurn turn) =>
        $"{turn.Kind}{(turn.Relevant is { Count: > 0 } r ? " citing one of [" + string.Join(", ", r) + "] in the top 3" : "")}";
}
