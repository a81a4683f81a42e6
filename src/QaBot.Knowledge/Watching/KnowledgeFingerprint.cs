namespace QaBot.Knowledge.Watching;

/// <summary>
/// What polling compares: the knowledge files' names, sizes and modification times, following symlinks, plus the
/// target of a <c>..data</c> link (a Kubernetes ConfigMap swaps it on every update, even when sizes and times match).
/// </summary>
internal static class KnowledgeFingerprint
{
    /// <summary>The fingerprint of the paths now, or null when a folder could not be listed (try again later).</summary>
    public static IReadOnlyList<string>? Take(KnowledgeLoader loader, IEnumerable<string> paths)
    {
        var stamps = new List<string>();
        try
        {
            foreach (var path in paths)
            {
                if (Directory.Exists(path))
                {
                    stamps.Add("folder " + path);
                    AddLink(stamps, Path.Combine(path, "..data"));
                    foreach (var (full, relative) in loader.EnumerateFolder(path))
                    {
                        stamps.Add(Stamp(full, relative));
                    }
                }
                else if (File.Exists(path))
                {
                    AddLink(stamps, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "..data"));
                    stamps.Add(Stamp(path, path));
                }
                else
                {
                    stamps.Add("missing " + path);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return stamps;
    }

    private static void AddLink(List<string> stamps, string path)
    {
        if (new DirectoryInfo(path).LinkTarget is { } target)
        {
            stamps.Add("link " + path + " -> " + target);
        }
    }

    private static string Stamp(string fullPath, string name)
    {
        try
        {
            var info = new FileInfo(fullPath);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
            return $"file {name} {target.Length} {target.LastWriteTimeUtc.Ticks}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"file {name} unreadable";
        }
    }
}
