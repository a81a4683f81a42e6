using Microsoft.Extensions.Options;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Knowledge.Tests;

/// <summary>A knowledge folder in the temp directory, deleted after the test, and knowledge bases over it.</summary>
internal sealed class TempKnowledgeFolder : IDisposable
{
    public TempKnowledgeFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "qabot-live-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Delete(string relative) => File.Delete(PathOf(relative));

    public KnowledgeOptions Options(Action<KnowledgeOptions>? configure = null)
    {
        var options = new KnowledgeOptions { Paths = [Root] };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A knowledge base over the folder, lexical only.</summary>
    public KnowledgeBase Open(TimeProvider time, ITextEncoderSource? encoders = null, KnowledgeMetrics? metrics = null, Action<KnowledgeOptions>? configure = null) =>
        new(
            Microsoft.Extensions.Options.Options.Create(Options(configure)),
            Microsoft.Extensions.Options.Options.Create(new EmbeddingOptions { Enabled = false }),
            encoders ?? new NoTextEncoder(),
            time,
            metrics: metrics);

    /// <summary>A Markdown file with one section per (heading, text).</summary>
    public static string Markdown(string title, params (string Heading, string Text)[] sections) =>
        $"---\ntitle: {title}\n---\n" + string.Concat(sections.Select(s => $"## {s.Heading}\n{s.Text}\n\n"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a watcher may still hold the folder for a moment; the temp folder is cleaned up by the system
        }
    }
}
