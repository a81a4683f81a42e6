using System.ComponentModel.DataAnnotations;

namespace QaBot.Knowledge;

/// <summary>Where the knowledge lives and how it is cut into passages. Section <c>QaBot:Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "QaBot:Knowledge";

    /// <summary>The folder used when <see cref="Paths"/> is empty.</summary>
    public const string DefaultPath = "knowledge";

    /// <summary>Folders (searched recursively) and JSONL files. Empty means <c>knowledge</c> (see <see cref="EffectivePaths"/>).</summary>
    public List<string> Paths { get; set; } = [];

    /// <summary>The configured paths, or the default folder when none are configured.</summary>
    public IReadOnlyList<string> EffectivePaths => Paths.Count > 0 ? Paths : [DefaultPath];

    /// <summary>Sections longer than this many characters are split at paragraph boundaries. Default 1200.</summary>
    [Range(200, 20_000)]
    public int MaxPassageChars { get; set; } = 1200;

    /// <summary>The Solr-format synonyms file name, looked up at the top of each knowledge folder.</summary>
    [Required]
    public string SynonymsFile { get; set; } = "synonyms.txt";

    /// <summary>Top-level folder (inside a knowledge folder) holding knowledge tests rather than passages.</summary>
    [Required]
    public string TestsFolder { get; set; } = "tests";
}
