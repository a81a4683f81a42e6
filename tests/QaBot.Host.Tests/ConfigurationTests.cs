using System.Diagnostics;
using System.Text.Json;

namespace QaBot.Host.Tests;

/// <summary>appsettings.json and the start-up checks: safe, documented defaults; every problem in one message.</summary>
public sealed class ConfigurationTests
{
    /// <summary>How the names of secret settings end (Token, MicrosoftAppPassword, ClientSecret, PublicKey, ApiKey, ...).</summary>
    private static readonly string[] SecretEndings = ["token", "password", "secret", "key"];

    private static IEnumerable<(string Key, JsonElement Value)> Leaves(JsonElement element, string prefix = "")
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return element.EnumerateObject().SelectMany(p => Leaves(p.Value, prefix.Length == 0 ? p.Name : prefix + ":" + p.Name));
        }

        return [(prefix, element)];
    }

    private static List<(string Key, JsonElement Value)> AppSettings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "appsettings.json")));
        return Leaves(document.RootElement.Clone()).ToList();
    }

    [Fact]
    public void AppSettings_HoldsNoSecret()
    {
        var secrets = AppSettings()
            .Where(s => SecretEndings.Any(w => s.Key.Split(':')[^1].EndsWith(w, StringComparison.OrdinalIgnoreCase))
                        || s.Key.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase))
            .Where(s => s.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.False) && !(s.Value.ValueKind == JsonValueKind.String && s.Value.GetString()!.Length == 0))
            .Select(s => s.Key);

        Assert.Empty(secrets);
    }

    [Fact]
    public void AppSettings_EverySettingIsDocumented()
    {
        var readme = string.Concat(Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md").Select(File.ReadAllText));

        var undocumented = AppSettings()
            .Select(s => s.Key)
            .Where(key => !key.StartsWith("Logging:", StringComparison.Ordinal))
            .Where(key => !readme.Contains("`" + key + "`", StringComparison.Ordinal) && !InSectionTable(readme, key));

        Assert.Equal("", string.Join(", ", undocumented));
    }

    /// <summary>A row <c>`Key`</c> in a table headed "key (`QaBot:Section:...`)".</summary>
    private static bool InSectionTable(string readme, string key)
    {
        var at = key.LastIndexOf(':');
        if (at < 0)
        {
            return false;
        }

        var header = readme.IndexOf("`" + key[..at] + ":...`", StringComparison.Ordinal);
        return header >= 0 && readme.IndexOf("| `" + key[(at + 1)..] + "` |", header, StringComparison.Ordinal) > header;
    }

    [Fact]
    public async Task Serve_ProblemsInSeveralSections_ExitsOneWithOneMessageNamingEveryProblemAndNoStackTrace()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "qabot.dll"), "serve", "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["QaBot__Embeddings__Enabled"] = "false";
        start.Environment["QaBot__Discord__Enabled"] = "true"; // without a token
        start.Environment["QaBot__Discord__DrainSeconds"] = "60"; // longer than the shutdown timeout
        start.Environment["MicrosoftAppId"] = "not-a-guid";
        start.Environment["MicrosoftAppPassword"] = "x";
        start.Environment["QaBot__RateLimits__PerUser__TokenLimit"] = "0";
        start.Environment["QaBot__Web__MaxAskBodyBytes"] = "1";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        var error = await stderr;
        await stdout;

        Assert.True(process.ExitCode == 1, error);
        Assert.True(error.StartsWith("qabot: the configuration has 6 problems; fix them and start again:", StringComparison.Ordinal), error);
        Assert.Contains("  - Discord is enabled (QaBot:Discord:Enabled) but QaBot:Discord:Token is not set", error, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppId must be the bot's app (client) id, a GUID.", error, StringComparison.Ordinal);
        Assert.Contains("  - QaBot:RateLimits:PerUser:TokenLimit must be between 1 and 1000000.", error, StringComparison.Ordinal);
        Assert.Contains("  - QaBot:Web: The field MaxAskBodyBytes must be between 1024 and 1048576.", error, StringComparison.Ordinal);
        Assert.Contains("  - QaBot:Discord:DrainSeconds (60) must be shorter than QaBot:Shutdown:Timeout", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }
}
