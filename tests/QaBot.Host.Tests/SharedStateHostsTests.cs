using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QaBot.TestSupport;

namespace QaBot.Host.Tests;

/// <summary>
/// Two real hosts (as two replicas behind a load balancer) sharing one real <c>redis-server</c> on a free loopback port:
/// one conversation continues across them through <c>POST /api/ask</c>, and one client's rate limit is shared.
/// </summary>
public sealed class SharedStateHostsTests
{
    [RedisFact]
    public async Task Ask_FollowUpSentToTheOtherReplica_KeepsTheConversation()
    {
        using var redis = new RedisServer();
        await using var first = await StartAsync(redis);
        await using var second = await StartAsync(redis);

        var opening = await AskAsync(first, new { question = "Can stem cells help multiple sclerosis?" });
        var id = opening.GetProperty("conversation_id").GetString();
        var followUp = await AskAsync(second, new { question = "what have the studies found so far?", conversation_id = id });

        Assert.Equal(id, followUp.GetProperty("conversation_id").GetString());
        Assert.Contains("multiple sclerosis", followUp.GetProperty("resolved_question").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("About stem cell therapy for MS: ", followUp.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Ask_SameClientOnBothReplicas_SharesOneRateLimit()
    {
        using var redis = new RedisServer();
        var limits = new Dictionary<string, string?>
        {
            ["QaBot:RateLimits:Enabled"] = "true",
            ["QaBot:RateLimits:PerUser:TokenLimit"] = "1",
            ["QaBot:RateLimits:PerUser:TokensPerPeriod"] = "1",
        };
        await using var first = await StartAsync(redis, limits);
        await using var second = await StartAsync(redis, limits);

        using var allowed = await first.Client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question = "What is HSCT?" });
        using var limited = await second.Client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question = "What is HSCT?" });

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    private static async Task<RealHost> StartAsync(RedisServer redis, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["QaBot:State:Store"] = "Redis",
            ["QaBot:State:Redis:Configuration"] = redis.Configuration,
            ["QaBot:State:Key"] = "test-key-shared-by-both-replicas-0123456789",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = await RealHost.StartAsync(settings);
        await host.WaitReadyAsync();
        return host;
    }

    private static async Task<JsonElement> AskAsync(RealHost host, object request)
    {
        using var response = await host.Client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
