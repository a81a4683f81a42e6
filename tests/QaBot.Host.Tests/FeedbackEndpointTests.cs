using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QaBot.Answering;
using QaBot.Answering.Feedback;
using QaBot.Host.Cli;

namespace QaBot.Host.Tests;

/// <summary><c>POST /api/feedback</c> on a real host: recorded as platform <c>web</c>, refused with a 4xx (never 500) otherwise.</summary>
[Collection(nameof(ConsoleTests))]
public sealed class FeedbackEndpointTests
{
    private const string Reminder = "This is general information, not medical advice. Please talk to your healthcare provider about your own situation.";

    private static async Task<(RealHost Host, RecordingFeedbackSink Sink)> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var sink = new RecordingFeedbackSink();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["QaBot:Analytics:Enabled"] = "false" };
        var host = await RealHost.StartAsync(all, builder => builder.Services.AddSingleton<IFeedbackSink>(sink));
        return (host, sink);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(RealHost host, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await host.Client.PostAsync(new Uri("api/feedback", UriKind.Relative), content);
        var json = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(json).RootElement.Clone());
    }

    [Fact]
    public async Task Feedback_NotHelpful_IsRecordedForTheWebWithTheQuestionAndPassages()
    {
        var (host, sink) = await StartAsync();
        await using var _ = host;

        var (status, body) = await PostAsync(host, """{"helpful": false, "kind": "answered", "passage_ids": ["conditions/lupus#a", "conditions/lupus#b"], "question": "Can stem cell therapy help lupus?"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("recorded").GetBoolean());
        Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
        var entry = Assert.Single(sink.Entries);
        Assert.Equal(("web", false, AnswerKind.Answered), (entry.Platform, entry.Helpful, entry.Kind));
        Assert.Equal(["conditions/lupus#a", "conditions/lupus#b"], entry.PassageIds);
        Assert.Equal("Can stem cell therapy help lupus?", entry.Question);
        Assert.Null(entry.UserId);
    }

    [Fact]
    public async Task Feedback_Helpful_KeepsNoQuestionAndLogsNoText()
    {
        var (host, sink) = await StartAsync();
        await using var _ = host;

        var (status, _) = await PostAsync(host, """{"helpful": true, "kind": "answered", "passage_ids": ["conditions/ms#x"], "question": "secret words zqx"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var entry = Assert.Single(sink.Entries);
        Assert.True(entry.Helpful);
        Assert.Null(entry.Question);
        Assert.DoesNotContain(host.Logs, line => line.Contains("zqx", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"helpful\": tru", "not valid JSON")]
    [InlineData("[true]", "JSON object")]
    [InlineData("{}", "\"helpful\"")]
    [InlineData("{\"helpful\": \"yes\"}", "\"helpful\"")]
    [InlineData("{\"helpful\": true, \"kind\": \"great\"}", "\"kind\"")]
    [InlineData("{\"helpful\": true, \"kind\": 3}", "\"kind\"")]
    [InlineData("{\"helpful\": true, \"passage_ids\": \"a\"}", "\"passage_ids\"")]
    [InlineData("{\"helpful\": true, \"passage_ids\": [1]}", "passage id")]
    [InlineData("{\"helpful\": true, \"passage_ids\": [\"a b\"]}", "passage id")]
    [InlineData("{\"helpful\": true, \"passage_ids\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}", "\"passage_ids\"")]
    [InlineData("{\"helpful\": false, \"question\": {\"a\": 1}}", "\"question\"")]
    [InlineData("{\"helpful\": true, \"a\": [[[[[[[[1]]]]]]]]}", "not valid JSON")]
    public async Task Feedback_BadBody_Returns400WithAClearMessageAndRecordsNothing(string body, string message)
    {
        var (host, sink) = await StartAsync();
        await using var _ = host;

        var (status, json) = await PostAsync(host, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(Reminder, json.GetProperty("reminder").GetString());
        Assert.Empty(sink.Entries);
    }

    [Fact]
    public async Task Feedback_QuestionOverTheConfiguredLimit_Returns400()
    {
        var (host, sink) = await StartAsync(new Dictionary<string, string?> { ["QaBot:Answering:MaxQuestionChars"] = "100" });
        await using var _ = host;

        var (status, json) = await PostAsync(host, JsonSerializer.Serialize(new { helpful = false, question = new string('a', 101) }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("100", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(sink.Entries);
    }

    [Fact]
    public async Task Feedback_NotJson_Returns415()
    {
        var (host, sink) = await StartAsync();
        await using var _ = host;

        var (status, json) = await PostAsync(host, """{"helpful": true}""", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal(Reminder, json.GetProperty("reminder").GetString());
        Assert.Empty(sink.Entries);
    }

    [Fact]
    public async Task Feedback_BodyOverTheLimit_Returns413()
    {
        var (host, sink) = await StartAsync(new Dictionary<string, string?> { ["QaBot:Web:MaxAskBodyBytes"] = "2048" });
        await using var _ = host;

        var (status, _) = await PostAsync(host, JsonSerializer.Serialize(new { helpful = false, question = new string('a', 5000) }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Empty(sink.Entries);
    }

    [Fact]
    public async Task Feedback_BodyOverTheLimitWithoutContentLength_Returns413()
    {
        var (host, sink) = await StartAsync(new Dictionary<string, string?> { ["QaBot:Web:MaxAskBodyBytes"] = "2048" });
        await using var _ = host;
        var json = JsonSerializer.Serialize(new { helpful = false, question = new string('a', 5000) });
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/feedback", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(sink.Entries);
    }

    [Fact]
    public async Task Feedback_OverThePerClientRateLimit_Returns429WithRetryAfter()
    {
        var (host, sink) = await StartAsync(new Dictionary<string, string?>
        {
            ["QaBot:RateLimits:Enabled"] = "true",
            ["QaBot:RateLimits:PerUser:TokenLimit"] = "2",
            ["QaBot:RateLimits:PerUser:TokensPerPeriod"] = "1",
            ["QaBot:RateLimits:PerUser:ReplenishmentPeriod"] = "00:01:00",
        });
        await using var _ = host;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await PostAsync(host, """{"helpful": true}""")).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, sink.Entries.Count);
    }

    [Fact]
    public async Task Feedback_ThroughTheHost_LandsInKbFeedback()
    {
        var folder = Path.Combine(Path.GetTempPath(), "qabot-web-feedback-" + Guid.NewGuid().ToString("N"));
        var database = Path.Combine(folder, "analytics.db");
        var output = new StringWriter();
        var original = Console.Out;
        try
        {
            await using (var host = await RealHost.StartAsync(new Dictionary<string, string?> { ["QaBot:Analytics:DatabasePath"] = database }))
            {
                using var helpful = await host.Client.PostAsJsonAsync(new Uri("api/feedback", UriKind.Relative), new { helpful = true, kind = "answered", passage_ids = new[] { "conditions/lupus#x" } });
                using var notHelpful = await host.Client.PostAsJsonAsync(new Uri("api/feedback", UriKind.Relative), new { helpful = false, kind = "answered", passage_ids = new[] { "conditions/lupus#x" }, question = "is it for jane@example.com" });
                Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (helpful.StatusCode, notHelpful.StatusCode));
            } // stopping the host flushes the analytics queue

            Console.SetOut(output);
            var exit = await QaBotCommandLine.RunAsync(["kb", "feedback", "--json", "--database", database]);
            Console.SetOut(original);

            Assert.Equal(0, exit);
            using var report = JsonDocument.Parse(output.ToString());
            var web = report.RootElement.GetProperty("platforms").EnumerateArray().Single(p => p.GetProperty("platform").GetString() == "web");
            Assert.Equal((1, 1), (web.GetProperty("helpful").GetInt32(), web.GetProperty("not_helpful").GetInt32()));
            Assert.DoesNotContain("jane@example.com", File.ReadAllText(database), StringComparison.Ordinal);
        }
        finally
        {
            Console.SetOut(original);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
