using System.Collections.Concurrent;

namespace QaBot.State.Redis.Tests;

internal static class Outages
{
    /// <summary>
    /// How many outage warnings (event 7110) were logged. The client may notice the outage on its own thread (its
    /// connection-failed event) a moment after a command fell back, so this waits up to 2 s for the first one.
    /// </summary>
    public static async Task<int> LoggedAsync(ConcurrentQueue<string> logs)
    {
        for (var i = 0; i < 40 && !logs.Any(IsOutage); i++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(200); // a second warning for the same outage would be a defect: give it the chance to show
        return logs.Count(IsOutage);
    }

    private static bool IsOutage(string line) => line.Contains("[7110]", StringComparison.Ordinal);
}
