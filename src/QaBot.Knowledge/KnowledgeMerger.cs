using QaBot.Knowledge.Files;

namespace QaBot.Knowledge;

/// <summary>
/// Merges the files of one read into the knowledge to serve, remembering from one reload to the next:
/// <list type="bullet">
/// <item>each file's last good version (no error at all): when a file is broken now (bad front matter, a malformed
/// line, a duplicate id, empty, unreadable) and was good before, that version is served, and the file's problems
/// are reported with a note saying so. A file that was never good is reported and loads what it can, as on a first
/// load. A deleted file is gone; the files of a configured path that disappears keep their last good version.</item>
/// <item>which file each passage id belongs to: when a file now defines an id another file already served, the file
/// that changed is blamed for the duplicate, whatever their order. Among new ids, the first file in order keeps it.</item>
/// </list>
/// Not thread-safe: the knowledge base merges and commits under its reload lock.
/// </summary>
internal sealed class KnowledgeMerger
{
    private IReadOnlyDictionary<string, LastGoodFile> lastGood = new Dictionary<string, LastGoodFile>();
    private IReadOnlyDictionary<string, string> owners = new Dictionary<string, string>();

    /// <summary>Merges a read; nothing is remembered until <see cref="Commit"/>.</summary>
    /// <param name="roots">The read, one entry per configured path.</param>
    /// <param name="now">The time of this load (what "serving the last good version from" will say later).</param>
    public KnowledgeMerge Merge(IReadOnlyList<KnowledgeRootRead> roots, DateTimeOffset now)
    {
        var pathDiagnostics = new List<KnowledgeDiagnostic>();
        var entries = new List<Entry>();
        foreach (var root in roots)
        {
            if (root.Missing is { } missing)
            {
                pathDiagnostics.Add(missing);
                foreach (var kept in lastGood.Values.Where(l => l.Read.Root == root.Path).OrderBy(l => l.Read.File, StringComparer.Ordinal))
                {
                    var entry = new Entry(kept.Read);
                    entry.Problems.Add(KnowledgeDiagnostic.Error(kept.Read.File, 0, $"cannot be read: its knowledge path {root.Path} is missing"));
                    entry.UseLastGood(kept);
                    entries.Add(entry);
                }

                continue;
            }

            foreach (var file in root.Files)
            {
                var entry = new Entry(file);
                entry.Problems.AddRange(file.Diagnostics);
                if (file.HasErrors && lastGood.TryGetValue(file.FullPath, out var kept))
                {
                    entry.UseLastGood(kept);
                }

                entries.Add(entry);
            }
        }

        // A file blamed for a duplicate id is broken too: serve its last good version instead, and look again.
        Dictionary<string, Entry> claims;
        while (true)
        {
            claims = Claim(entries);
            var fellBack = false;
            foreach (var entry in entries.Where(e => e.Duplicates.Count > 0 && e.LastGood is null))
            {
                if (lastGood.TryGetValue(entry.Fresh.FullPath, out var kept))
                {
                    entry.Problems.AddRange(entry.Duplicates);
                    entry.UseLastGood(kept);
                    fellBack = true;
                }
            }

            if (!fellBack)
            {
                break;
            }
        }

        var merge = Result(entries, claims, pathDiagnostics, now);
        return merge.Knowledge.Passages.Count > 0 ? merge : Empty(merge, roots);
    }

    /// <summary>
    /// No passages at all (every file deleted, an empty volume mounted): an error, so that it is logged, reported to
    /// the moderators and makes the host unready like any other knowledge problem, instead of every question silently
    /// getting no answer.
    /// </summary>
    private static KnowledgeMerge Empty(KnowledgeMerge merge, IReadOnlyList<KnowledgeRootRead> roots)
    {
        var where = roots.Count == 0 ? "(no knowledge paths)" : string.Join(", ", roots.Select(r => r.Path));
        var empty = KnowledgeDiagnostic.Error(where, 0, "the knowledge is empty: no passages were loaded, so no question can be answered");
        return merge with { Knowledge = merge.Knowledge with { Diagnostics = [.. merge.Knowledge.Diagnostics, empty] } };
    }

    /// <summary>Remembers a merge whose knowledge is now served: its last good files and the owners of its ids.</summary>
    public void Commit(KnowledgeMerge merge)
    {
        lastGood = merge.LastGood;
        owners = merge.Owners;
    }

