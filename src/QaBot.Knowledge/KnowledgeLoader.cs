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

    /// <summary>
    /// Knowledge files under a folder, sorted for a stable order, skipping hidden files and folders and the excluded
    /// top-level folders (<see cref="KnowledgeOptions.TestsFolder"/>, <see cref="KnowledgeOptions.ExcludedFolders"/>).
    /// Linked folders are followed, but every real folder is read once: a link back into the knowledge (a loop) or a
    /// second link to a folder already read adds nothing, and an excluded folder stays excluded when a link reaches it.
    /// </summary>
    public IEnumerable<(string FullPath, string RelativePath)> EnumerateFolder(string root)
    {
        var files = new List<(string, string)>();
        var rootReal = RealPath(root);
        if (rootReal is null)
        {
            return files;
        }

        var excludedNames = ExcludedFolderNames();
        var excludedReal = excludedNames
            .Select(name => RealPath(Path.Combine(rootReal, name)))
            .OfType<string>()
            .ToList();
        var visited = new HashSet<string>(StringComparer.Ordinal) { rootReal };
        var pending = new Stack<(string Path, string Real, string Relative)>();
        pending.Push((root, rootReal, ""));
        var enumeration = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        while (pending.TryPop(out var folder))
        {
            foreach (var entry in new DirectoryInfo(folder.Path).EnumerateFileSystemInfos("*", enumeration))
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                var relative = folder.Relative + entry.Name;
                if (entry is not DirectoryInfo directory)
                {
                    if (IsKnowledgeFile(entry.FullName))
                    {
                        files.Add((entry.FullName, relative));
                    }

                    continue;
                }

                if (folder.Relative.Length == 0 && excludedNames.Contains(entry.Name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                var real = directory.LinkTarget is null ? Path.Combine(folder.Real, entry.Name) : RealPath(directory.FullName);
                if (real is null || excludedReal.Any(e => IsSameOrUnder(real, e)) || !visited.Add(real))
                {
                    continue; // a broken link, an excluded folder reached through a link, or a folder already read
                }

                pending.Push((directory.FullName, real, relative + "/"));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return files;
    }

    /// <summary>The top-level folders of a knowledge folder that hold no passages.</summary>
    private List<string> ExcludedFolderNames() => [options.TestsFolder, options.SafetyFolder, .. options.ExcludedFolders];

    private static bool IsSameOrUnder(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal)
        || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every link in it resolved, or null for a broken link, a link chain too long, or a missing path.</summary>
    internal static string? RealPath(string path)
    {
        var hops = 0;
        return Resolve(Path.GetFullPath(path), ref hops);

        static string? Resolve(string full, ref int hops)
        {
            var current = Path.GetPathRoot(full) ?? "";
            foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                var next = Path.Combine(current, part);
                var info = new FileInfo(next);
                if (!info.Exists && !Directory.Exists(next))
                {
                    if (info.LinkTarget is null)
                    {
                        return null;
                    }
                }

                if (info.LinkTarget is { } target)
                {
                    if (++hops > 40)
                    {
                        return null;
                    }

                    var resolved = Resolve(Path.GetFullPath(target, current), ref hops);
                    if (resolved is null)
                    {
                        return null;
                    }

                    next = resolved;
                }

                current = next;
            }

            return current;
        }
    }

    private static string Kind(string file) =>
        Path.GetExtension(file).Equals(".jsonl", StringComparison.OrdinalIgnoreCase) ? "jsonl" : "markdown";
}
