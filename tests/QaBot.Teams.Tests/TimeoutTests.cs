using System.Diagnostics;
using System.Net;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>Nothing the Bot Framework does can hold a request for long: authentication and outgoing calls are bounded.</summary>
public sealed class TimeoutTests
{
    [Fact]
    public async Task MetadataEndpointHangs_RequestEndsWith503WithinTheAuthenticationTimeout()
    {
        var host = new TeamsHost(new Dictionary<string, string?> { ["QaBot:Teams:AuthenticationTimeout"] = "00:00:01" });
        await host.InitializeAsync();
        try
        {
            host.Connector.MetadataDelay = TimeSpan.FromSeconds(20);
            var activity = TeamsActivities.Personal(host.ServiceUrl, TeamsHost.AppId, "can stem cells help lupus?");
            var token = host.Token();
            using (var warm = await host.PostAsync(activity, authorization: null))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, warm.StatusCode);
            }

            var clock = Stopwatch.StartNew();

            using var response = await host.PostAsync(activity, "Bearer " + token);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"took {clock.Elapsed}"); // far below the 20 s hang, with room for a busy machine
            Assert.Empty(host.Connector.Requests);
            Assert.Contains(host.Factory.Logs, l => l.Contains("[5002]", StringComparison.Ordinal));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task BotConnectorHangs_RequestEndsWithinTheOutgoingTimeoutAndTheFailureIsLogged()
    {
        var host = new TeamsHost(new Dictionary<string, string?> { ["QaBot:Teams:OutgoingTimeout"] = "00:00:01" });
        await host.InitializeAsync();
        try
        {
            var activity = TeamsActivities.Personal(host.ServiceUrl, TeamsHost.AppId, "can stem cells help lupus?");
            using (var warm = await host.PostAsync(activity, authorization: null))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, warm.StatusCode);
            }

            host.Connector.ReplyDelay = TimeSpan.FromSeconds(20);
            var clock = Stopwatch.StartNew();

            using var response = await host.SendAsync(activity);

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"took {clock.Elapsed}"); // far below the 20 s hang, with room for a busy machine
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Contains(host.Factory.Logs, l => l.Contains("[5013]", StringComparison.Ordinal) && l.Contains("Bot Connector failed or timed out", StringComparison.Ordinal));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
