using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QaBot.Host.Cli;

namespace QaBot.Host.Tests;

/// <summary>The host with Discord off (the default) and on: start-up checks, /readyz and the interactions endpoint.</summary>
[Collection(nameof(ConsoleTests))]
public sealed class DiscordCompositionTests
{
    [Fact]
    public async Task Readyz_DiscordDisabled_RunsWithoutAnyDiscordConfigurationAndReportsNoDiscord()
    {
        await using var factory = new QaBotFactory();
        using var client = factory.CreateClient();

        var body = await ReadyAsync(client);
        using var endpoint = await client.PostAsync(new Uri("/api/discord/interactions", UriKind.Relative), new StringContent("{}"));

        Assert.False(body.TryGetProperty("discord", out _));
        Assert.Equal(HttpStatusCode.NotFound, endpoint.StatusCode);
    }

    [Fact]
    public async Task Serve_DiscordEnabledWithoutToken_StopsAtStartWithOneClearMessage()
    {
        var originalError = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        int code;
        try
        {
            code = await QaBotCommandLine.RunAsync(
                ["serve", "--urls", "http://127.0.0.1:0", "--knowledge", Path.Combine(Repository.Root, "knowledge"), "--QaBot:Discord:Enabled=true"]);
        }
        finally
        {
            Console.SetError(originalError);
        }

        Assert.Equal(1, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("qabot: Discord is enabled (QaBot:Discord:Enabled) but QaBot:Discord:Token is not set", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_DiscordEnabled_ReportsTheConnectionStateAndTheEndpointChecksSignatures()
    {
        await using var factory = new QaBotFactory();
        factory.Settings["QaBot:Discord:Enabled"] = "true";
        factory.Settings["QaBot:Discord:Token"] = "test-token";
        factory.Settings["QaBot:Discord:RegisterCommands"] = "false";
        factory.Settings["QaBot:Discord:GatewayUrl"] = "ws://127.0.0.1:9/"; // nothing listens: the bot keeps reconnecting
        factory.Settings["QaBot:Discord:InteractionsEndpoint"] = "true";
        factory.Settings["QaBot:Discord:PublicKey"] = new string('a', 64);
        using var client = factory.CreateClient();

        var body = await ReadyAsync(client);
        using var unsigned = await client.PostAsync(new Uri("/api/discord/interactions", UriKind.Relative), new StringContent("""{"type":1}"""));

        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Contains(body.GetProperty("discord").GetProperty("state").GetString(), new[] { "starting", "connecting", "reconnecting" });
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.DoesNotContain(factory.Logs, line => line.Contains("test-token", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> ReadyAsync(HttpClient client)
    {
        await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "lupus" });
        for (var i = 0; i < 100; i++)
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("/readyz never became ready.");
    }
}
