using System.Net;
using Newtonsoft.Json.Linq;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>Messages are health data: whatever happens to a Teams request, its text, the user's name and the tokens stay out of the logs.</summary>
public sealed class PrivacyTests
{
    private const string Marker = "zebracorn";

    [Fact]
    public async Task Logs_AtTraceLevel_NeverContainMessageTextUserNamesOrTokens()
    {
        var host = new TeamsHost(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft"] = "Trace",
                ["Logging:LogLevel:Microsoft.Bot"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            },
            mocks: false);
        await host.InitializeAsync();
        var tokens = new List<string>();
        try
        {
            var url = host.ServiceUrl;
            var (_, reply) = await host.AskAsync(TeamsActivities.Personal(url, TeamsHost.AppId, $"can stem cells help lupus {Marker}?"));
            await host.AskAsync(TeamsActivities.Channel(url, TeamsHost.AppId, $"what are stem cells {Marker}", mention: true));
            await host.AskAsync(TeamsActivities.Personal(url, TeamsHost.AppId, $"I want to kill myself {Marker}"));
            await host.AskAsync(TeamsActivities.Personal(url, TeamsHost.AppId, $"how many mg of {Marker} should I take"));
            await host.AskAsync(TeamsActivities.Personal(url, TeamsHost.AppId, $"{Marker} weather"));
            await host.AskAsync(TeamsActivities.Personal(url, TeamsHost.AppId, string.Join(' ', Enumerable.Repeat(Marker, 1000))));

            var notHelpful = TeamsHost.Action(reply.Card!, "Not helpful");
            var invoke = TeamsActivities.Invoke(url, TeamsHost.AppId, "adaptiveCard/action", TeamsActivities.ExecuteValue(notHelpful), "x");
            var token = host.Token();
            tokens.Add(token);
            using (var feedback = await host.PostAsync(invoke, "Bearer " + token))
            {
                Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
            }

            var badToken = host.Token(otherKey: true);
            tokens.Add(badToken);
            using (var rejected = await host.PostAsync(TeamsActivities.Personal(url, TeamsHost.AppId, $"rejected {Marker}"), "Bearer " + badToken))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
            }

            using (var malformed = await host.PostRawAsync($"{{\"type\": \"message\", \"text\": \"{Marker}", "Bearer " + badToken))
            {
                Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            }

            var logs = host.Factory.Logs.ToList();
            Assert.Contains(logs, l => l.Contains("[5040]", StringComparison.Ordinal));
            Assert.Contains(logs, l => l.Contains("[5043]", StringComparison.Ordinal));
            Assert.DoesNotContain(logs, l => l.Contains(Marker, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(logs, l => l.Contains("Quokkason", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(logs, l => l.Contains("test-secret-not-real", StringComparison.Ordinal));
            Assert.DoesNotContain(logs, l => tokens.Any(t => l.Contains(t.Split('.')[2], StringComparison.Ordinal)));
            Assert.DoesNotContain(logs, l => l.Contains(OfflineCredentialsFactory.OutgoingToken, StringComparison.Ordinal));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
