using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Analytics;
using QaBot.Analytics.Reports;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>
/// The Teams "Not helpful" button carries the question: on a reply without an answer, the click and the question both
/// reach the moderators' gap report, redacted, with the user hashed.
/// </summary>
public sealed class AnalyticsTests
{
    [Fact]
    public async Task NotHelpfulClickOnANoAnswerReply_QuestionCarriedByTheCard_IsInTheGapReportRedacted()
    {
        // Lexical search only: this is about what the card carries, and loading the embedding model would only add load.
        var host = new TeamsHost(new Dictionary<string, string?> { ["QaBot:Embeddings:Enabled"] = "false" }, mocks: false);
        await host.InitializeAsync();
        try
        {
            var url = host.ServiceUrl;
            var (_, reply) = await host.AskAsync(TeamsActivities.Personal(url, TeamsHost.AppId, "Which bus goes to the stadium? Mail me: jane.doe@example.com"));
            var notHelpful = TeamsHost.Action(reply.Card!, "Not helpful");
            using (var response = await host.SendAsync(TeamsActivities.Invoke(url, TeamsHost.AppId, "adaptiveCard/action", TeamsActivities.ExecuteValue(notHelpful), "x")))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            var metrics = host.Factory.Services.GetRequiredService<AnalyticsMetrics>();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            {
                while (metrics.Written < 2)
                {
                    await Task.Delay(10, timeout.Token); // the background writer stores the question and the click
                }
            }

            var reports = host.Factory.Services.GetRequiredService<IAnalyticsReports>();
            var gaps = await reports.GetGapsAsync(TimeSpan.FromDays(1), 10, CancellationToken.None);
            var feedback = await reports.GetFeedbackAsync(TimeSpan.FromDays(1), CancellationToken.None);

            var group = Assert.Single(gaps.Groups);
            Assert.Equal("Which bus goes to the stadium? Mail me: [email]", group.Example);
            Assert.Equal((2, 1), (group.Count, group.DistinctUsers));
            Assert.Equal([GapReason.NoAnswer, GapReason.NotHelpful], group.Reasons);
            var teams = Assert.Single(feedback.Platforms);
            Assert.Equal(("teams", 1, 0, 1), (teams.Platform, teams.NoAnswer, teams.Helpful, teams.NotHelpful));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
