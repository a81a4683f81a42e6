using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Moq;
using QaBot.Answering;
using QaBot.Answering.Feedback;

namespace QaBot.Discord.Tests;

/// <summary><c>POST /api/discord/interactions</c>: Ed25519 signatures first, then PING, <c>/ask</c> and buttons.</summary>
public sealed class InteractionsEndpointTests : IDisposable
{
    private const string Timestamp = "1795683600"; // the test host's clock: 2026-11-26 09:00 UTC
    private readonly SigningKey key = new();
    private readonly HttpClient client = new();

    public void Dispose()
    {
        key.Dispose();
        client.Dispose();
    }

    [Fact]
    public async Task Post_SignedPing_AnswersPong()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);

        using var response = await PostAsync(host, """{"id":"1","application_id":"800000000000000001","type":1,"token":"t","version":1}""", sign: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetInt32());
        Assert.Equal(DiscordConnectionState.EndpointOnly, host.Health.State);
    }

    [Fact]
    public async Task Post_WrongSignature_Returns401()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        using var otherKey = new SigningKey();
        const string body = """{"id":"1","type":1,"token":"t"}""";

        using var forged = await PostAsync(host, body, signature: otherKey.Sign(Timestamp, body));
        using var tampered = await PostAsync(host, body.Replace("\"t\"", "\"u\"", StringComparison.Ordinal), signature: key.Sign(Timestamp, body));
        using var malformed = await PostAsync(host, body, signature: "not-hex");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);
    }

    [Theory]
    [InlineData("1262304000")] // 2010
    [InlineData("1795683299")] // 5 minutes and 1 second ago
    [InlineData("1795683606")] // 6 seconds ahead
    [InlineData("9999999999")] // 2286
    [InlineData("hello")]
    [InlineData("-1")]
    [InlineData("1795683600.5")]
    [InlineData("00000000000001795683600")]
    public async Task Post_ValidSignatureWithAStaleFutureOrNonNumericTimestamp_Returns401(string timestamp)
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        const string body = """{"id":"1","application_id":"800000000000000001","type":1,"token":"t","version":1}""";

        using var response = await PostAsync(host, body, key.Sign(timestamp, body), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("1795683300")] // exactly 5 minutes ago
    [InlineData("1795683605")] // 5 seconds ahead: clock difference
    public async Task Post_ValidSignatureWithinTheWindow_IsAccepted(string timestamp)
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        const string body = """{"id":"1","application_id":"800000000000000001","type":1,"token":"t","version":1}""";

        using var response = await PostAsync(host, body, key.Sign(timestamp, body), timestamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_MissingSignatureHeaders_Returns401()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);

        using var response = await PostAsync(host, """{"id":"1","type":1,"token":"t"}""", sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_BadSignatureOnGarbage_Returns401BeforeParsingTheBody()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);

        using var response = await PostAsync(host, "{ this is not json", signature: new string('a', 128));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // not 400: the body was never parsed
        host.Answers.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Post_SignedAsk_DefersThenSendsTheAnswerAsAFollowUp()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        var body = JsonSerializer.Serialize(DiscordTestHost.AskCommand("Can stem cells help MS?", id: "330", token: "tok-330"));

        using var response = await PostAsync(host, body, sign: true);
        var followUp = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-330"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetInt32());
        Assert.Equal(200, followUp.Status);
        Assert.Equal(TestAnswers.Lupus.Text, followUp.Json.GetProperty("embeds")[0].GetProperty("description").GetString());
        Assert.DoesNotContain(host.Discord.Requests, r => r.Path.StartsWith("interactions/", StringComparison.Ordinal)); // answered in the HTTP response
        host.Answers.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "Can stem cells help MS?"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Post_SignedFeedbackClick_ThanksEphemerallyAndRecordsIt()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        var body = JsonSerializer.Serialize(new
        {
            id = "340", application_id = DiscordTestHost.ApplicationId, type = 3, token = "tok-340", channel_id = DiscordTestHost.ChannelId,
            user = new { id = "778" }, data = new { custom_id = "qabot:fb:y:n:forgottenKey", component_type = 2 },
        });

        using var response = await PostAsync(host, body, sign: true);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var recordedBeforeTheResponse = host.Feedback.Invocations.Count; // recorded first: a lost response loses nothing

        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(1, recordedBeforeTheResponse);
        host.Feedback.Verify(f => f.RecordAsync(
            It.Is<FeedbackEntry>(e => e.Helpful && e.Kind == AnswerKind.NoAnswer && e.UserId == "778" && e.PassageIds.Count == 0),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Post_SameInteractionTwice_SecondGets409AndIsNotHandled()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        var body = JsonSerializer.Serialize(new
        {
            id = "341", application_id = DiscordTestHost.ApplicationId, type = 3, token = "tok-341", channel_id = DiscordTestHost.ChannelId,
            user = new { id = "778" }, data = new { custom_id = "qabot:fb:n:a:someKey", component_type = 2 },
        });

        using var first = await PostAsync(host, body, sign: true);
        using var replayed = await PostAsync(host, body, sign: true);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        host.Feedback.Verify(f => f.RecordAsync(It.IsAny<FeedbackEntry>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Post_DeclaredBodyTooLarge_Returns413BeforeReadingOrCheckingAnything()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = tcp.GetStream();
        var headers = $"POST /api/discord/interactions HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{{";

        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers)); // no signature, and never the rest of the body
        var buffer = new byte[1024];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EndpointOff_IsNotMapped()
    {
        await using var host = await DiscordTestHost.StartAsync(); // gateway only

        using var response = await PostAsync(host, """{"type":1}""", sign: true);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(DiscordTestHost host, string body, bool sign) =>
        PostAsync(host, body, sign ? key.Sign(Timestamp, body) : null);

    private async Task<HttpResponseMessage> PostAsync(DiscordTestHost host, string body, string? signature, string timestamp = Timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseAddress, "api/discord/interactions"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add("X-Signature-Ed25519", signature);
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        return await client.SendAsync(request);
    }
}
