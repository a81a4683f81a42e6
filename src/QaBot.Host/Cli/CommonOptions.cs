using System.CommandLine;

namespace QaBot.Host.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Knowledge() => new("--knowledge", "-k")
    {
        Description = "A knowledge folder or JSONL passage file (repeatable). Default: knowledge/.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print JSON instead of readable text.",
    };

    /// <summary>Configuration overrides for the given knowledge paths (resolved against the current folder).</summary>
    public static Dictionary<string, string?> KnowledgeOverrides(string[]? paths)
    {
        var overrides = new Dictionary<string, string?>();
        if (paths is { Length: > 0 })
        {
            for (var i = 0; i < paths.Length; i++)
            {
                overrides[$"QaBot:Knowledge:Paths:{i}"] = Path.GetFullPath(paths[i]);
            }
        }

        return overrides;
    }
}