    /// <summary>
    /// Gives each id to one passage: first to the file that served it last time (when that file still defines it),
    /// then, in file order, to the first file defining it. Every other passage with that id is a duplicate.
    /// </summary>
    private Dictionary<string, Entry> Claim(List<Entry> entries)
    {
        var claims = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var first = new Dictionary<string, Passage>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            entry.Kept.Clear();
            entry.Duplicates.Clear();
        }

        foreach (var entry in entries)
        {
            foreach (var passage in entry.Served.Passages)
            {
                if (owners.TryGetValue(passage.Id, out var owner) && owner == entry.Served.FullPath && !claims.ContainsKey(passage.Id))
                {
                    claims[passage.Id] = entry;
                    first[passage.Id] = passage;
                    entry.Kept.Add(passage);
                }
            }
        }

        foreach (var entry in entries)
        {
            foreach (var passage in entry.Served.Passages)
            {
                if (entry.Kept.Contains(passage))
                {
                    continue;
                }

                if (first.TryGetValue(passage.Id, out var earlier))
                {
                    entry.Duplicates.Add(KnowledgeDiagnostic.Error(
                        entry.Served.File,
                        passage.Line,
                        $"duplicate id '{MarkdownKnowledgeParser.Shorten(passage.Id)}' (first defined at {earlier.File}:{earlier.Line}); this one is ignored"));
                    continue;
                }

                claims[passage.Id] = entry;
                first[passage.Id] = passage;
                entry.Kept.Add(passage);
            }
        }

        return claims;
    }

    private static KnowledgeMerge Result(List<Entry> entries, Dictionary<string, Entry> claims, List<KnowledgeDiagnostic> pathDiagnostics, DateTimeOffset now)
    {
        var passages = new List<Passage>();
        var synonyms = new List<SynonymRule>();
        var diagnostics = new List<KnowledgeDiagnostic>(pathDiagnostics);
        var files = new List<KnowledgeFileSummary>();
        var nextLastGood = new Dictionary<string, LastGoodFile>();
        foreach (var entry in entries)
        {
            var problems = entry.Problems.Concat(entry.Duplicates).Distinct().ToList();
            if (entry.LastGood is { } kept)
            {
                problems.Add(KnowledgeDiagnostic.Warning(
                    entry.Fresh.File,
                    0,
                    $"serving the last good version from {kept.Since:yyyy-MM-dd HH:mm:ss} UTC ({Contents(entry.Served, entry.Kept.Count)}) until the file is fixed"));
                nextLastGood[entry.Fresh.FullPath] = kept;
            }
            else if (problems.All(d => !d.IsError))
            {
                nextLastGood[entry.Fresh.FullPath] = new LastGoodFile(entry.Fresh, now);
            }

            passages.AddRange(entry.Served.Passages.Where(entry.Kept.Contains));
            synonyms.AddRange(entry.Served.Synonyms);
            diagnostics.AddRange(problems);
            files.Add(new KnowledgeFileSummary(entry.Fresh.File, entry.Fresh.Kind, entry.Kept.Count, problems.Count(d => d.IsError), problems.Count(d => !d.IsError))
            {
                ServingLastGoodSince = entry.LastGood?.Since,
            });
        }

        var owners = claims.ToDictionary(c => c.Key, c => c.Value.Served.FullPath, StringComparer.Ordinal);
        var knowledge = new KnowledgeSet { Passages = passages, Synonyms = synonyms, Diagnostics = diagnostics, Files = files };
        return new KnowledgeMerge(knowledge, nextLastGood, owners);
    }

    private static string Contents(KnowledgeFileRead read, int passages) =>
        read.Kind == "synonyms" ? $"{read.Synonyms.Count} synonym rules" : $"{passages} passages";

    /// <summary>One file in this merge: as read now, and what is served for it.</summary>
    private sealed class Entry(KnowledgeFileRead fresh)
    {
        public KnowledgeFileRead Fresh { get; } = fresh;

        /// <summary>The version served: <see cref="Fresh"/>, or the last good one.</summary>
        public KnowledgeFileRead Served { get; private set; } = fresh;

        public LastGoodFile? LastGood { get; private set; }

        /// <summary>Problems of the file as it is now (parse errors, duplicates that made it fall back).</summary>
        public List<KnowledgeDiagnostic> Problems { get; } = [];

        /// <summary>Duplicate ids among the served passages, found by the latest claim.</summary>
        public List<KnowledgeDiagnostic> Duplicates { get; } = [];

        /// <summary>The served passages that own their id, found by the latest claim.</summary>
        public HashSet<Passage> Kept { get; } = new(ReferenceEqualityComparer.Instance);

        public void UseLastGood(LastGoodFile kept)
        {
            LastGood = kept;
            Served = kept.Read;
        }
    }
}
