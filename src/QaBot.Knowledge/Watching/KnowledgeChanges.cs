namespace QaBot.Knowledge.Watching;

/// <summary>Which file events can change the knowledge (the rest, such as editors' swap files, are ignored).</summary>
internal static class KnowledgeChanges
{
    /// <summary>
    /// Kubernetes mounts a ConfigMap as files linked through a <c>..data</c> symlink and updates it by replacing that
    /// link (<c>..data_tmp</c> renamed to <c>..data</c>): the only event of an update.
    /// </summary>
    private static readonly string[] AtomicSwapNames = ["..data", "..data_tmp"];

    /// <summary>
    /// True for a change under a watched knowledge folder that may change what is loaded: a knowledge file (Markdown,
    /// JSONL, the synonyms file), a folder (no extension: created, renamed or deleted with its files), or a ConfigMap
    /// swap. Not: hidden files and folders (<c>.file.md.swp</c>, <c>.git</c>), the tests and safety folders, other files
    /// (<c>file.md~</c>, <c>#file.md#</c>, <c>notes.txt</c>).
    /// </summary>
    public static bool IsRelevant(KnowledgeLoader loader, KnowledgeOptions options, string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        if (relative == "." || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return false;
        }

        var parts = relative.Split('/');
        if (AtomicSwapNames.Contains(parts[^1], StringComparer.Ordinal))
        {
            return true;
        }

        if (parts.Any(p => p.StartsWith('.'))
            || parts[0].Equals(options.TestsFolder, StringComparison.OrdinalIgnoreCase)
            || parts[0].Equals(options.SafetyFolder, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return loader.IsKnowledgeFile(path) || Path.GetExtension(path).Length == 0;
    }

    /// <summary>True for a change next to a configured knowledge file that may change it: the file itself or a ConfigMap swap.</summary>
    public static bool IsRelevantToFile(string file, string path)
    {
        var name = Path.GetFileName(path);
        return name.Equals(Path.GetFileName(file), StringComparison.Ordinal) || AtomicSwapNames.Contains(name, StringComparer.Ordinal);
    }
}
