using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Newtonsoft.Json.Linq;
using QaBot.Answering;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>The shared rate limits in Teams: per Entra user, the busy queue, and the notice users see.</summary>
public sealed class RateLimitTests
{
    private static readonly string Reminder = new AnsweringOptions().Reminder;

    private static IEnumerable<string> Texts(JObject card) => card.SelectTokens("$..text").Select(t => (string?)t ?? "");

    private static Activity From(Activity activity, string aadObjectId)
    {
        activity.From = new ChannelAccount("29:" + aadObjectId, "Someone", aadObjectId: aadObjectId);
        return activity;
    }

    [Fact]
    public async Task Message_UserOverTheirLimit_GetsANoticeWithTheReminderWhileOthersAreAnswered()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var host = new TeamsHost(
            new Dictionary<string, string?>
            {
                ["QaBot:Embeddings:Enabled"] = "false", // lexical search: fast to start, enough for the limits
                ["QaBot:RateLimits:Enabled"] = "true",
                ["QaBot:RateLimits:PerUser:TokenLimit"] = "1",
                ["QaBot:RateLimits:PerUser:TokensPerPeriod"] = "1",
                ["QaBot:RateLimits:PerUser:ReplenishmentPeriod"] = "00:00:30",
            },
            services: services => services.AddSingleton<TimeProvider>(time));
        await host.InitializeAsync();
        try
        {
            var url = host.ServiceUrl;
            await host.AskAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, "what is lupus"), "aad-1"));
            var (sent, notice) = await host.AskAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, "and ms?"), "aad-1"));
            await host.AskAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, "what is lupus"), "aad-2"));
            time.Advance(TimeSpan.FromSeconds(30));
            await host.AskAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, "and ms?"), "aad-1"));

            Assert.DoesNotContain(sent, r => r.Type == ActivityTypes.Typing); // refused at once, before the typing indicator
            Assert.Contains(Texts(notice.Card!), t => t.Contains("wait 30 more second", StringComparison.Ordinal));
            Assert.Contains(Texts(notice.Card!), t => t == Reminder);
            Assert.Contains(Reminder, (string?)notice.Card!["fallbackText"], StringComparison.Ordinal);
            Assert.Equal(3, host.Answers.Invocations.Count); // aad-1, aad-2, aad-1 after the wait
            Assert.Contains(host.Factory.Logs, l => l.Contains("[5045]", StringComparison.Ordinal));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Message_EveryAnsweringSlotTaken_GetsTheBusyNoticeAndTheHeldAnswerStillArrives()
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
                    entered.TrySetResult();
                    await release.Task.WaitAsync(ct);
                    return await real.AnswerAsync(q, ct);
                });
            var url = host.ServiceUrl;

            var first = host.SendAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, "Can stem cell therapy help lupus?"), "aad-1"));
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var (_, busy) = await host.AskAsync(From(TeamsActivities.Personal(url, TeamsHost.AppId, "what is ms"), "aad-2"));
            release.SetResult();
            using var response = await first;
            var answered = host.Connector.Requests.Last(r => r.Type == ActivityTypes.Message);

            Assert.Contains(Texts(busy.Card!), t => t.Contains("very busy", StringComparison.Ordinal));
            Assert.Contains(Texts(busy.Card!), t => t == Reminder);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(Texts(answered.Card!), t => t.Contains("[1]", StringComparison.Ordinal));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
