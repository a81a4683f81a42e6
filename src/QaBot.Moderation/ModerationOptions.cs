using System.ComponentModel.DataAnnotations;

namespace QaBot.Moderation;

/// <summary>How the moderators' channel is told about knowledge problems. Section <c>QaBot:Moderation</c>.</summary>
public sealed class ModerationOptions
{
    public const string SectionName = "QaBot:Moderation";

    /// <summary>
    /// After a reload with news, wait this long before posting, so that a burst of reloads (an editor saving a file
    /// several times, a folder copied in) becomes one post about where it ended. Default 10 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan NotifyDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most one post per this interval, so that a file that keeps breaking and healing cannot flood the
    /// channel; what changed meanwhile is posted together. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan NotifyInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a post to one channel may take before it is given up (and logged). Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PostTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
