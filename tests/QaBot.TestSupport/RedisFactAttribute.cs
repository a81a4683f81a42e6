namespace QaBot.TestSupport;

/// <summary>A test that needs a real <c>redis-server</c>: reported as skipped, with the reason, when it is not installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string NotInstalled = "redis-server is not installed (Debian: apt-get install redis-server; .ci/run installs it).";

    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null)
        {
            Skip = NotInstalled;
        }
    }
}
