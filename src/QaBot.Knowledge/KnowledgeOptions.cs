using System.ComponentModel.DataAnnotations;

namespace QaBot.Knowledge;

/// <summary>Where the knowledge lives, how it is cut into passages and how edits are picked up. Section <c>QaBot:Knowledge</c>.</summary>
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

    /// <summary>
    /// Top-level folder (inside a knowledge folder) holding the safety classifier's labelled examples rather than
    /// passages; not indexed, not a reason to reload the knowledge (the safety triage reloads it). Default <c>safety</c>.
    /// </summary>
    [Required]
    public string SafetyFolder { get; set; } = "safety";

    /// <summary>True when a path relative to a knowledge folder lies in the tests, the safety or an excluded folder.</summary>
    public bool IsExcludedFolder(string relative) =>
        relative.StartsWith(TestsFolder + "/", StringComparison.OrdinalIgnoreCase)
        || relative.StartsWith(SafetyFolder + "/", StringComparison.OrdinalIgnoreCase)
        || ExcludedFolders.Any(folder => relative.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Further top-level folders (inside a knowledge folder) that hold no passages and are not indexed, like
    /// <see cref="TestsFolder"/> and <see cref="SafetyFolder"/>. Default <c>safety</c>.
    /// </summary>
    public string[] ExcludedFolders { get; set; } = ["safety"];

    /// <summary>
    /// Watch the knowledge paths for edits while the bot runs (<c>qabot serve</c>) and reload after them. Default true.
    /// </summary>
    public bool Watch { get; set; } = true;

    /// <summary>
    /// Quiet time after the last file event before reloading, so that a burst of saves (an editor writing a temporary
    /// file and renaming it, a <c>git pull</c>, a copied folder) costs one reload. Default 500 ms; 0 to 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "QaBot:Knowledge:ReloadDebounce must be between 00:00:00 and 00:01:00.")]
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Also compare the files' names, sizes and modification times at this interval, for volume mounts where file
    /// events do not arrive (network shares, some container volumes, Kubernetes ConfigMaps). Default empty: no polling.
    /// 1 second to 1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "QaBot:Knowledge:PollInterval must be empty (no polling) or between 00:00:01 and 1.00:00:00.")]
    public TimeSpan? PollInterval { get; set; }
}
