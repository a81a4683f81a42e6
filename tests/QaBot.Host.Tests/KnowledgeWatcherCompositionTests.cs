using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Knowledge;

namespace QaBot.Host.Tests;

/// <summary>The served host watches its knowledge: a moderator's edit is answered without a restart.</summary>
public sealed class KnowledgeWatcherCompositionTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "qabot-host-live-" + Guid.NewGuid().ToString("N"));

    public KnowledgeWatcherCompositionTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Serve_FileAddedAndBrokenWhileRunning_NewFileIsAnsweredAndTheBrokenOneKeepsServing()
    {
        File.WriteAllText(Path.Combine(root, "lupus.md"), "---\ntitle: Lupus\n---\n## What is lupus?\nLupus is an autoimmune disease in which the immune system attacks the body.\n");
        await using var factory = new QaBotFactory();
        factory.Settings["QaBot:Knowledge:Paths:0"] = root;
        factory.Settings["QaBot:Knowledge:ReloadDebounce"] = "00:00:00.100";
        factory.Settings["QaBot:Embeddings:Enabled"] = "false";
        using var client = factory.CreateClient();
        Assert.Equal("lupus#what-is-lupus", await FirstCitationAsync(client, "what is lupus"));
        var knowledge = factory.Services.GetRequiredService<IKnowledgeBase>();

        File.WriteAllText(Path.Combine(root, "axolotl.md"), "---\ntitle: Axolotl\n---\n## How does the axolotl regrow limbs?\nThe axolotl regrows lost limbs with stem cells.\n");
        File.WriteAllText(Path.Combine(root, "lupus.md"), "---\ntitle: [broken\n---\n## What is lupus?\nLupus\n");

        var stopwatch = Stopwatch.StartNew();
        while (await FirstCitationAsync(client, "how does the axolotl regrow limbs") != "axolotl#how-does-the-axolotl-regrow-limbs"
            || !knowledge.Status.FilesServingLastGood.Any())
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), "the edits were not picked up within 10 s");
            await Task.Delay(50);
        }

        Assert.Equal("lupus#what-is-lupus", await FirstCitationAsync(client, "what is lupus"));
        Assert.Contains(knowledge.Status.Problems, p => p.IsError && p.File == "lupus.md" && p.Line == 2);
        Assert.Contains(factory.Logs, l => l.Contains("[1201]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_EveryKnowledgeFileDeleted_IsNotReadyAndLogsAnError()
    {
        File.WriteAllText(Path.Combine(root, "lupus.md"), "---\ntitle: Lupus\n---\n## What is lupus?\nLupus is an autoimmune disease in which the immune system attacks the body.\n");
        await using var factory = new QaBotFactory();
        factory.Settings["QaBot:Knowledge:Paths:0"] = root;
        factory.Settings["QaBot:Knowledge:ReloadDebounce"] = "00:00:00.100";
        factory.Settings["QaBot:Embeddings:Enabled"] = "false";
        using var client = factory.CreateClient();
        Assert.Equal("lupus#what-is-lupus", await FirstCitationAsync(client, "what is lupus"));
        Assert.Equal(System.Net.HttpStatusCode.OK, await ReadyAsync(client, System.Net.HttpStatusCode.OK));

        File.Delete(Path.Combine(root, "lupus.md"));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, await ReadyAsync(client, System.Net.HttpStatusCode.ServiceUnavailable));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("knowledge_empty", body.GetProperty("status").GetString());
        var knowledge = factory.Services.GetRequiredService<IKnowledgeBase>();
        Assert.Contains(knowledge.Status.Problems, p => p.IsError && p.Message.Contains("knowledge is empty", StringComparison.Ordinal));
        // The new status is published before its problems are logged: wait for the log line (at most 10 s).
        var logged = SpinWait.SpinUntil(
            () => factory.Logs.Any(l => l.Contains("[1002]", StringComparison.Ordinal) && l.Contains("knowledge is empty", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10));
        Assert.True(logged, "no error log line says the knowledge is empty");
    }

    /// <summary>The /readyz status once it is <paramref name="expected"/>, or the last one seen after 10 s.</summary>
    private static async Task<System.Net.HttpStatusCode> ReadyAsync(HttpClient client, System.Net.HttpStatusCode expected)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.StatusCode == expected || stopwatch.Elapsed > TimeSpan.FromSeconds(10))
            {
                return response.StatusCode;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<string?> FirstCitationAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var citations = body.GetProperty("citations");
        return citations.GetArrayLength() > 0 ? citations[0].GetProperty("id").GetString() : null;
    }
}
