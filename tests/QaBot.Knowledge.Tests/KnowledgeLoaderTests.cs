namespace QaBot.Knowledge.Tests;

public sealed class KnowledgeLoaderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "qabot-loader-" + Guid.NewGuid().ToString("N"));

    public KnowledgeLoaderTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void Load_Folder_ReadsSubfoldersJsonlAndSynonymsButNotTestsOrSafetyExemplars()
    {
        Write("a.md", "---\ntitle: A\n---\n## One\ntext one\n");
        Write("conditions/b.md", "---\ntitle: B\n---\n## Two\ntext two\n");
        Write("extra/p.jsonl", "{\"id\": \"j1\", \"title\": \"J\", \"text\": \"jsonl text\"}\n");
        Write("synonyms.txt", "# comment\nms, multiple sclerosis\n");
        Write("tests/bundled.jsonl", "{\"id\": \"t1\", \"question\": \"q\"}\n");
        Write("safety/exemplars.jsonl", "{\"id\": \"s1\", \"question\": \"q\", \"kind\": \"ordinary\"}\n");
        Write("notes.txt", "ignored");

        var set = new KnowledgeLoader().Load([root]);

        Assert.Equal(["a#one", "conditions/b#two", "j1"], set.Passages.Select(p => p.Id));
        Assert.Single(set.Synonyms);
        Assert.Empty(set.Diagnostics);
    }

    [Fact]
    public void EnumerateFolder_SymlinkLoopsAndLinksToExcludedFolders_ReadEachRealFolderOnceAndSkipTestsAndSafety()
    {
        var knowledge = Path.Combine(root, "kb");
        var outside = Path.Combine(root, "shared");
        Directory.CreateDirectory(knowledge);
        Write("kb/a.md", "---\ntitle: A\n---\n## One\ntext one\n");
        Write("kb/conditions/b.md", "---\ntitle: B\n---\n## Two\ntext two\n");
        Write("kb/tests/bundled.jsonl", "{\"id\": \"t1\", \"question\": \"q\"}\n");
        Write("kb/safety/exemplars.jsonl", "{\"text\": \"x\", \"category\": \"emergency\"}\n");
        Write("shared/c.md", "---\ntitle: C\n---\n## Three\ntext three\n");
        Directory.CreateSymbolicLink(Path.Combine(knowledge, "loop"), knowledge);                  // back to the top
        Directory.CreateSymbolicLink(Path.Combine(knowledge, "conditions", "up"), "..");          // relative loop
        Directory.CreateSymbolicLink(Path.Combine(knowledge, "conditions", "checks"), "../tests"); // tests through a link
        Directory.CreateSymbolicLink(Path.Combine(knowledge, "rules"), Path.Combine(knowledge, "safety"));
        Directory.CreateSymbolicLink(Path.Combine(knowledge, "shared1"), outside);                // one outside folder,
        Directory.CreateSymbolicLink(Path.Combine(knowledge, "shared2"), outside);                // linked twice
        Directory.CreateSymbolicLink(Path.Combine(knowledge, "dangling"), Path.Combine(root, "nowhere"));

        var files = new KnowledgeLoader().EnumerateFolder(knowledge).Select(f => f.RelativePath).ToList();
        var set = new KnowledgeLoader().Load([knowledge]);

        Assert.Equal(["a.md", "conditions/b.md", "shared1/c.md"], files);
        Assert.Equal(["a#one", "conditions/b#two", "shared1/c#three"], set.Passages.Select(p => p.Id));
    }

    [Fact]
    public void EnumerateFolder_ExcludedFoldersConfigured_AreSkippedLikeTests()
    {
        Write("a.md", "---\ntitle: A\n---\n## One\ntext one\n");
        Write("drafts/d.md", "---\ntitle: D\n---\n## Draft\ntext\n");
        Write("safety/s.md", "---\ntitle: S\n---\n## S\ntext\n");

        var files = new KnowledgeLoader(new KnowledgeOptions { ExcludedFolders = ["drafts"], SafetyFolder = "exemplars" }).EnumerateFolder(root).Select(f => f.RelativePath);

        Assert.Equal(["a.md", "safety/s.md"], files);
    }

    [Fact]
    public void Load_BrokenFile_DoesNotStopTheRest()
    {
        Write("good.md", "---\ntitle: Good\n---\n## Fine\ntext\n");
        Write("bad.md", "---\ntitle: [oops\n---\n## S\ntext\n");
        Write("broken.jsonl", "{not json}\n");

        var set = new KnowledgeLoader().Load([root]);

        Assert.Equal(["good#fine"], set.Passages.Select(p => p.Id));
        Assert.Equal(2, set.ErrorCount);
        Assert.Contains(set.Diagnostics, d => d.File == "bad.md" && d.Line == 2);
        Assert.Contains(set.Diagnostics, d => d.File == "broken.jsonl" && d.Line == 1);
    }

    [Fact]
    public void Load_DuplicateIdsAcrossFiles_KeepsFirstAndReportsTheOtherWithBothLocations()
    {
        Write("a.jsonl", "{\"id\": \"same\", \"title\": \"A\", \"text\": \"first\"}\n");
        Write("b.jsonl", "{\"id\": \"other\", \"title\": \"B\", \"text\": \"x\"}\n{\"id\": \"same\", \"title\": \"B\", \"text\": \"second\"}\n");

        var set = new KnowledgeLoader().Load([root]);

        Assert.Equal("first", set.Passages.Single(p => p.Id == "same").Text);
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal(("b.jsonl", 2), (error.File, error.Line));
        Assert.Contains("duplicate id 'same' (first defined at a.jsonl:1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingPath_IsReportedNotThrown()
    {
        var set = new KnowledgeLoader().Load([Path.Combine(root, "nope")]);

        Assert.Empty(set.Passages);
        Assert.Single(set.Diagnostics, d => d.IsError && d.Message.Contains("no such file", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SingleJsonlFile_UsesItsNameForLocations()
    {
        Write("one.jsonl", "{\"id\": \"x\", \"title\": \"t\", \"text\": \"y\"}\n{bad\n");

        var set = new KnowledgeLoader().Load([Path.Combine(root, "one.jsonl")]);

        Assert.Single(set.Passages);
        Assert.Equal(("one.jsonl", 2), (set.Diagnostics[0].File, set.Diagnostics[0].Line));
    }

    [Fact]
    public void Load_BundledKnowledge_HasNoErrors()
    {
        var bundled = Repository.Knowledge;

        var set = new KnowledgeLoader().Load([bundled]);

        Assert.Equal(0, set.ErrorCount);
        Assert.True(set.Passages.Count >= 20, $"only {set.Passages.Count} passages");
        Assert.All(set.Passages, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        Assert.NotEmpty(set.Synonyms);
    }
}
