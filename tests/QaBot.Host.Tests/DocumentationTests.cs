using System.Text.RegularExpressions;

namespace QaBot.Host.Tests;

/// <summary>The README stays short and every relative link in it and in docs/ resolves (file and heading).</summary>
public sealed partial class DocumentationTests
{
    private static readonly string Root = Repository.Root;

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string> { "README.md", "eval/README.md" };
        foreach (var page in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, page).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void Readme_IsShort()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md")).Length;

        Assert.True(lines <= 220, $"README.md has {lines} lines; the details belong in docs/");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_EveryRelativeLinkResolves(string page)
    {
        var path = Path.Combine(Root, page);
        var broken = new List<string>();
        foreach (var target in Links(File.ReadAllText(path)))
        {
            if (Uri.TryCreate(target, UriKind.Absolute, out _))
            {
                continue; // http(s), mailto: and tel: are not checked offline
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add(target);
            }
            else if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(resolved).Contains(anchor))
            {
                broken.Add(target);
            }
        }

        Assert.Equal("", string.Join(", ", broken));
    }

    [Fact]
    public void Links_FindsMarkdownAndImageLinksOutsideCode()
    {
        var links = Links("See [a](docs/a.md#x) and <img src=\"shot.png\">.\n```\n[not](code.md)\n```\n`[nor](inline.md)`");

        Assert.Equal(["docs/a.md#x", "shot.png"], links);
    }

    [Fact]
    public void Anchors_FollowGitHubsSlugRule()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "# QaBot\n## Feedback and gap analytics\n### `qabot eval` (hybrid)\n## Feedback and gap analytics\n");

            Assert.Equal(["qabot", "feedback-and-gap-analytics", "qabot-eval-hybrid", "feedback-and-gap-analytics-1"], Anchors(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<string> Links(string markdown)
    {
        var text = CodeBlock().Replace(markdown, "");
        text = InlineCode().Replace(text, "");
        return [.. MarkdownLink().Matches(text).Select(m => m.Groups[1].Value), .. ImageSource().Matches(text).Select(m => m.Groups[1].Value)];
    }

    private static List<string> Anchors(string file)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new List<string>();
        var text = CodeBlock().Replace(File.ReadAllText(file), "");
        foreach (Match heading in Heading().Matches(text))
        {
            var slug = SlugDrop().Replace(heading.Groups[1].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-');
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("<img[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N}\- _]")]
    private static partial Regex SlugDrop();
}
