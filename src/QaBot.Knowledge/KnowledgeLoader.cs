using System.Text;
using QaBot.Knowledge.Files;

namespace QaBot.Knowledge;

/// <summary>
/// Reads knowledge folders and files into a <see cref="KnowledgeSet"/>. A broken file is reported and skipped;
/// it never stops the rest from loading. Later duplicates of an id are reported and dropped. (The knowledge base
/// reads the same way, then keeps a broken file's last good version: see <see cref="KnowledgeMerger"/>.)
/// </summary>
public sealed class KnowledgeLoader(KnowledgeOptions options)
{
    private static readonly HashSet<string> MarkdownExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown" };

    public KnowledgeLoader()
        : this(new KnowledgeOptions())
    {
    }

    /// <summary>True for files the loader reads (Markdown, JSONL and the synonyms file).</summary>
    public bool IsKnowledgeFile(string path)
    {
        var extension = Path.GetExtension(path);
        return MarkdownExtensions.Contains(extension)
            || extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
            || Path.GetFileName(path).Equals(options.SynonymsFile, StringComparison.OrdinalIgnoreCase);
    }

    public KnowledgeSet Load(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        new KnowledgeMerger().Merge(Read(paths, cancellationToken), DateTimeOffset.UnixEpoch).Knowledge;

    /// <summary>
    /// Reads every knowledge file of the paths, each on its own (nothing merged, duplicates not looked for yet). A bad
    /// file becomes diagnostics; an error listing a folder (deleted while read) is thrown.
    /// </summary>
    internal IReadOnlyList<KnowledgeRootRead> Read(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var roots = new List<KnowledgeRootRead>();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var files = new List<KnowledgeFileRead>();
            if (Directory.Exists(path))
            {
                foreach (var (full, relative) in EnumerateFolder(path))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (IsSynonymsFile(full) && relative.Contains('/', StringComparison.Ordinal))
                    {
                        continue; // only the top-level synonyms file of a folder counts
                    }

                    files.Add(ReadFile(path, full, relative));
                }
            }
            else if (File.Exists(path))
            {
                files.Add(ReadFile(path, path, Path.GetFileName(path)));
            }
            else
            {
                roots.Add(new KnowledgeRootRead(path, [], KnowledgeDiagnostic.Error(path, 0, "no such file or folder")));
                continue;
            }

            roots.Add(new KnowledgeRootRead(path, files, null));
        }

        return roots;
    }

    private KnowledgeFileRead ReadFile(string root, string fullPath, string relativePath)
    {
        if (IsSynonymsFile(fullPath))
        {
            var (rules, problems) = ReadSynonyms(fullPath, relativePath);
            return new KnowledgeFileRead(root, fullPath, relativePath, "synonyms", [], rules, problems);
        }

        var result = LoadFile(fullPath, relativePath);
        return new KnowledgeFileRead(root, fullPath, relativePath, Kind(relativePath), result.Passages, [], result.Diagnostics);
    }

    private bool IsSynonymsFile(string path) => Path.GetFileName(path).Equals(options.SynonymsFile, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads one knowledge file. Never throws for bad content or I/O errors: they become diagnostics.</summary>
    public KnowledgeFileResult LoadFile(string fullPath, string relativePath)
    {
        try
        {
            if (Path.GetExtension(fullPath).Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = new StreamReader(fullPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                return JsonlKnowledgeParser.Parse(relativePath, reader);
            }

            return MarkdownKnowledgeParser.Parse(relativePath, File.ReadAllText(fullPath, Encoding.UTF8), options.MaxPassageChars);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new KnowledgeFileResult(relativePath, [], [KnowledgeDiagnostic.Error(relativePath, 0, "cannot read the file: " + ex.Message)]);
        }
    }

    private (IReadOnlyList<SynonymRule>, IReadOnlyList<KnowledgeDiagnostic>) ReadSynonyms(string fullPath, string relative)
    {
        try
        {
            return SynonymsParser.Parse(relative, File.ReadAllText(fullPath, Encoding.UTF8));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], [KnowledgeDiagnostic.Error(relative, 0, "cannot read the file: " + ex.Message)]);
        }
    }

    /// <summary>Knowledge files under a folder, sorted for a stable order, skipping hidden folders and the tests and safety folders.</summary>
    public IEnumerable<(string FullPath, string RelativePath)> EnumerateFolder(string root)
    {
        var files = new List<(string, string)>();
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        foreach (var full in Directory.EnumerateFiles(root, "*", enumeration))
        {
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.'))
                || options.IsExcludedFolder(relative)
                || !IsKnowledgeFile(full))
            {
                continue;
            }

            files.Add((full, relative));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return files;
    }

    private static string Kind(string file) =>
        Path.GetExtension(file).Equals(".jsonl", StringComparison.OrdinalIgnoreCase) ? "jsonl" : "markdown";
}
