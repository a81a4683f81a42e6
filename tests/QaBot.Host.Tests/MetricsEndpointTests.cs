using System.Net;
using System.Net.Http.Json;

namespace QaBot.Host.Tests;

/// <summary>Prometheus scrapes of a real host on 127.0.0.1, after real questions.</summary>
public sealed class MetricsEndpointTests
{
    /// <summary>The tags QaBot's own instruments may carry: bounded sets, never text or ids.</summary>
    private static readonly string[] AllowedLabels =
        ["platform", "outcome", "category", "reason", "helpful", "endpoint", "status", "scope", "close_code", "kind", "le", "otel_scope_name", "otel_scope_version"];

    [Fact]
    public async Task Metrics_AfterQuestions_ExportsQaBotAndAspNetCoreMetricsWithBoundedLabels()
    {
        const string marker = "zebracorn";
        await using var host = await RealHost.StartAsync(new Dictionary<string, string?>
        {
            ["QaBot:RateLimits:Enabled"] = "true",
            ["QaBot:RateLimits:PerUser:TokenLimit"] = "2",
            ["QaBot:RateLimits:PerUser:TokensPerPeriod"] = "1",
        });
        await host.WaitReadyAsync();

        (await host.Client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question = "Can stem cell therapy help lupus?" })).EnsureSuccessStatusCode();
        (await host.Client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question = "I want to kill myself " + marker })).EnsureSuccessStatusCode();
        (await host.Client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question = "What is lupus?" })).EnsureSuccessStatusCode(); // a safety reply took no token
        using var limited = await host.Client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question = marker });
        var text = await host.Client.GetStringAsync(new Uri("metrics", UriKind.Relative));
        var samples = PrometheusText.Parse(text);

        var ours = string.Join('\n', text.Split('\n').Where(l => l.StartsWith("qabot_", StringComparison.Ordinal) && !l.Contains("_bucket", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(ours.Length > 0, text);
        Assert.Contains(samples, s => s.Name == "qabot_questions_total" && s.Labels["platform"] == "api" && s.Labels["outcome"] == "answered");
        Assert.True(samples.Any(s => s.Name == "qabot_questions_total" && s.Labels["outcome"] == "safety" && s.Labels.GetValueOrDefault("category") == "SelfHarm"), ours);
        Assert.Contains(samples, s => s.Name == "qabot_answer_duration_seconds_count" && s.Labels["platform"] == "api");
        Assert.Contains(samples, s => s.Name == "qabot_rate_limit_rejections_total" && s.Labels["platform"] == "api" && s.Labels["reason"] == "user");
        Assert.Contains(samples, s => s.Name == "qabot_web_rejections_total" && s.Labels["endpoint"] == "/api/ask" && s.Labels["status"] == "429");
        Assert.Contains(samples, s => s.Name == "qabot_answers_active");
        Assert.Contains(samples, s => s.Name == "http_server_request_duration_seconds_count" && s.Labels.GetValueOrDefault("http_route") == "/api/ask");
        Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lupus", text, StringComparison.OrdinalIgnoreCase);
        Assert.All(samples.Where(s => s.Name.StartsWith("qabot_", StringComparison.Ordinal)), s =>
            Assert.All(s.Labels.Keys, key => Assert.Contains(key, AllowedLabels)));
    }

    [Fact]
    public async Task Metrics_CustomPath_ServedThereOnly()
    {
        await using var host = await RealHost.StartAsync(new Dictionary<string, string?> { ["QaBot:Web:Metrics:Path"] = "/internal/metrics" });

        using var custom = await host.Client.GetAsync(new Uri("internal/metrics", UriKind.Relative));
        using var standard = await host.Client.GetAsync(new Uri("metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, custom.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, standard.StatusCode);
    }

    [Fact]
    public async Task Metrics_Disabled_NotServed()
    {
        await using var host = await RealHost.StartAsync(new Dictionary<string, string?> { ["QaBot:Web:Metrics:Enabled"] = "false" });

        using var response = await host.Client.GetAsync(new Uri("metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
