using System.Text;
using QaBot.Knowledge.Files;

namespace QaBot.Knowledge;

/// <summary>
/// Reads knowledge folders and files into a <see cref="KnowledgeSet"/>. A broken file is reported and skipped;
/// it never stops the rest from loading. Later duplicates of an id are reported and dropped.
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

    public KnowledgeSet Load(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var results = new List<KnowledgeFileResult>();
        var synonyms = new List<SynonymRule>();
        var diagnostics = new List<KnowledgeDiagnostic>();
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Directory.Exists(path))
            {
                foreach (var (full, relative) in EnumerateFolder(path))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (Path.GetFileName(full).Equals(options.SynonymsFile, StringComparison.OrdinalIgnoreCase))
                    {
                        if (relative.Contains('/', StringComparison.Ordinal))
                        {
                            continue; // only the top-level synonyms file of a folder counts
                        }

                        var (rules, problems) = ReadSynonyms(full, relative);
                        synonyms.AddRange(rules);
                        diagnostics.AddRange(problems);
                        kinds[relative] = "synonyms";
                        continue;
                    }

                    results.Add(LoadFile(full, relative));
                    kinds[relative] = Kind(relative);
                }
            }
            else if (File.Exists(path))
            {
                var name = Path.GetFileName(path);
                if (name.Equals(options.SynonymsFile, StringComparison.OrdinalIgnoreCase))
                {
                    var (rules, problems) = ReadSynonyms(path, name);
                    synonyms.AddRange(rules);
                    diagnostics.AddRange(problems);
                    kinds[name] = "synonyms";
                }
                else
                {
                    results.Add(LoadFile(path, name));
                    kinds[name] = Kind(name);
                }
            }
            else
            {
                diagnostics.Add(KnowledgeDiagnostic.Error(path, 0, "no such file or folder"));
            }
        }

        return Combine(results, synonyms, diagnostics, kinds);
    }

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

    /// <summary>Merges file results in order: the first file to define an id keeps it.</summary>
    public static KnowledgeSet Combine(
        IEnumerable<KnowledgeFileResult> results,
        IReadOnlyList<SynonymRule> synonyms,
        IEnumerable<KnowledgeDiagnostic> otherDiagnostics,
        IReadOnlyDictionary<string, string>? kinds = null)
    {
        var passages = new List<Passage>();
        var diagnostics = new List<KnowledgeDiagnostic>(otherDiagnostics);
        var firstSeen = new Dictionary<string, Passage>(StringComparer.Ordinal);
        var files = new List<KnowledgeFileSummary>();
        foreach (var result in results)
        {
            var fileDiagnostics = new List<KnowledgeDiagnostic>(result.Diagnostics);
            var kept = 0;
            foreach (var passage in result.Passages)
            {
                if (firstSeen.TryGetValue(passage.Id, out var first))
                {
                    fileDiagnostics.Add(KnowledgeDiagnostic.Error(
                        result.File, passage.Line, $"duplicate id '{MarkdownKnowledgeParser.Shorten(passage.Id)}' (first defined at {first.File}:{first.Line}); this one is ignored"));
                    continue;
                }

                firstSeen[passage.Id] = passage;
                passages.Add(passage);
                kept++;
            }

            diagnostics.AddRange(fileDiagnostics);
            var kind = kinds is not null && kinds.TryGetValue(result.File, out var k) ? k : Kind(result.File);
            files.Add(new KnowledgeFileSummary(result.File, kind, kept, fileDiagnostics.Count(d => d.IsError), fileDiagnostics.Count(d => !d.IsError)));
        }

        if (kinds is not null)
        {
            foreach (var (file, kind) in kinds.Where(k => k.Value == "synonyms"))
            {
                files.Add(new KnowledgeFileSummary(file, kind, 0, diagnostics.Count(d => d.File == file && d.IsError), diagnostics.Count(d => d.File == file && !d.IsError)));
            }
        }

        return new KnowledgeSet { Passages = passages, Synonyms = synonyms, Diagnostics = diagnostics, Files = files };
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

    /// <summary>Knowledge files under a folder, sorted for a stable order, skipping hidden folders and the tests folder.</summary>
    public IEnumerable<(string FullPath, string RelativePath)> EnumerateFolder(string root)
    {
        var files = new List<(string, string)>();
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        foreach (var full in Directory.EnumerateFiles(root, "*", enumeration))
        {
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.'))
                || relative.StartsWith(options.TestsFolder + "/", StringComparison.OrdinalIgnoreCase)
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
