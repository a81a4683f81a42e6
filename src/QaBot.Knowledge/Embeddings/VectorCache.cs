using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace QaBot.Knowledge.Embeddings;

/// <summary>
/// Passage vectors on disk, keyed by a hash of the model id and the passage's title, section and text (an alternate
/// question's vector by the model id, the title and the question: <see cref="AlternateKey"/>), so that a
/// restart, a reload or another replica only encodes new or changed passages. One append-only file per model:
/// records of a 16-byte key and the vector. A torn last record (a crash mid-write) is ignored on load.
/// </summary>
public sealed class VectorCache
{
    private string? file;
    private readonly int dimensions;
    private readonly Dictionary<UInt128, float[]> vectors = [];
    private readonly HashSet<UInt128> used = [];
    private readonly Lock gate = new();

    /// <param name="directory">Cache folder; null keeps vectors in memory only.</param>
    public VectorCache(string? directory, string modelId, int dimensions)
    {
        this.dimensions = dimensions;
        if (directory is null)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        file = Path.Combine(directory, Sanitize(modelId) + ".vectors");
        Load();
    }

    /// <summary>True while vectors are written to disk (false for a memory-only cache or after a write failed).</summary>
    public bool IsPersistent => Volatile.Read(ref file) is not null;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return vectors.Count;
            }
        }
    }

    private int RecordBytes => 16 + (dimensions * sizeof(float));

    public static UInt128 Key(string modelId, Passage passage)
    {
        var text = string.Concat(modelId, "\n", passage.Title, "\n", passage.Section, "\n", passage.Text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>
    /// The key of an alternate question's vector (<see cref="Passage.AlsoAsked"/>): the model id, the passage's title and
    /// the question, so that each alternate question is encoded once and a passage's own key does not depend on them.
    /// </summary>
    public static UInt128 AlternateKey(string modelId, string title, string question)
    {
        var text = string.Concat(modelId, "\nalso-asked\n", title, "\n", question);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    public bool TryGet(UInt128 key, out float[] vector)
    {
        lock (gate)
        {
            used.Add(key);
            return vectors.TryGetValue(key, out vector!);
        }
    }

    /// <summary>Adds vectors in memory and appends them to the cache file (one write per batch).</summary>
    public void AddRange(IReadOnlyList<(UInt128 Key, float[] Vector)> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        var buffer = new byte[items.Count * RecordBytes];
        var offset = 0;
        lock (gate)
        {
            foreach (var (key, vector) in items)
            {
                vectors[key] = vector;
                used.Add(key);
                BinaryPrimitives.WriteUInt128LittleEndian(buffer.AsSpan(offset, 16), key);
                MemoryMarshal.AsBytes(vector.AsSpan()).CopyTo(buffer.AsSpan(offset + 16));
                offset += RecordBytes;
            }
        }

        var path = Volatile.Read(ref file);
        if (path is null)
        {
            return;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            stream.Write(buffer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full or read-only disk must not stop the index build: keep the vectors in memory from now on.
            Volatile.Write(ref file, null);
        }
    }

    /// <summary>
    /// Drops every vector this cache was not asked for (<see cref="TryGet"/>) or given (<see cref="AddRange"/>) since it
    /// was opened: call once the index it was opened for is built, so that the vectors of deleted or edited passages
    /// do not fill memory and disk for ever. The file is rewritten (into a new file, then renamed over the old one)
    /// only when at least a quarter of its records are unused, so a reload that changes little writes nothing.
    /// </summary>
    /// <returns>The number of vectors dropped from memory.</returns>
    public int PruneUnused()
    {
        List<(UInt128 Key, float[] Vector)> live;
        int dropped;
        lock (gate)
        {
            var unused = vectors.Keys.Where(k => !used.Contains(k)).ToList();
            unused.ForEach(k => vectors.Remove(k));
            dropped = unused.Count;
            live = vectors.Select(v => (v.Key, v.Value)).ToList();
        }

        var path = Volatile.Read(ref file);
        if (path is null || !File.Exists(path))
        {
            return dropped;
        }

        try
        {
            var records = new FileInfo(path).Length / RecordBytes;
            var stale = records - live.Count;
            if (stale <= 0 || stale * 4 < records)
            {
                return dropped;
            }

            var temporary = path + ".tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                var record = new byte[RecordBytes];
                foreach (var (key, vector) in live)
                {
                    BinaryPrimitives.WriteUInt128LittleEndian(record, key);
                    MemoryMarshal.AsBytes(vector.AsSpan()).CopyTo(record.AsSpan(16));
                    stream.Write(record);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache is an optimisation: a file that cannot be compacted now is compacted after a later reload.
        }

        return dropped;
    }

    private void Load()
    {
        if (file is null || !File.Exists(file))
        {
            return;
        }

        var bytes = File.ReadAllBytes(file);
        var records = bytes.Length / RecordBytes;
        for (var i = 0; i < records; i++)
        {
            var record = bytes.AsSpan(i * RecordBytes, RecordBytes);
            var key = BinaryPrimitives.ReadUInt128LittleEndian(record);
            vectors[key] = MemoryMarshal.Cast<byte, float>(record[16..]).ToArray();
        }
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
