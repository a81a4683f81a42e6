using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace QaBot.Host.Tests;

/// <summary>
/// The Dockerfile and .dockerignore agree with the solution: a project added to the host's reference closure but not
/// copied before <c>dotnet restore</c> fails the image build only at publish (NETSDK1004), far from its cause.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void Restore_EveryProjectTheHostReferences_IsCopiedBeforeRestore()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "Dockerfile"));
        var restore = Array.FindIndex(lines, l => l.TrimStart().StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, "the Dockerfile has no `RUN dotnet restore` step");
        var copied = lines.Take(restore)
            .Select(l => CopyLine().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups["path"].Value)
            .ToHashSet(StringComparer.Ordinal);

        var closure = Closure(Path.Combine(Root, "src", "QaBot.Host", "QaBot.Host.csproj"));

        Assert.Contains("src/QaBot.Moderation/QaBot.Moderation.csproj", closure); // the project the image once missed
        var missing = closure.Where(p => !copied.Contains(p)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "not copied before restore: " + string.Join(", ", missing));
    }

    [Fact]
    public void Publish_TargetsOneRuntime_AndRestoreMatches()
    {
        var text = File.ReadAllText(Path.Combine(Root, "Dockerfile"));

        Assert.Matches(@"RUN dotnet restore [^\n]*-r linux-x64", text);
        Assert.Matches(@"RUN dotnet publish [^\n]*-r linux-x64", text);
        Assert.DoesNotContain("# syntax=", text);
        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/sdk:\d+\.\d+\.\d+ ", text); // a pinned SDK
    }

    [Fact]
    public void DockerIgnore_KeepsKnowledgeMarkdown_AndLeavesOutWhatPublishDoesNotNeed()
    {
        var rules = File.ReadAllLines(Path.Combine(Root, ".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();

        Assert.Contains("tests/", rules);
        Assert.Contains("benchmarks/", rules);
        Assert.Contains("eval/", rules);
        Assert.Contains("**/*.md", rules);
        var exclude = rules.IndexOf("**/*.md");
        var keep = rules.IndexOf("!knowledge/**/*.md");
        Assert.True(keep > exclude, "the knowledge's Markdown must be re-included after **/*.md");
    }

    [Fact]
    public void OperatorsDoc_ContainerExample_MountsTheWholeStateFolder()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "docs", "operators.md"));

        Assert.Contains(":/app/.qabot ", readme);
        Assert.DoesNotContain(":/app/.qabot/vectors ", readme);
        Assert.Contains("1654", readme); // the uid a host folder must be writable by
    }

    /// <summary>Repository-relative paths (forward slashes) of a project and every project it references, transitively.</summary>
    private static SortedSet<string> Closure(string project)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.Count > 0)
        {
            var path = pending.Pop();
            if (!result.Add(Path.GetRelativePath(Root, path).Replace('\\', '/')))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(path).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include)));
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\s*COPY\s+(?<path>\S+\.csproj)\s")]
    private static partial Regex CopyLine();
}
