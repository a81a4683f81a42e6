using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Analytics;
using QaBot.Analytics.Reports;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>The Teams "Not helpful" button carries the question: it reaches the moderators' gap report, redacted.</summary>
public sealed class AnalyticsTests
{
    [Fact]
    public async Task NotHelpfulClick_QuestionCarriedByTheCard_IsInTheGapReportRedactedWithTheCitedPassages()
    {
        var host = new TeamsHost(new Dictionary<string, string?>(), mocks: false);
        await host.InitializeAsync();
        try
        {
            var url = host.ServiceUrl;
            var (_, reply) = await host.AskAsync(TeamsActivities.Personal(url, TeamsHost.AppId, "Can stem cell therapy help lupus? Mail me: jane.doe@example.com"));
            var passageIds = reply.Card!.SelectTokens("$..actions[0].data.citations[*].id").Select(t => (string)t!).ToList();
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
            Assert.Equal("Can stem cell therapy help lupus? Mail me: [email]", group.Example);
            Assert.Equal([GapReason.NotHelpful], group.Reasons);
            var teams = Assert.Single(feedback.Platforms);
            Assert.Equal(("teams", 1, 0, 1), (teams.Platform, teams.Answered, teams.Helpful, teams.NotHelpful));
            Assert.NotEmpty(passageIds);
            Assert.Equal(passageIds.Order(StringComparer.Ordinal), feedback.NotHelpfulPassages.Select(p => p.PassageId).Order(StringComparer.Ordinal));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
