using System.Net;
using System.Text;
using System.Text.Json;

namespace QaBot.Host.Tests;

/// <summary><c>POST /api/ask</c> in a conversation: the <c>conversation_id</c> it returns carries the context to the next question.</summary>
public sealed class AskConversationTests : IClassFixture<QaBotFactory>
{
    private readonly HttpClient client;

    public AskConversationTests(QaBotFactory factory)
    {
        client = factory.CreateClient();
    }

    [Fact]
    public async Task Ask_WithoutAConversationId_ReturnsANewOneEachTime()
    {
        var (_, first) = await PostAsync(new { question = "Can stem cell therapy help lupus?" });
        var (_, second) = await PostAsync(new { question = "Can stem cell therapy help lupus?" });

        var a = first.GetProperty("conversation_id").GetString();
        var b = second.GetProperty("conversation_id").GetString();
        Assert.Matches("^[a-f0-9]{32}$", a);
        Assert.NotEqual(a, b);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("resolved_question").ValueKind);
    }

    [Fact]
    public async Task Ask_FollowUpWithTheReturnedId_IsResolvedWithThePreviousTopic()
    {
        var (_, first) = await PostAsync(new { question = "Can stem cells help multiple sclerosis?" });
        var id = first.GetProperty("conversation_id").GetString();

        var (status, second) = await PostAsync(new { question = "what have the studies found so far?", conversation_id = id });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, second.GetProperty("conversation_id").GetString());
        Assert.Contains("multiple sclerosis", second.GetProperty("resolved_question").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("About stem cell therapy for MS: ", second.GetProperty("text").GetString(), StringComparison.Ordinal);
        var top3 = second.GetProperty("citations").EnumerateArray().Take(3).Select(c => c.GetProperty("id").GetString());
        Assert.Contains("conditions/multiple-sclerosis#what-have-studies-of-hsct-for-multiple-sclerosis-found", top3);
    }

    [Fact]
    public async Task Ask_ClientChosenId_KeepsItsContext()
    {
        var id = "client-" + Guid.NewGuid().ToString("N");
        await PostAsync(new { question = "What is HSCT?", conversation_id = id });

        var (_, body) = await PostAsync(new { question = "how long does recovery take?", conversation_id = id });

        Assert.Equal(id, body.GetProperty("conversation_id").GetString());
        Assert.Contains("HSCT", body.GetProperty("resolved_question").GetString(), StringComparison.Ordinal);
        Assert.Equal("hsct#how-long-does-recovery-from-hsct-take", body.GetProperty("citations")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Ask_AmbiguousFirstQuestion_ClarifiesAndAChoiceIsAnsweredInTheSameConversation()
    {
        var (_, clarify) = await PostAsync(new { question = "is it painful?" });
        var id = clarify.GetProperty("conversation_id").GetString();

        Assert.Equal("clarify", clarify.GetProperty("kind").GetString());
        Assert.Equal(0, clarify.GetProperty("citations").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(clarify.GetProperty("reminder").GetString()));
        var choices = clarify.GetProperty("choices").EnumerateArray().ToList();
        Assert.InRange(choices.Count, 2, 4);
        var choice = choices[0].GetProperty("question").GetString();
        Assert.False(string.IsNullOrEmpty(choices[0].GetProperty("label").GetString()));

        var (_, answer) = await PostAsync(new { question = choice, conversation_id = id });

        Assert.Equal("answered", answer.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("\"has spaces\"")]
    [InlineData("\"semi;colon\"")]
    [InlineData("42")]
    [InlineData("\"\"")]
    public async Task Ask_InvalidConversationId_Returns400WithTheReminder(string id)
    {
        using var content = new StringContent("{\"question\":\"What is HSCT?\",\"conversation_id\":" + id + "}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/ask", UriKind.Relative), content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("conversation_id", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(body.TryGetProperty("reminder", out _));
    }

    [Fact]
    public async Task Ask_ConversationIdOver100Characters_Returns400()
    {
        var (status, _) = await PostAsync(new { question = "What is HSCT?", conversation_id = new string('a', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object request)
    {
        using var content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/ask", UriKind.Relative), content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
