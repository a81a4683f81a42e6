using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;
using QaBot.Answering;
using QaBot.Answering.Feedback;
using QaBot.Discord.Tests.Fakes;
using QaBot.Knowledge;
using QaBot.Moderation;

namespace QaBot.Discord.Tests;

/// <summary>
/// The real Discord bot (<c>AddDiscord</c>, <c>MapDiscord</c>) in a Kestrel host on 127.0.0.1, pointed at a
/// <see cref="FakeDiscord"/>, on a <see cref="FakeTimeProvider"/>, with a mocked answer service, the real moderators'
/// commands (<c>AddModeration</c>) and every log captured.
/// </summary>
public sealed class DiscordTestHost : IAsyncDisposable
{
    public const string Token = "test-token-NzkxSECRETtokenValue";
    public const string BotUserId = "900000000000000001";
    public const string ApplicationId = "800000000000000001";
    public const string GuildId = "700000000000000001";
    public const string ChannelId = "600000000000000001";
    public const string UserId = "500000000000000001";

    private DiscordTestHost(FakeDiscord discord, WebApplication app, FakeTimeProvider time, ObservedTimeProvider clock, Mock<IAnswerService> answers, Mock<IFeedbackSink> feedback)
    {
        Discord = discord;
        App = app;
        Time = time;
        Clock = clock;
        Answers = answers;
        Feedback = feedback;
    }

    public FakeDiscord Discord { get; }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The bot's view of <see cref="Time"/>: every timer it creates, to wait for one before moving the clock.</summary>
    public ObservedTimeProvider Clock { get; }

    public Mock<IAnswerService> Answers { get; }

    public Mock<IFeedbackSink> Feedback { get; }

    public Uri BaseAddress => new(App.Urls.First() + "/");

    public IDiscordHealth Health => App.Services.GetRequiredService<IDiscordHealth>();

    /// <summary>Heartbeat ACKs the client has processed: wait on it before moving the clock past the next beat.</summary>
    public long HeartbeatAcks => ((Gateway.DiscordGatewayClient)App.Services.GetRequiredService<Gateway.IDiscordGateway>()).Session.HeartbeatAcks;

    public IReadOnlyList<FakeLogRecord> Logs => App.Services.GetFakeLogCollector().GetSnapshot();

    /// <summary>
    /// Starts the fake Discord and the bot; <paramref name="configure"/> changes the QaBot:Discord settings and
    /// <paramref name="services"/> registers services before the bot's (e.g. an <see cref="IModeratorCommands"/> or an
    /// <see cref="IKnowledgeBase"/> for the moderators' commands; by default the knowledge base is an empty mock).
    /// </summary>
    public static async Task<DiscordTestHost> StartAsync(
        Action<Dictionary<string, string?>>? configure = null, double jitter = 0.5, Action<IServiceCollection>? services = null,
        Action<FakeDiscord>? script = null)
    {
        var discord = await FakeDiscord.StartAsync();
        script?.Invoke(discord); // scripted answers for the bot's first requests
        var settings = new Dictionary<string, string?>
        {
            ["QaBot:Discord:Enabled"] = "true",
            ["QaBot:Discord:Token"] = Token,
            ["QaBot:Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["QaBot:Discord:CooldownSeconds"] = "10",
            ["QaBot:Discord:DrainSeconds"] = "3", // the drain must fit in the test host's 5 s shutdown (Discord's own start-up check)
        };
        configure?.Invoke(settings);

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var answers = new Mock<IAnswerService>();
        answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ReturnsAsync(TestAnswers.Lupus);
        var feedback = new Mock<IFeedbackSink>();
        feedback.Setup(f => f.RecordAsync(It.IsAny<FeedbackEntry>(), It.IsAny<CancellationToken>())).Returns(ValueTask.CompletedTask);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var clock = new ObservedTimeProvider(time);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<Jitter>(new FixedJitter(jitter));
        builder.Services.AddSingleton(answers.Object);
        builder.Services.AddSingleton(feedback.Object);
        services?.Invoke(builder.Services);
        builder.Services.TryAddSingleton(Mock.Of<IKnowledgeBase>());
        builder.AddModeration();
        builder.AddDiscord();

        var app = builder.Build();
        app.MapDiscord();
        await app.StartAsync();
        return new DiscordTestHost(discord, app, time, clock, answers, feedback);
    }

    /// <summary>The bot without a gateway: the REST client and the interactions endpoint only.</summary>
    public static Task<DiscordTestHost> StartEndpointOnlyAsync(
        string publicKeyHex, Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null) =>
        StartAsync(
            s =>
            {
                s["QaBot:Discord:UseGateway"] = "false";
                s["QaBot:Discord:RegisterCommands"] = "false";
                s["QaBot:Discord:InteractionsEndpoint"] = "true";
                s["QaBot:Discord:PublicKey"] = publicKeyHex;
                configure?.Invoke(s);
            },
            services: services);

    /// <summary>The first gateway connection, through hello, identify and ready.</summary>
    public async Task<FakeGatewayConnection> ConnectAsync()
    {
        var gateway = await Discord.NextConnectionAsync();
        await gateway.HandshakeAsync(Discord.ResumeUrl);
        return gateway;
    }

    /// <summary>Moves the fake clock in steps until <paramref name="task"/> completes (at most 10 real seconds).</summary>
    public async Task<T> AdvanceUntilAsync<T>(Task<T> task, TimeSpan step)
    {
        var deadline = DateTime.UtcNow + FakeGatewayConnection.Timeout;
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Still waiting after moving the clock by steps of " + step + ".");
            }

            Time.Advance(step);
            await Task.WhenAny(task, Task.Delay(20));
        }

