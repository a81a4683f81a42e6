namespace QaBot.Answering.Tests.Safety;

/// <summary>An extra rules file in a fresh temporary folder, deleted on dispose.</summary>
public sealed class TemporaryRulesFile : IDisposable
{
    private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qabot-safety-" + Guid.NewGuid().ToString("N"));

    public TemporaryRulesFile(string content)
    {
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, "extra-rules.json");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
