using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace QaBot.Host.Tests;

/// <summary>The host runs with any combination of Discord and Teams, and two replicas answer alike.</summary>
public sealed class HostCombinationTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Serve_AnyCombinationOfDiscordAndTeams_StartsAndAnswersTheApi(bool discord, bool teams)
    {
        var settings = new Dictionary<string, string?>();
        if (discord)
        {
            settings["QaBot:Discord:Enabled"] = "true";
            settings["QaBot:Discord:Token"] = "test-token";
            settings["QaBot:Discord:RegisterCommands"] = "false";
            settings["QaBot:Discord:GatewayUrl"] = "ws://127.0.0.1:9/"; // nothing listens: the bot keeps reconnecting, the host runs on
        }

        if (teams)
        {
            settings["MicrosoftAppId"] = "4b1c7a53-3a8e-4f3d-9c2b-6f1d2e3a4b5c";
            settings["MicrosoftAppPassword"] = "test-secret-not-real";
        }

        await using var host = await RealHost.StartAsync(settings);

        using var answer = await host.Client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question = "can stem cells help lupus" });
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        using var messages = await host.Client.PostAsync(new Uri("api/messages", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("answered", body.GetProperty("kind").GetString());
        Assert.Equal(teams ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound, messages.StatusCode);
        Assert.Equal(discord, host.App.Services.GetService<QaBot.Discord.IDiscordHealth>() is not null);
    }

    [Theory]
    [InlineData(false, false, 16 * 1024)]
    [InlineData(true, false, 64 * 1024)]
    [InlineData(false, true, 256 * 1024)]
    [InlineData(true, true, 256 * 1024)]
    public async Task Serve_RequestBodyBackstop_IsTheLargestLimitOfTheEndpointsInUse(bool discord, bool teams, long expected)
    {
        var settings = new Dictionary<string, string?>();
        if (discord)
        {
            settings["QaBot:Discord:Enabled"] = "true";
            settings["QaBot:Discord:Token"] = "test-token";
            settings["QaBot:Discord:RegisterCommands"] = "false";
            settings["QaBot:Discord:GatewayUrl"] = "ws://127.0.0.1:9/";
        }

        if (teams)
        {
            settings["MicrosoftAppId"] = "4b1c7a53-3a8e-4f3d-9c2b-6f1d2e3a4b5c";
            settings["MicrosoftAppPassword"] = "test-secret-not-real";
        }

        await using var host = await RealHost.StartAsync(settings);

        var kestrel = host.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value;
        Assert.Equal(expected, kestrel.Limits.MaxRequestBodySize);
    }

    [Fact]
    public async Task Serve_MetricsPathTakenByAPlatformEndpoint_StopsNamingTheSetting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "4b1c7a53-3a8e-4f3d-9c2b-6f1d2e3a4b5c",
            ["MicrosoftAppPassword"] = "test-secret-not-real",
            ["QaBot:Web:Metrics:Path"] = "/api/messages",
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await RealHost.StartAsync(settings));

        Assert.Contains("QaBot:Web:Metrics:Path /api/messages is already an endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoReplicas_OnOneMachine_AnswerTheSameQuestionIdentically()
    {
        await using var first = await RealHost.StartAsync();
        await using var second = await RealHost.StartAsync();
        var questions = new[] { "can stem cells help lupus", "what are the risks of stem cell therapy", "what's the weather tomorrow" };

        foreach (var question in questions)
        {
            // The same new conversation on both (an id of its own per question), so that the whole JSON can be compared.
            var id = "same-" + Array.IndexOf(questions, question);
            var a = await first.Client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question, conversation_id = id });
            var b = await second.Client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question, conversation_id = id });

            Assert.Equal(await a.Content.ReadAsStringAsync(), await b.Content.ReadAsStringAsync());
        }
    }
}
