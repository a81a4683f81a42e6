using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Newtonsoft.Json.Linq;
using QaBot.Answering;
using QaBot.Answering.Safety;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>Safety before every limit in Teams: a user over their limit, a saturated answering queue, a broken triage.</summary>
public sealed class SafetyFirstTests
{
    private static readonly string Reminder = new AnsweringOptions().Reminder;

    private static IEnumerable<string> Texts(JObject card) => card.SelectTokens("$..text").Select(t => (string?)t ?? "");

    private static Activity From(Activity activity, string aadObjectId)
    {
        activity.From = new ChannelAccount("29:" + aadObjectId, "Someone", aadObjectId: aadObjectId);
        return activity;
    }

    [Theory]
    [InlineData("I want to kill myself", "988")]
    [InlineData("crushing chest pain spreading to my arm", "emergency")]
    public async Task Message_UserOverTheirLimit_CrisisGetsTheSafetyReplyNotTheNotice(string message, string expected)
    {
        var host = new TeamsHost(new Dictionary<string, string?>
        {
            ["QaBot:Embeddings:Enabled"] = "false",
            ["QaBot:RateLimits:Enabled"] = "true",
            ["QaBot:RateLimits:PerUser:TokenLimit"] = "1",
            ["QaBot:RateLimits:PerUser:TokensPerPeriod"] = "1",
            ["QaBot:RateLimits:PerUser:ReplenishmentPeriod"] = "00:10:00",
        });
        await host.InitializeAsync();
        try
        {
            var url = host.ServiceUrl;
            await host.AskAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, "what is lupus"), "aad-1"));
            var (_, notice) = await host.AskAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, "and ms?"), "aad-1"));
            var (_, urgent) = await host.AskAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, message), "aad-1"));

            Assert.Contains(Texts(notice.Card!), t => t.Contains("wait", StringComparison.Ordinal)); // really over the limit
            Assert.Contains(Texts(urgent.Card!), t => t.Contains(expected, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(Texts(urgent.Card!), t => t.Contains("asking quickly", StringComparison.Ordinal));
            Assert.Contains(Texts(urgent.Card!), t => t == Reminder);
            var asked = (Question)host.Answers.Invocations.Last().Arguments[0];
            Assert.NotNull(asked.Triage?.Verdict);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Message_AnsweringQueueSaturated_CrisisAnsweredAtOnceWhileAnOrdinaryQuestionIsBusy()
    {
        var host = new TeamsHost(new Dictionary<string, string?>
        {
            ["QaBot:Embeddings:Enabled"] = "false",
            ["QaBot:RateLimits:MaxConcurrentAnswers"] = "1",
            ["QaBot:RateLimits:MaxQueuedAnswers"] = "0",
        });
        await host.InitializeAsync();
        try
        {
            var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = host.Factory.Services.GetRequiredService<IAnswerService>(); // the host's own setup first, then ours over it
            var real = host.Factory.Services.GetRequiredService<AnswerService>();
            host.Answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
                .Returns(async (Question q, CancellationToken ct) =>
                {
                    if (q.Triage?.Verdict is null)
                    {
                        entered.TrySetResult();
                        await release.Task.WaitAsync(ct); // ordinary answers hold the only slot
                    }

                    return await real.AnswerAsync(q, ct);
                });
            var url = host.ServiceUrl;

            var first = host.SendAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, "Can stem cell therapy help lupus?"), "aad-1"));
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var (_, urgent) = await host.AskAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, "I want to kill myself"), "aad-2"));
            var (_, busy) = await host.AskAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, "what is ms"), "aad-3"));
            var stillHeld = !first.IsCompleted;
            release.SetResult();
            using var response = await first;

            Assert.True(stillHeld);
            Assert.Contains(Texts(urgent.Card!), t => t.Contains("988", StringComparison.Ordinal));
            Assert.Contains(Texts(busy.Card!), t => t.Contains("very busy", StringComparison.Ordinal));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Message_TriageThrows_FailsClosedWithTheUrgentReply()
    {
        var triage = new Mock<ISafetyTriage>();
        triage.Setup(t => t.Assess(It.IsAny<string>(), It.IsAny<float[]?>())).Throws(new InvalidOperationException("broken"));
        var host = new TeamsHost(
            new Dictionary<string, string?> { ["QaBot:Embeddings:Enabled"] = "false" },
            services: services => services.AddSingleton(triage.Object));
        await host.InitializeAsync();
        try
        {
            var (_, reply) = await host.AskAsync(TeamsActivities.Personal(host.ServiceUrl, TeamsHost.AppId, "what is lupus"));

            var asked = (Question)Assert.Single(host.Answers.Invocations).Arguments[0];
            Assert.Equal((SafetyCategory.Emergency, "triage-failed"), (asked.Triage!.Verdict!.Category, asked.Triage.Verdict.RuleId));
            Assert.Contains(Texts(reply.Card!), t => t.Contains("emergency", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(Texts(reply.Card!), t => t == Reminder);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
