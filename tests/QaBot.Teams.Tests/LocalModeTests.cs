using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>
/// Local (Emulator) mode: no app id, explicitly enabled. Requests are not authenticated, so the bot must never send
/// anything to an address that is not loopback.
/// </summary>
public sealed class LocalModeTests : IAsyncLifetime
{
    private const string AppId = "";
    private readonly TokenIssuer issuer = new();
    private FakeBotConnector connector = null!;
    private TeamsFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeBotConnector.StartAsync(issuer);
        factory = new TeamsFactory(
            new Dictionary<string, string?> { ["QaBot:Teams:LocalMode"] = "true", ["QaBot:Teams:RequestTimeout"] = "00:01:00", ["QaBot:Teams:OutgoingTimeout"] = "00:00:30" },
            services => services.AddSingleton<IStartupFilter, TestRemoteAddress>());
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await connector.DisposeAsync();
        issuer.Dispose();
    }

    private async Task<HttpResponseMessage> PostAsync(Activity activity, string? authorization = null, string? remoteAddress = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonConvert.SerializeObject(activity), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (remoteAddress is not null)
        {
            request.Headers.Add(TestRemoteAddress.Header, remoteAddress);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Message_LoopbackServiceUrl_IsAnsweredWithoutCredentials()
    {
        var activity = TeamsActivities.Personal(connector.BaseUrl, AppId, "can stem cells help lupus?");
        activity.ChannelId = "emulator";
        activity.Conversation.ConversationType = null;

        using var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(connector.Requests, r => r.Type == ActivityTypes.Message);
        Assert.NotNull(reply.Card);
        Assert.Null(reply.Authorization);
    }

    [Fact]
    public async Task Message_WithAnAuthorizationHeader_IsStillAnsweredAndNoMetadataIsFetched()
    {
        var activity = TeamsActivities.Personal(connector.BaseUrl, AppId, "can stem cells help lupus?");

        using var response = await PostAsync(activity, "Bearer " + issuer.Create("someone", connector.BaseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(connector.Requests, r => r.Type == ActivityTypes.Message);
        Assert.Equal(0, connector.MetadataRequests);
    }

    [Theory]
    [InlineData("192.0.2.10")]
    [InlineData("10.1.2.3")]
    [InlineData("::ffff:192.0.2.10")]
    [InlineData("2001:db8::1")]
    public async Task Message_FromACallerNotOnThisMachine_Gets403AndNothingIsSent(string callerAddress)
    {
        var activity = TeamsActivities.Personal(connector.BaseUrl, AppId, "can stem cells help lupus?"); // a loopback service URL

        using var response = await PostAsync(activity, remoteAddress: callerAddress);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(connector.Requests);
        Assert.Contains(factory.Logs, l => l.Contains("local mode: the caller is not on this machine", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs, l => l.Contains(callerAddress, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.5.6.7")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Message_FromACallerOnThisMachine_IsAnswered(string callerAddress)
    {
        var activity = TeamsActivities.Personal(connector.BaseUrl, AppId, "can stem cells help lupus?");

        using var response = await PostAsync(activity, remoteAddress: callerAddress);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(connector.Requests, r => r.Type == ActivityTypes.Message);
    }

    [Theory]
    [InlineData("http://0.0.0.0:{port}/")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/")]
    [InlineData("http://localhost.:{port}/")]
    [InlineData("http://user:pass@127.0.0.1:{port}/")]
    [InlineData("http://teams-connector.invalid/")]
    public async Task Message_NonLoopbackServiceUrl_IsRefusedAndNothingIsSent(string serviceUrl)
    {
        // Each address would reach the fake connector (or nothing at all) if it were let through.
        var url = serviceUrl.Replace("{port}", connector.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var message = await PostAsync(TeamsActivities.Personal(url, AppId, "can stem cells help lupus?"));
        using var welcome = await PostAsync(TeamsActivities.MembersAdded(url, AppId, "personal", "28:bot", "29:user"));

        Assert.Equal(HttpStatusCode.Unauthorized, message.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, welcome.StatusCode);
        Assert.Empty(connector.Requests);
        Assert.Contains(factory.Logs, l => l.Contains("local mode: service URL is not loopback", StringComparison.Ordinal));
    }
}
