using System.Text.RegularExpressions;

namespace QaBot.Host.Tests;

/// <summary>The chat page as the host serves it: its own script and style, and the server's limits filled in.</summary>
public sealed partial class ChatPageTests
{
    private static readonly Dictionary<string, string?> NoAnalytics = new() { ["QaBot:Analytics:Enabled"] = "false" };

    [Fact]
    public async Task Page_ConfiguredQuestionLimit_IsTheInputsMaxLength()
    {
        await using var host = await RealHost.StartAsync(new Dictionary<string, string?>(NoAnalytics) { ["QaBot:Answering:MaxQuestionChars"] = "321" });

        var html = await host.Client.GetStringAsync(new Uri("", UriKind.Relative));

        Assert.Equal("321", MaxLength().Match(html).Groups[1].Value);
        Assert.Contains("data-max-question-chars=\"321\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_DefaultLimit_Is2000AndTheReminderIsOnThePage()
    {
        await using var host = await RealHost.StartAsync(NoAnalytics);

        var html = await host.Client.GetStringAsync(new Uri("", UriKind.Relative));

        Assert.Equal("2000", MaxLength().Match(html).Groups[1].Value);
        Assert.Contains("Please talk to your healthcare provider about your own situation.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ConfiguredReminderWithMarkup_IsEncoded()
    {
        await using var host = await RealHost.StartAsync(new Dictionary<string, string?>(NoAnalytics) { ["QaBot:Answering:Reminder"] = "Ask your doctor <b>\"now\"</b>." });

        var html = await host.Client.GetStringAsync(new Uri("", UriKind.Relative));

        Assert.Contains("Ask your doctor &lt;b&gt;&quot;now&quot;&lt;/b&gt;.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chat.js", "text/javascript")]
    [InlineData("chat.css", "text/css")]
    [InlineData("", "text/html")]
    public async Task Assets_AreServedFromTheAssemblyWithTheirType(string path, string type)
    {
        await using var host = await RealHost.StartAsync(NoAnalytics);

        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsStringAsync()).Length > 500);
    }

    [Fact]
    public async Task Script_NeverUsesInnerHtmlOrExternalAddresses()
    {
        await using var host = await RealHost.StartAsync(NoAnalytics);

        var script = await host.Client.GetStringAsync(new Uri("chat.js", UriKind.Relative));
        var style = await host.Client.GetStringAsync(new Uri("chat.css", UriKind.Relative));

        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("eval(", script, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", style, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", style, StringComparison.Ordinal);
    }

    [GeneratedRegex("<textarea[^>]*\\smaxlength=\"(\\d+)\"")]
    private static partial Regex MaxLength();
}
