using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace QaBot.Host.Tests;

public sealed class AskEndpointTests : IClassFixture<QaBotFactory>
{
    private const string Reminder = "This is general information, not medical advice. Please talk to your healthcare provider about your own situation.";
    private readonly QaBotFactory factory;
    private readonly HttpClient client;

    public AskEndpointTests(QaBotFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await client.PostAsync(new Uri("/api/ask", UriKind.Relative), content);
        var json = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(json).RootElement.Clone());
    }

    [Fact]
    public async Task Ask_GoodQuestion_ReturnsTheAnswerJson()
    {
        var (status, body) = await PostAsync("""{"question": "Can stem cell therapy help lupus?"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("answered", body.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("category").ValueKind);
        Assert.Contains("[1]", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
        var citation = body.GetProperty("citations")[0];
        foreach (var key in new[] { "n", "id", "title", "section", "source", "url", "quote", "score" })
        {
            Assert.True(citation.TryGetProperty(key, out _), $"citation has no '{key}'");
        }

        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.StartsWith("conditions/lupus#", citation.GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SafetyMessage_ReturnsSnakeCaseKindAndCategory()
    {
        var (status, body) = await PostAsync("""{"question": "should I stop my methotrexate for stem cells?"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("safety", body.GetProperty("kind").GetString());
        Assert.Equal("personal_medical_advice", body.GetProperty("category").GetString());
        Assert.Equal(0, body.GetProperty("citations").GetArrayLength());
        Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
    }

    [Theory]
    [InlineData("what's the weather tomorrow?")]
    [InlineData("how do I write a for loop in python")]
    [InlineData("who won the football game last night")]
    [InlineData("stem cells for parkinsons")]
    public async Task Ask_OffTopicOrNotInTheKnowledge_ReturnsNoAnswer(string question)
    {
        var (_, body) = await PostAsync(JsonSerializer.Serialize(new { question }));

        Assert.Equal("no_answer", body.GetProperty("kind").GetString());
        Assert.Equal(0, body.GetProperty("citations").GetArrayLength());
        Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
    }

    [Theory]
    [InlineData("my sister just got diagnosed with lupus what even is it", "conditions/lupus#")]
    [InlineData("can ms pts get stem cells", "conditions/multiple-sclerosis#")]
    [InlineData("rhuematoid arthritis stem cells", "conditions/rheumatoid-arthritis#")]
    [InlineData("what is the price of a stem cell clinic in Mexico", "")]
    [InlineData("is stem cell therapy covered by insurance", "cost-and-insurance#does-insurance-cover-stem-cell-therapy")]
    [InlineData("will stem cells stop my flare ups", "")]
    [InlineData("is there any hope for autoimmune patients with stem cells in the future", "")]
    public async Task Ask_ConsumerWording_IsAnsweredFromTheRightPassage(string question, string expectedPrefix)
    {
        var (_, body) = await PostAsync(JsonSerializer.Serialize(new { question }));

        Assert.Equal("answered", body.GetProperty("kind").GetString());
        Assert.StartsWith(expectedPrefix, body.GetProperty("citations")[0].GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"question\": \"lupus", "not valid JSON")]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("[\"question\"]", "\\\"question\\\" string")]
    [InlineData("{\"q\": \"lupus\"}", "\\\"question\\\" string")]
    [InlineData("{\"question\": 42}", "\\\"question\\\" string")]
    public async Task Ask_MalformedBody_Returns400WithAClearMessage(string body, string message)
    {
        var (status, json) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message.Replace("\\\"", "\"", StringComparison.Ordinal), json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OversizedBody_Returns413()
    {
        var huge = JsonSerializer.Serialize(new { question = new string('a', 100_000) });

        var (status, json) = await PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"lupus AND (")]
    [InlineData("title:*")]
    [InlineData("\u0000\u0007")]
    public async Task Ask_EmptyOrHostileQuestion_GetsAPoliteReply(string question)
    {
        var (status, body) = await PostAsync(JsonSerializer.Serialize(new { question }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("text").GetString()));
        Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
    }

    [Fact]
    public async Task Ask_LongQuestionUnderTheBodyLimit_GetsTheTooLongReply()
    {
        var (status, body) = await PostAsync(JsonSerializer.Serialize(new { question = string.Join(' ', Enumerable.Repeat("lupus", 1000)) }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("no_answer", body.GetProperty("kind").GetString());
        Assert.Contains("2000", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatPage_IsServedAtRoot()
    {
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = await client.GetStringAsync(new Uri("/chat.js", UriKind.Relative));

        Assert.Contains("<form", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/chat.js\"", html, StringComparison.Ordinal);
        Assert.Contains("/api/ask", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task Ask_BodyThatIsNotJson_Returns415WithTheReminder(string contentType)
    {
        var (status, body) = await PostAsync("""{"question": "Can stem cell therapy help lupus?"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("application/json", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
    }

    [Fact]
    public async Task Ask_NoContentType_Returns415()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"question": "lupus"}"""));
        using var response = await client.PostAsync(new Uri("/api/ask", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Ask_JsonSuffixContentType_IsAnswered()
    {
        var (status, body) = await PostAsync("""{"question": "Can stem cell therapy help lupus?"}""", "application/vnd.qabot+json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("answered", body.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Health_LiveAndReadyAfterTheKnowledgeLoads()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "lupus" });

        HttpResponseMessage? ready = null;
        for (var i = 0; i < 50; i++)
        {
            ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.OK, ready!.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("passages").GetInt32() > 0);
    }

    [Fact]
    public async Task Logs_NeverContainTheQuestionText()
    {
        const string marker = "zebracorn";
        foreach (var question in new[]
        {
            $"can stem cells help lupus {marker}",
            $"{marker} weather",
            $"I want to kill myself {marker}",
            $"how many mg of {marker} should I take",
            "{\"question\": \"" + marker,
        })
        {
            await PostAsync(question.StartsWith('{') ? question : JsonSerializer.Serialize(new { question }));
        }

        Assert.NotEmpty(factory.Logs);
        Assert.DoesNotContain(factory.Logs, line => line.Contains(marker, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(factory.Logs, line => line.Contains("[2001]", StringComparison.Ordinal));
    }
}
