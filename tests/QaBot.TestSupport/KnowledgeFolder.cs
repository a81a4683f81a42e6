namespace QaBot.TestSupport;

/// <summary>A temporary knowledge folder for one test (or fixture): one good Markdown file to start with, and more written
/// as the test goes. Deleted on dispose.</summary>
public sealed class KnowledgeFolder : IDisposable
{
    /// <summary>A good file: one passage.</summary>
    public const string Lupus = """
        ---
        title: Stem cell therapy and lupus
        source: The QaBot team
        ---

        ## Can stem cell therapy help lupus?
        Small studies of mesenchymal stem cells in severe lupus reported fewer flares.
        """;

    /// <summary>A broken file: its front matter has no title (an error on line 2).</summary>
    public const string NoTitle = """
        ---
        source: The QaBot team
        ---

        ## A section
        Text without a title in the front matter.
        """;

    /// <summary>The error <see cref="NoTitle"/> gets, as the loader words it.</summary>
    public const string NoTitleProblem = "the front matter has no 'title'";

    public KnowledgeFolder()
    {
        Path = Directory.CreateTempSubdirectory("qabot-knowledge-").FullName;
        Write("lupus.md", Lupus);
    }

    public string Path { get; }

    public void Write(string file, string content) => File.WriteAllText(System.IO.Path.Combine(Path, file), content);

    public void Delete(string file) => File.Delete(System.IO.Path.Combine(Path, file));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
