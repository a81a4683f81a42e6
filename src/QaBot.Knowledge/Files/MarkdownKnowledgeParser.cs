using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QaBot.Knowledge.Files;

/// <summary>
/// Reads a Markdown knowledge file: YAML front matter (<c>title</c> required; <c>source</c>, <c>url</c>, <c>tags</c>,
/// <c>reviewed</c>, <c>language</c>), then one passage per <c>##</c> section, long sections split at paragraphs.
/// A section's <c>Also asked:</c> line (<see cref="AlsoAskedLine"/>) gives its first passage's alternate questions.
/// </summary>
public static partial class MarkdownKnowledgeParser
{
    public static readonly IReadOnlySet<string> KnownKeys =
        new HashSet<string>(StringComparer.Ordinal) { "title", "source", "url", "tags", "reviewed", "language" };

    [GeneratedRegex(@"^\s{0,3}##\s+(.*?)\s*#*\s*$")]
    private static partial Regex SectionHeadingRegex();

    [GeneratedRegex(@"^\s{0,3}#\s+(.*?)\s*#*\s*$")]
    private static partial Regex TitleHeadingRegex();

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex FenceRegex();

    /// <param name="file">Path relative to the knowledge root, with forward slashes (used for ids and messages).</param>
    /// <param name="content">The whole file.</param>
    /// <param name="maxPassageChars">Sections longer than this are split at paragraph boundaries.</param>
    public static KnowledgeFileResult Parse(string file, string content, int maxPassageChars = 1200)
    {
        var diagnostics = new List<KnowledgeDiagnostic>();
        var lines = content.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

        if (content.Contains('\0', StringComparison.Ordinal))
        {
            diagnostics.Add(KnowledgeDiagnostic.Error(file, 1, "the file is binary, not Markdown text"));
            return new KnowledgeFileResult(file, [], diagnostics);
        }

        if (lines.All(string.IsNullOrWhiteSpace))
        {
            diagnostics.Add(KnowledgeDiagnostic.Error(file, 1, "the file is empty"));
            return new KnowledgeFileResult(file, [], diagnostics);
        }

        if (lines[0].TrimEnd() != "---")
        {
            diagnostics.Add(KnowledgeDiagnostic.Error(file, 1, "missing YAML front matter: the file must start with a '---' line, then 'title: ...', then '---'"));
            return new KnowledgeFileResult(file, [], diagnostics);
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (end < 0)
        {
            diagnostics.Add(KnowledgeDiagnostic.Error(file, 1, "the front matter is not closed: add a '---' line after it"));
            return new KnowledgeFileResult(file, [], diagnostics);
        }

        var meta = ReadFrontMatter(file, string.Join('\n', lines[1..end]), diagnostics);
        if (meta is null)
        {
            return new KnowledgeFileResult(file, [], diagnostics);
        }

        var passages = ReadSections(file, lines, end + 1, meta, maxPassageChars, diagnostics);
        if (passages.Count == 0 && !diagnostics.Any(d => d.IsError))
        {
            diagnostics.Add(KnowledgeDiagnostic.Error(file, end + 2, "the file has no text after its front matter"));
        }

        return new KnowledgeFileResult(file, passages, diagnostics);
    }

    private sealed record FrontMatter(string Title, string? Source, string? Url, IReadOnlyList<string> Tags, string Language);

    private static FrontMatter? ReadFrontMatter(string file, string yaml, List<KnowledgeDiagnostic> diagnostics)
    {
        YamlMappingNode mapping;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                diagnostics.Add(KnowledgeDiagnostic.Error(file, 2, "the front matter must be 'key: value' lines and must contain 'title'"));
                return null;
            }

            mapping = root;
        }
        catch (YamlException ex)
        {
            // Front matter starts on line 2 of the file; an error at the end of the input is reported on its last line.
            var yamlLines = yaml.Split('\n').Length;
            var line = (int)Math.Clamp(ex.Start.Line, 1, yamlLines) + 1;
            diagnostics.Add(KnowledgeDiagnostic.Error(file, line, "invalid YAML in the front matter: " + FirstLine(ex.Message)));
            return null;
        }

