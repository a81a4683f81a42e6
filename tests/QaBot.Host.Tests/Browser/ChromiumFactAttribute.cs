namespace QaBot.Host.Tests.Browser;

/// <summary>A test that needs Chromium: reported as skipped, with the reason, on a machine without it; never as passed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}
