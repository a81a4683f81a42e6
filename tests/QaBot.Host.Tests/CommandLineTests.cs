using QaBot.Host.Cli;

namespace QaBot.Host.Tests;

[Collection(nameof(ConsoleTests))]
public sealed class CommandLineTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "qabot-cli-" + Guid.NewGuid().ToString("N"));
    private readonly TextWriter originalOut = Console.Out;
    private readonly StringWriter output = new();

    public CommandLineTests()
    {
        Directory.CreateDirectory(root);
        Console.SetOut(output);
    }

    public void Dispose()
    {
        Console.SetOut(originalOut);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task KbValidate_BundledKnowledge_ExitsZero()
    {
        var code = await QaBotCommandLine.RunAsync(["kb", "validate", Path.Combine(Repository.Root, "knowledge")]);

        Assert.Equal(0, code);
        Assert.Contains(" 0 errors", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbValidate_BrokenFile_ExitsOneAndPrintsTheLocation()
    {
        File.WriteAllText(Path.Combine(root, "good.md"), "---\ntitle: Good\n---\n## S\ntext\n");
        File.WriteAllText(Path.Combine(root, "bad.jsonl"), "{\"id\": \"x\", \"title\": \"t\", \"text\": \"y\"}\n{broken\n");

        var code = await QaBotCommandLine.RunAsync(["kb", "validate", root]);

        Assert.Equal(1, code);
        Assert.Contains("bad.jsonl:2: error: malformed JSON", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbStatus_BundledKnowledge_ExitsZeroAndPrintsFilesPassagesAndEmbeddings()
    {
        var code = await QaBotCommandLine.RunAsync(["kb", "status", "--knowledge", Path.Combine(Repository.Root, "knowledge")]);

        Assert.True(code == 0, output.ToString());
        Assert.Contains("conditions/lupus.md (markdown): ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("synonyms.txt (synonyms): 0 errors", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("problems:   0 errors", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("embeddings: ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbStatus_BrokenFile_ExitsOneAndPrintsTheProblemWithItsLocation()
    {
        File.WriteAllText(Path.Combine(root, "good.md"), "---\ntitle: Good\n---\n## S\ntext\n");
        File.WriteAllText(Path.Combine(root, "empty.md"), "");

        var code = await QaBotCommandLine.RunAsync(["kb", "status", "--knowledge", root]);

        Assert.Equal(1, code);
        Assert.Contains("empty.md (markdown): 0 passages, 1 errors", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("empty.md:1: error: the file is empty", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("passages:   1", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbTest_BundledKnowledgeTests_AllPass()
    {
        var code = await QaBotCommandLine.RunAsync(["kb", "test", "--knowledge", Path.Combine(Repository.Root, "knowledge")]);

        Assert.True(code == 0, output.ToString());
        Assert.Contains(" 0 failed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbTest_FailingTest_PrintsExpectedAndActualAndExitsOne()
    {
        var tests = Path.Combine(root, "t.jsonl");
        File.WriteAllText(tests, "{\"id\": \"x1\", \"question\": \"what is SLE\", \"kind\": \"no_answer\"}\n");

        var code = await QaBotCommandLine.RunAsync(["kb", "test", "--knowledge", Path.Combine(Repository.Root, "knowledge"), "--tests", tests]);

        Assert.Equal(1, code);
        Assert.Contains("FAIL x1: \"what is SLE\"", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("expected kind no_answer", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Json_PrintsTheAnswerJsonWithTheReminder()
    {
        var code = await QaBotCommandLine.RunAsync(["ask", "what is SLE", "--json", "--knowledge", Path.Combine(Repository.Root, "knowledge")]);

        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.Equal("answered", json.RootElement.GetProperty("kind").GetString());
        Assert.Contains("healthcare provider", json.RootElement.GetProperty("reminder").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PortAlreadyInUse_PrintsOneLineNamingUrlsAndExitsOne()
    {
        using var other = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        other.Start();
        var port = ((System.Net.IPEndPoint)other.LocalEndpoint).Port;
        File.WriteAllText(Path.Combine(root, "good.md"), "---\ntitle: Good\n---\n## S\ntext\n");
        var originalError = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        int code;
        try
        {
            code = await QaBotCommandLine.RunAsync(["serve", "--urls", $"http://127.0.0.1:{port}", "--knowledge", root, "--QaBot:Embeddings:Enabled=false", "--QaBot:Analytics:Enabled=false"]);
        }
        finally
        {
            Console.SetError(originalError);
        }

        Assert.Equal(1, code);
        var lines = error.ToString().Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains($"http://127.0.0.1:{port} is already in use", lines[0], StringComparison.Ordinal);
        Assert.Contains("--urls", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://example.org:5080")]
    [InlineData("not a url")]
    public void ListenAddresses_NothingToCheck_ReturnsNull(string? urls)
    {
        Assert.Null(ListenAddresses.FirstInUse(urls));
    }

    [Fact]
    public async Task Eval_QuestionFile_LastLineIsTheJsonReport()
    {
        var questions = Path.Combine(root, "q.jsonl");
        File.WriteAllText(questions, "{\"id\": \"1\", \"question\": \"what is SLE\", \"kind\": \"answered\"}\n{\"id\": \"2\", \"question\": \"weather tomorrow\", \"kind\": \"no_answer\"}\n");

        var code = await QaBotCommandLine.RunAsync(["eval", "--questions", questions, "--knowledge", Path.Combine(Repository.Root, "knowledge")]);

        Assert.Equal(0, code);
        var last = output.ToString().TrimEnd().Split('\n')[^1];
        using var json = System.Text.Json.JsonDocument.Parse(last);
        foreach (var key in new[] { "items", "r1", "r5", "r10", "mrr10", "expect_pass", "kind_acc", "category_acc", "index_s", "qps", "p50_ms", "p99_ms", "rss_mb", "failed" })
        {
            Assert.True(json.RootElement.TryGetProperty(key, out _), $"no '{key}'");
        }

        Assert.Equal(1.0, json.RootElement.GetProperty("kind_acc").GetDouble());
    }
}

[CollectionDefinition(nameof(ConsoleTests), DisableParallelization = true)]
public sealed class ConsoleTests;
