using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QaBot.Answering;

namespace QaBot.Host.Tests;

/// <summary>
/// <c>/api/ask</c> saturated: answers that block their request threads (as CPU-bound answering does) hold every API
/// question turn; <c>/healthz</c> still answers, a further question gets a prompt 503 "busy", an urgent one its reply.
/// </summary>
public sealed class AskOverloadTests
{
    private static readonly string Reminder = new AnsweringOptions().Reminder;

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string question) =>
        client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question });

    [Fact]
    public async Task Ask_EveryQuestionTurnHeldOnItsThread_HealthzAnswersAndTheNextQuestionGets503AtOnce()
    {
        await using var host = await RealHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["QaBot:Web:MaxConcurrentAsks"] = "2",
                ["QaBot:RateLimits:QueueTimeout"] = "00:05:00", // without the bound, a third question would wait here
            },
            BlockingAnswers.Install);
        await host.WaitReadyAsync();
        var blocking = BlockingAnswers.Of(host);
        var first = AskAsync(host.Client, "can stem cells help lupus");
        var second = AskAsync(host.Client, "what is multiple sclerosis");
        await blocking.WaitEnteredAsync(2);

        try
        {
            using var health = await host.Client.GetAsync(new Uri("healthz", UriKind.Relative));
            using var busy = await AskAsync(host.Client, "what is rheumatoid arthritis");
            var busyBody = await busy.Content.ReadFromJsonAsync<JsonElement>();
            using var urgent = await AskAsync(host.Client, "I want to kill myself");
            var urgentBody = await urgent.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), busy.Headers.RetryAfter?.Delta);
            Assert.Contains("busy", busyBody.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal(Reminder, busyBody.GetProperty("reminder").GetString());
            Assert.Equal(HttpStatusCode.OK, urgent.StatusCode); // safety first, even over the bound
            Assert.Equal("safety", urgentBody.GetProperty("kind").GetString());
            Assert.False(first.IsCompleted || second.IsCompleted); // the held answers were still holding their threads
        }
        finally
        {
            blocking.Release();
        }

        using var answeredFirst = await first;
        using var answeredSecond = await second;
        Assert.Equal(HttpStatusCode.OK, answeredFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answeredSecond.StatusCode);
    }

    [Fact]
    public async Task Ask_OverTheBound_AFollowUpToAnEmergencyStillGetsTheUrgentReply()
    {
        await using var host = await RealHost.StartAsync(
            new Dictionary<string, string?> { ["QaBot:Web:MaxConcurrentAsks"] = "1" },
            BlockingAnswers.Install);
        await host.WaitReadyAsync();
        var blocking = BlockingAnswers.Of(host);
        const string conversation = "overload-carry-1";
        using var emergency = await host.Client.PostAsJsonAsync(
            new Uri("api/ask", UriKind.Relative),
            new { question = "my husband had his stem cell transplant last week and now has a fever and chills", conversation_id = conversation });
        var held = AskAsync(host.Client, "can stem cells help lupus");
        await blocking.WaitEnteredAsync(1);

        try
        {
            // On its own words this is not urgent; in its conversation it is (the turn's triage, before the bound).
            using var followUp = await host.Client.PostAsJsonAsync(
                new Uri("api/ask", UriKind.Relative), new { question = "he's getting worse", conversation_id = conversation });
            var body = await followUp.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal("safety", (await emergency.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
            Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
            Assert.Equal("safety", body.GetProperty("kind").GetString());
            Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
        }
        finally
        {
            blocking.Release();
        }

        using var answered = await held;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task Ask_BoundFreedAgain_QuestionsAreAnsweredAgain()
    {
        await using var host = await RealHost.StartAsync(
            new Dictionary<string, string?> { ["QaBot:Web:MaxConcurrentAsks"] = "1" },
            BlockingAnswers.Install);
        await host.WaitReadyAsync();
        var blocking = BlockingAnswers.Of(host);
        var held = AskAsync(host.Client, "can stem cells help lupus");
        await blocking.WaitEnteredAsync(1);
        using var busy = await AskAsync(host.Client, "what is lupus");
        blocking.Release();
        using var answered = await held;

        using var after = await AskAsync(host.Client, "what is lupus");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>
    /// Wraps the real answer service; ordinary questions block their thread (synchronously, as CPU work does) until
    /// <see cref="Release"/>. Safety replies are not held.
    /// </summary>
    private sealed class BlockingAnswers(IAnswerService inner) : IAnswerService
    {
        private readonly ManualResetEventSlim release = new(false);
        private readonly SemaphoreSlim entered = new(0);

        public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
        {
            if (question.Triage?.Verdict is null)
            {
                entered.Release();
                release.Wait(TimeSpan.FromMinutes(2), cancellationToken);
            }

            return inner.AnswerAsync(question, cancellationToken);
        }

        public async Task WaitEnteredAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(60)), "A held question never reached the answer service.");
            }
        }

        public void Release() => release.Set();

        public static BlockingAnswers Of(RealHost host) => (BlockingAnswers)host.App.Services.GetRequiredService<IAnswerService>();

        public static void Install(IHostApplicationBuilder builder)
        {
            var services = builder.Services;
            var descriptor = services.Last(d => d.ServiceType == typeof(IAnswerService));
            services.Remove(descriptor);
            services.AddSingleton<IAnswerService>(sp =>
            {
                var inner = descriptor.ImplementationFactory is { } factory
                    ? (IAnswerService)factory(sp)
                    : descriptor.ImplementationInstance as IAnswerService
                        ?? (IAnswerService)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
                return new BlockingAnswers(inner);
            });
        }
    }
}
