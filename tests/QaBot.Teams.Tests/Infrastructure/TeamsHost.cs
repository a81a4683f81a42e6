using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using QaBot.Answering;
using QaBot.Answering.Feedback;

namespace QaBot.Teams.Tests.Infrastructure;

/// <summary>
/// QaBot configured as a production Teams bot (app id and secret), whose Bot Framework is the fake connector: tokens are
/// signed by the test and validated by the SDK against the connector's loopback OpenID metadata. The answering service
/// is the real one behind a Moq seam (to prove rejected requests never reach it); the feedback sink is a mock.
/// </summary>
public sealed class TeamsHost : IAsyncLifetime
{
    public const string AppId = "4b1c7a53-3a8e-4f3d-9c2b-6f1d2e3a4b5c";

    /// <summary>In a setting's value, stands for the fake connector's URL (known once it runs).</summary>
    public const string ServiceUrlPlaceholder = "{ServiceUrl}";

    private readonly Dictionary<string, string?> extraSettings;
    private readonly bool mocks;
    private readonly Action<IServiceCollection>? services;

    public TeamsHost()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="extraSettings">Settings added to (or replacing) the defaults; <see cref="ServiceUrlPlaceholder"/> in a
    /// value becomes the fake connector's URL.</param>
    /// <param name="mocks">False to keep the host's own answer service and feedback sink.</param>
    /// <param name="services">More test services, registered last.</param>
    internal TeamsHost(Dictionary<string, string?> extraSettings, bool mocks = true, Action<IServiceCollection>? services = null)
    {
        this.extraSettings = extraSettings;
        this.mocks = mocks;
        this.services = services;
    }

    public FakeBotConnector Connector { get; private set; } = null!;

    public TokenIssuer Issuer { get; } = new();

    public TeamsFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Mock<IAnswerService> Answers { get; } = new();

    public Mock<IFeedbackSink> Feedback { get; } = new();

    public string ServiceUrl => Connector.BaseUrl;

    public async Task InitializeAsync()
    {
        Connector = await FakeBotConnector.StartAsync(Issuer);
        SdkOpenIdMetadata.AllowHttp(Connector.MetadataUrl);
        Feedback.Setup(f => f.RecordAsync(It.IsAny<FeedbackEntry>(), It.IsAny<CancellationToken>())).Returns(ValueTask.CompletedTask);

        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-secret-not-real",
            ["ToBotFromChannelOpenIdMetadataUrl"] = Connector.MetadataUrl,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = Connector.MetadataUrl,
            ["ToBotFromChannelTokenIssuer"] = TokenIssuer.ChannelIssuer,
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
            ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
            ["OAuthUrl"] = "https://api.botframework.com",
            ["QaBot:RateLimits:Enabled"] = "false", // every test activity comes from the same user; RateLimitTests turn it on

            // Generous limits: a busy test machine must not turn a slow loopback call into a failed test. The timeout
            // tests set short ones.
            ["QaBot:Teams:RequestTimeout"] = "00:01:00",
            ["QaBot:Teams:AuthenticationTimeout"] = "00:00:30",
            ["QaBot:Teams:OutgoingTimeout"] = "00:00:30",
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value?.Replace(ServiceUrlPlaceholder, Connector.BaseUrl, StringComparison.Ordinal);
        }

        Factory = new TeamsFactory(settings, testServices =>
        {
            testServices.AddSingleton<ServiceClientCredentialsFactory>(sp =>
                new OfflineCredentialsFactory(new ConfigurationServiceClientCredentialFactory(sp.GetRequiredService<IConfiguration>())));
            if (mocks)
            {
                testServices.AddSingleton<AnswerService>();
                testServices.AddSingleton(sp =>
                {
                    var real = sp.GetRequiredService<AnswerService>();
                    Answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
                        .Returns((Question q, CancellationToken ct) => real.AnswerAsync(q, ct));
                    return Answers.Object;
                });
                testServices.AddSingleton(Feedback.Object);
            }

            services?.Invoke(testServices);
        });
        Client = Factory.CreateClient();
    }

    /// <summary>Forgets what earlier tests did: recorded calls are counted from here, mock calls cleared.</summary>
    public int Mark()
    {
        Answers.Invocations.Clear();
        Feedback.Invocations.Clear();
        return Connector.Requests.Count;
    }

    public string Token(string? serviceUrl = null, string audience = AppId, DateTime? expires = null, bool otherKey = false) =>
        Issuer.Create(audience, serviceUrl ?? ServiceUrl, expires, otherKey);

    /// <summary>Posts an activity with a valid token for its service URL.</summary>
    public Task<HttpResponseMessage> SendAsync(Activity activity) =>
        PostAsync(activity, "Bearer " + Token(activity.ServiceUrl));

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? authorization) =>
        PostRawAsync(JsonConvert.SerializeObject(activity, HttpHelper.BotMessageSerializerSettings), authorization);

    public async Task<HttpResponseMessage> PostRawAsync(string json, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Sends a message and returns the card reply (asserting the request succeeded).</summary>
    public async Task<(IReadOnlyList<RecordedRequest> Sent, RecordedRequest Reply)> AskAsync(Activity activity)
    {
        var mark = Connector.Requests.Count;
        using var response = await SendAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Connector.Since(mark);
        return (sent, Assert.Single(sent, r => r.Type == ActivityTypes.Message));
    }

    public static JObject Action(JObject card, string title) =>
        card.SelectTokens("$..actions[*]").OfType<JObject>().Single(a => (string?)a["title"] == title);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Connector.DisposeAsync();
        Issuer.Dispose();
    }
}
