using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Moq;
using QaBot.Answering;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>
/// With an app id configured every request is authenticated by the Bot Framework SDK, offline: the fake connector
/// publishes the OpenID configuration and JWKS, and the test signs RS256 tokens.
/// </summary>
[Collection(TeamsHostDefinition.Name)]
public sealed class TeamsAuthenticationTests(TeamsHost host)
{
    [Fact]
    public async Task GoodToken_IsAcceptedAndTheReplySent()
    {
        var mark = host.Mark();
        var activity = TeamsActivities.Personal(host.ServiceUrl, TeamsHost.AppId, "can stem cells help lupus?");

        using var response = await host.PostAsync(activity, "Bearer " + host.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Connector.Since(mark), r => r.Type == ActivityTypes.Message && r.Card is not null);
        host.Answers.Verify(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty bearer")]
    [InlineData("basic scheme")]
    [InlineData("not a jwt")]
    [InlineData("malformed jwt")]
    [InlineData("truncated signature")]
    [InlineData("unsigned")]
    [InlineData("wrong audience")]
    [InlineData("wrong key")]
    [InlineData("expired")]
    [InlineData("service url mismatch")]
    public async Task BadToken_Is401AndNeverReachesTheBot(string problem)
    {
        var mark = host.Mark();
        var activity = TeamsActivities.Personal(host.ServiceUrl, TeamsHost.AppId, "can stem cells help lupus?");
        var good = host.Token();
        var authorization = problem switch
        {
            "missing" => null,
            "empty bearer" => "Bearer ",
            "basic scheme" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("qabot:secret")),
            "not a jwt" => "Bearer not-a-token",
            "malformed jwt" => "Bearer eyJhbGciOiJSUzI1NiJ9.e30.!!!",
            "truncated signature" => "Bearer " + good[..^10],
            "unsigned" => "Bearer " + string.Join('.', Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}"), good.Split('.')[1], ""),
            "wrong audience" => "Bearer " + host.Token(audience: Guid.NewGuid().ToString()),
            "wrong key" => "Bearer " + host.Token(otherKey: true),
            "expired" => "Bearer " + host.Token(expires: DateTime.UtcNow.AddHours(-1)),
            "service url mismatch" => "Bearer " + host.Token(serviceUrl: "https://smba.trafficmanager.net/amer/"),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        using var response = await host.PostAsync(activity, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Since(mark));
        host.Answers.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task BadToken_OnAFeedbackInvoke_Is401AndRecordsNothing()
    {
        var mark = host.Mark();
        var invoke = TeamsActivities.Invoke(host.ServiceUrl, TeamsHost.AppId, "adaptiveCard/action",
            TeamsActivities.ExecuteValue(new Newtonsoft.Json.Linq.JObject { ["verb"] = "qabot.feedback", ["data"] = new Newtonsoft.Json.Linq.JObject() }), "x");

        using var response = await host.PostAsync(invoke, "Bearer " + host.Token(otherKey: true));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Since(mark));
        host.Feedback.VerifyNoOtherCalls();
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