        string? title = null, source = null, url = null, language = null;
        var tags = new List<string>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var line = (int)keyNode.Start.Line + 1;
            switch (key)
            {
                case "title":
                    title = Scalar(file, key, valueNode, line, diagnostics);
                    break;
                case "source":
                    source = Scalar(file, key, valueNode, line, diagnostics);
                    break;
                case "url":
                    url = Scalar(file, key, valueNode, line, diagnostics);
                    if (!string.IsNullOrWhiteSpace(url) && !Uri.TryCreate(url, UriKind.Absolute, out _))
                    {
                        diagnostics.Add(KnowledgeDiagnostic.Warning(file, line, $"'url' is not an absolute URL: {Shorten(url)}"));
                    }

                    break;
                case "language":
                    language = Scalar(file, key, valueNode, line, diagnostics);
                    break;
                case "reviewed":
                    var reviewed = Scalar(file, key, valueNode, line, diagnostics);
                    if (!string.IsNullOrWhiteSpace(reviewed)
                        && !DateOnly.TryParseExact(reviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    {
                        diagnostics.Add(KnowledgeDiagnostic.Warning(file, line, $"'reviewed' should be a date like 2026-01-31, not '{Shorten(reviewed)}'"));
                    }

                    break;
                case "tags":
                    tags.AddRange(ReadTags(valueNode));
                    break;
                default:
                    diagnostics.Add(KnowledgeDiagnostic.Warning(file, line, $"unknown front-matter key '{Shorten(key)}' (known: title, source, url, tags, reviewed, language)"));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            diagnostics.Add(KnowledgeDiagnostic.Error(file, 2, "the front matter has no 'title'"));
            return null;
        }

        return new FrontMatter(title.Trim(), NullIfEmpty(source), NullIfEmpty(url), tags, NullIfEmpty(language) ?? "en");
    }

    private static string? Scalar(string file, string key, YamlNode node, int line, List<KnowledgeDiagnostic> diagnostics)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        diagnostics.Add(KnowledgeDiagnostic.Error(file, line, $"'{key}' must be a single value"));
        return null;
    }

    private static IEnumerable<string> ReadTags(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).Select(s => s.Trim()),
        YamlScalarNode scalar => (scalar.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };

    private static List<Passage> ReadSections(
        string file, string[] lines, int bodyStart, FrontMatter meta, int maxPassageChars, List<KnowledgeDiagnostic> diagnostics)
    {
        var passages = new List<Passage>();
        var idBase = IdBase(file);
        var seenSlugs = new Dictionary<string, int>(StringComparer.Ordinal);

        string? heading = null;
        var headingLine = bodyStart + 1;
        var body = new List<string>();
        var alsoAsked = new List<string>();
        var inFence = false;

        void Emit()
        {
            var paragraphs = MarkdownText.Paragraphs(body);
            var section = heading ?? "";
            if (paragraphs.Count == 0)
            {
                if (heading is not null)
                {
                    diagnostics.Add(KnowledgeDiagnostic.Error(file, headingLine, $"section '{Shorten(section)}' has no text"));
                }

                return;
            }

            var slug = heading is null ? "intro" : Slug.From(heading);
            if (seenSlugs.TryGetValue(slug, out var firstLine))
            {
                diagnostics.Add(KnowledgeDiagnostic.Error(file, headingLine, $"duplicate section heading '{Shorten(section)}' (first at line {firstLine}); rename one so that ids stay unique"));
                return;
            }

            seenSlugs[slug] = headingLine;
            var chunks = PassageSplitter.Split(paragraphs, maxPassageChars);
            var alternates = alsoAsked.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            for (var i = 0; i < chunks.Count; i++)
            {
                passages.Add(new Passage
                {
                    Id = $"{idBase}#{slug}{(i == 0 ? "" : "-" + (i + 1).ToString(CultureInfo.InvariantCulture))}",
                    Title = meta.Title,
                    Section = section,
                    Text = chunks[i],
                    Url = meta.Url,
                    Source = meta.Source,
                    Tags = meta.Tags,
                    Language = meta.Language,
                    AlsoAsked = i == 0 ? alternates : [], // the section's opening answers its question
                    File = file,
                    Line = headingLine,
                });
            }
        }

        for (var i = bodyStart; i < lines.Length; i++)
        {
            var line = lines[i];
            if (FenceRegex().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence)
            {
                var match = SectionHeadingRegex().Match(line);
                if (match.Success)
                {
                    Emit();
                    heading = MarkdownText.Inline(match.Groups[1].Value);
                    headingLine = i + 1;
                    body.Clear();
                    alsoAsked.Clear();
                    continue;
                }

                if (AlsoAskedLine.TryParse(line, out var questions))
                {
                    if (questions.Count == 0)
                    {
                        diagnostics.Add(KnowledgeDiagnostic.Warning(file, i + 1, "the 'Also asked:' line lists no questions; write them separated by ' | ', or remove the line"));
                    }

                    alsoAsked.AddRange(questions);
                    continue;
                }

                // A top-level '# Title' line repeats the title: it is not section text.
                if (heading is null && TitleHeadingRegex().IsMatch(line))
                {
                    continue;
                }
            }

            body.Add(line);
        }

        Emit();
        return passages;
    }

    /// <summary>The id prefix of a file: its relative path without extension.</summary>
    public static string IdBase(string file)
    {
        var normalized = file.Replace('\\', '/');
        var extension = Path.GetExtension(normalized);
        return extension.Length > 0 ? normalized[..^extension.Length] : normalized;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string FirstLine(string message)
    {
        var index = message.IndexOf('\n', StringComparison.Ordinal);
        return index < 0 ? message : message[..index];
    }

    internal static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
