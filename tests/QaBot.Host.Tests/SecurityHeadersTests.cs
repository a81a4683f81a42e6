using System.Net.Http.Json;

namespace QaBot.Host.Tests;

/// <summary>The security headers on a real host: the chat page, its script, the API, its errors and unknown paths.</summary>
public sealed class SecurityHeadersTests
{
    private static readonly Dictionary<string, string?> NoAnalytics = new() { ["QaBot:Analytics:Enabled"] = "false" };

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "chat.js")]
    [InlineData("GET", "chat.css")]
    [InlineData("POST", "api/ask")]
    [InlineData("POST", "api/feedback")]
    [InlineData("GET", "no-such-page")]
    public async Task Response_AnyPath_CarriesTheSecurityHeaders(string method, string path)
    {
        await using var host = await RealHost.StartAsync(NoAnalytics);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { question = "Can stem cell therapy help lupus?", helpful = true });
        }

        using var response = await host.Client.SendAsync(request);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task ChatPage_HasNoInlineScriptOrStyle()
    {
        await using var host = await RealHost.StartAsync(NoAnalytics);

        var html = await host.Client.GetStringAsync(new Uri("", UriKind.Relative));

        Assert.Matches("<script src=\"/chat.js\" defer></script>", html);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("\\son[a-z]+\\s*=", html);
    }
}
