using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using QaBot.Answering;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>What the Teams adapter counts: authentication failures by reason, feedback clicks; never who.</summary>
[Collection(TeamsHostDefinition.Name)]
public sealed class MetricsTests(TeamsHost host)
{
    [Fact]
    public async Task AuthenticationFailures_AreCountedByReason()
    {
        using var failures = new MetricCollector<long>(host.Factory.Services.GetRequiredService<IMeterFactory>(), TeamsMetrics.MeterName, "qabot.teams.authentication.failures");
        var activity = TeamsActivities.Personal(host.ServiceUrl, TeamsHost.AppId, "what is lupus");

        using var forged = await host.PostAsync(activity, "Bearer " + host.Token(otherKey: true));
        using var wrongAudience = await host.PostAsync(activity, "Bearer " + host.Token(audience: "00000000-0000-0000-0000-000000000001"));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
        var measurements = failures.GetMeasurementSnapshot();
        Assert.True(measurements.Count >= 2);
        Assert.All(measurements, m => Assert.Contains(m.Tags["reason"] as string, new[] { "unauthorized", "invalid_token" }));
        Assert.All(measurements, m => Assert.Equal(["reason"], m.Tags.Keys));
    }

    [Fact]
    public async Task FeedbackClick_IsCountedByPlatformAndVerdict()
    {
        using var clicks = new MetricCollector<long>(host.Factory.Services.GetRequiredService<IMeterFactory>(), AnsweringMetrics.MeterName, "qabot.feedback.clicks");
        var (_, reply) = await host.AskAsync(TeamsActivities.Personal(host.ServiceUrl, TeamsHost.AppId, "Can stem cell therapy help lupus?"));
        var button = TeamsHost.Action(reply.Card!, "Not helpful");

        using var response = await host.SendAsync(TeamsActivities.Invoke(host.ServiceUrl, TeamsHost.AppId, "adaptiveCard/action", TeamsActivities.ExecuteValue(button), reply.ActivityId ?? "x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(clicks.GetMeasurementSnapshot(), m => m.Tags["platform"] as string == "teams" && m.Tags["helpful"] as string == "false");
        Assert.All(clicks.GetMeasurementSnapshot(), m => Assert.Equal(["helpful", "platform"], m.Tags.Keys.Order()));
    }
}
