namespace QaBot.Host.Tests.Browser;

/// <summary>
/// Debian's Chromium for the browser tests: <c>/usr/bin/chromium</c> (<c>apt-get install chromium</c>; <c>.ci/run</c>
/// installs it when missing), or the path in <c>QABOT_CHROMIUM</c>.
/// </summary>
internal static class Chromium
{
    public static readonly string[] Flags =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
    ];

    public static string Path =>
        Environment.GetEnvironmentVariable("QABOT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run here, or null when Chromium is installed.</summary>
    public static string? Missing => File.Exists(Path)
        ? null
        : $"Chromium is not installed at {Path}: browser tests need Debian's chromium (apt-get install chromium; .ci/run installs it), or QABOT_CHROMIUM set to a Chromium binary.";
}
