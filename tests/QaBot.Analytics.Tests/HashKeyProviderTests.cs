using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using QaBot.Analytics.Privacy;
using QaBot.Analytics.Tests.Support;

namespace QaBot.Analytics.Tests;

public sealed class HashKeyProviderTests
{
    [Fact]
    public void GetOrCreate_NoKeyConfigured_GeneratesAnOwnerOnlyKeyFileNextToTheDatabaseAndWarns()
    {
        using var harness = new AnalyticsHarness();

        var key = harness.Keys.GetOrCreate();

        var file = Path.Combine(harness.Folder, "analytics.key");
        Assert.Equal(file, harness.Keys.KeyFile);
        Assert.True(File.Exists(file));
        Assert.Equal(Encoding.UTF8.GetString(key), File.ReadAllText(file).Trim());
        Assert.True(key.Length >= 32);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.Contains(harness.Logs, line => line.Contains("[7001]", StringComparison.Ordinal) && line.Contains("no QaBot:Analytics:HashKey", StringComparison.Ordinal));
    }

    [Fact]
    public void GetOrCreate_KeyFileFromAnEarlierRun_IsReused()
    {
        using var folder = new TempFolder();
        var options = Microsoft.Extensions.Options.Options.Create(new AnalyticsOptions { DatabasePath = folder.File("analytics.db") });
        var first = new HashKeyProvider(options, NullLogger<HashKeyProvider>.Instance).GetOrCreate();

        var second = new HashKeyProvider(options, NullLogger<HashKeyProvider>.Instance).GetOrCreate();

        Assert.Equal(first, second);
    }

    [Fact]
    public void GetOrCreate_KeyConfigured_UsesItAndWritesNoFile()
    {
        using var harness = new AnalyticsHarness(o => o.HashKey = "configured-secret-configured-secret-123");

        var key = harness.Keys.GetOrCreate();

        Assert.Equal("configured-secret-configured-secret-123"u8.ToArray(), key);
        Assert.False(File.Exists(harness.Keys.KeyFile));
    }

    [Fact]
    public void Find_NoKeyAnywhere_ReturnsNullAndCreatesNothing()
    {
        using var harness = new AnalyticsHarness();

        Assert.Null(harness.Keys.Find());
        Assert.False(File.Exists(harness.Keys.KeyFile));
    }

    [Fact]
    public void GetOrCreate_KeyFileCannotBeWritten_ThrowsSoThatNothingIsHashedWithAKeyThatIsNotKept()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("not-a-folder"), "x");
        var options = Microsoft.Extensions.Options.Options.Create(new AnalyticsOptions { DatabasePath = Path.Combine(folder.File("not-a-folder"), "analytics.db") });

        var error = Record.Exception(() => new HashKeyProvider(options, NullLogger<HashKeyProvider>.Instance).GetOrCreate());

        Assert.IsAssignableFrom<IOException>(error);
    }
}