        return await task;
    }

    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step) =>
        await AdvanceUntilAsync(WaitUntilAsync(condition), step);

    /// <summary>The Discord hosted service's run (registering commands, then the gateway): done once it has stopped for good.</summary>
    public Task BotRun => App.Services.GetServices<IHostedService>().OfType<Bot.DiscordHostedService>().Single().ExecuteTask
                          ?? throw new InvalidOperationException("The Discord bot has not started.");

    /// <summary>Stops the bot (closing the gateway with 1000 and draining answers in progress).</summary>
    public Task StopAsync() => App.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Discord.DisposeAsync();
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(10);
        }

        return true;
    }

    /// <summary>A MESSAGE_CREATE payload.</summary>
    public static object Message(string content, string id = "400000000000000001", string? guildId = GuildId, string channelId = ChannelId,
        string authorId = UserId, bool bot = false, bool mentionsBot = true, string username = "alice") => new
    {
        id,
        channel_id = channelId,
        guild_id = guildId,
        author = new { id = authorId, username, bot },
        content,
        mentions = mentionsBot ? new[] { new { id = BotUserId, username = "QaBot", bot = true } } : [],
        type = 0,
    };

    /// <summary>An INTERACTION_CREATE payload for <c>/ask question:...</c>.</summary>
    public static object AskCommand(string question, string id = "300000000000000001", string token = "interaction-token-1", string userId = UserId) => new
    {
        id,
        application_id = ApplicationId,
        type = 2,
        token,
        guild_id = GuildId,
        channel_id = ChannelId,
        member = new { user = new { id = userId, username = "alice" } },
        data = new { id = "1", name = "ask", type = 1, options = new[] { new { name = "question", type = 3, value = question } } },
        version = 1,
    };

    /// <summary>View Channel, Send Messages, Read Message History, Use Application Commands: a member, not a moderator.</summary>
    public const string MemberPermissions = "2147552256";

    /// <summary><see cref="MemberPermissions"/> plus Manage Server (1 &lt;&lt; 5).</summary>
    public const string ManageServerPermissions = "2147552288";

    /// <summary>
    /// An INTERACTION_CREATE payload for <c>/kb subcommand [days]</c>: by a server member with <paramref name="roles"/>
    /// and <paramref name="permissions"/>, or in a direct message.
    /// </summary>
    public static Dictionary<string, object?> KbCommand(
        string subcommand, int? days = null, string id = "360000000000000001", string token = "kb-token-1",
        string[]? roles = null, string permissions = MemberPermissions, bool directMessage = false)
    {
        var options = days is { } value ? new object[] { new { name = "days", type = 4, value } } : [];
        var payload = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["application_id"] = ApplicationId,
            ["type"] = 2,
            ["token"] = token,
            ["channel_id"] = ChannelId,
            ["data"] = new { id = "3", name = "kb", type = 1, options = new[] { new { name = subcommand, type = 1, options } } },
            ["version"] = 1,
        };
        if (directMessage)
        {
            payload["user"] = new { id = UserId, username = "alice" };
        }
        else
        {
            payload["guild_id"] = GuildId;
            payload["member"] = new { user = new { id = UserId, username = "alice" }, roles = roles ?? [], permissions };
        }

        return payload;
    }
}
