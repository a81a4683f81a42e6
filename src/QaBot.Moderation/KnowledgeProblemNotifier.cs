using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Knowledge;

namespace QaBot.Moderation;

/// <summary>
/// Tells the moderators' channels (<see cref="IModeratorChannel"/>: Discord, Teams, when configured) what changed in the
/// knowledge's problems: new problems (file, line, problem), fixed ones, and reloads that could not finish.
/// <para>
/// The <see cref="IKnowledgeBase.Reloaded"/> handler only keeps the latest status and wakes the loop, so a reload never
/// waits for a chat. The loop waits <see cref="ModerationOptions.NotifyDelay"/> after a reload (a burst of reloads
/// becomes one post), posts at most once per <see cref="ModerationOptions.NotifyInterval"/>, and posts the difference
/// between the problems now and those it last told about: a file broken and fixed again before the post is not
/// mentioned, and a flapping file costs at most one post per interval. The problems of the first load are news too.
/// A failed post is logged (platform and error type, never the text) and not retried; it never reaches answering.
/// </para>
/// </summary>
internal sealed partial class KnowledgeProblemNotifier(
    IKnowledgeBase knowledge,
    IEnumerable<IModeratorChannel> channels,
    IOptions<ModerationOptions> options,
    IOptions<AnsweringOptions> answering,
    TimeProvider time,
    ILogger<KnowledgeProblemNotifier> logger) : BackgroundService
{
    private readonly List<IModeratorChannel> channels = channels.ToList();
    private readonly SemaphoreSlim wake = new(0, 1);
    private KnowledgeStatus? latest;
    private HashSet<KnowledgeDiagnostic> told = [];
    private string? toldFailure;
    private DateTimeOffset? lastPost;

    private int checks;

    /// <summary>How many times the loop has compared the latest status with what it told (tests wait on it).</summary>
    internal int Checks => Volatile.Read(ref checks);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (channels.Count > 0)
        {
            knowledge.Reloaded += OnReloaded;
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        knowledge.Reloaded -= OnReloaded;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (channels.Count == 0)
        {
            return;
        }

        LogWatching(logger, channels.Count);
        if (Volatile.Read(ref latest) is null && knowledge.Status is { IsLoaded: true } loaded)
        {
            Observe(loaded, news: loaded.Problems.Count > 0); // loaded before this service started: its problems are news
        }

        try
        {
            while (true)
            {
                await wake.WaitAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.NotifyDelay, time, stoppingToken).ConfigureAwait(false);
                if (lastPost is { } last && last + options.Value.NotifyInterval - time.GetUtcNow() is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }

                wake.Wait(0, CancellationToken.None); // a reload during the wait is covered by this post
                if (Volatile.Read(ref latest) is { } status && Compose(status) is { } message)
                {
                    await PostAsync(message, stoppingToken).ConfigureAwait(false);
                    lastPost = time.GetUtcNow();
                }

                Interlocked.Increment(ref checks);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private void OnReloaded(object? sender, KnowledgeReloadedEventArgs e) => Observe(e.Status, e.HasNews);

    private void Observe(KnowledgeStatus status, bool news)
    {
        Volatile.Write(ref latest, status);
        if (news && wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // already woken
            }
        }
    }

    /// <summary>What changed since the last post, or null when nothing did.</summary>
    private ModeratorReply? Compose(KnowledgeStatus status)
    {
        var now = status.Problems.ToHashSet();
        var added = status.Problems.Where(p => !told.Contains(p)).ToList();
        var fixedOnes = told.Where(p => !now.Contains(p)).ToList();
        var failure = status.LastFailure;
        var failed = failure is not null && failure != toldFailure;
        var recovered = failure is null && toldFailure is not null;
        if (added.Count == 0 && fixedOnes.Count == 0 && !failed && !recovered)
        {
            return null;
        }

        told = now;
        toldFailure = failure;
        var clock = time.GetUtcNow();
        var lines = new List<string>();
        if (status.IsLoaded)
        {
            lines.Add(ModeratorText.Summary(status));
        }

        if (failed)
        {
            lines.Add($"The reload {ModeratorText.Time(status.LastAttemptAt ?? clock, clock)} could not finish: {ModeratorText.Plain(failure!)}");
            lines.Add(status.IsLoaded
                ? "The knowledge loaded " + ModeratorText.Time(status.LastReloadAt!.Value, clock) + " is still served."
                : "No knowledge is served yet.");
        }
        else if (recovered)
        {
            lines.Add("Reloads work again.");
        }

        var fields = new List<ModeratorField>();
        if (added.Count > 0)
        {
            fields.Add(new ModeratorField("New problems", ModeratorText.Problems(added)));
        }

        if (fixedOnes.Count > 0)
        {
            fields.Add(new ModeratorField("Fixed", ModeratorText.Problems(fixedOnes)));
        }

        var title = failed ? "Knowledge reload failed"
            : added.Count > 0 ? ModeratorText.Count(added.Count, "new knowledge problem")
            : fixedOnes.Count > 0 ? "Knowledge problems fixed"
            : "Knowledge reloads work again";
        return new ModeratorReply
        {
            Title = title,
            Lines = lines,
            Fields = fields,
            IsError = failed || added.Any(p => p.IsError),
            Reminder = answering.Value.Reminder,
        };
    }

    private async Task PostAsync(ModeratorReply message, CancellationToken stoppingToken)
    {
        foreach (var channel in channels)
        {
            try
            {
                using var timeout = new CancellationTokenSource(options.Value.PostTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
                await channel.PostAsync(message, linked.Token).ConfigureAwait(false);
                LogPosted(logger, channel.Platform);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPostFailed(logger, channel.Platform, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Knowledge problems will be posted to {Count} moderators' channels")]
    private static partial void LogWatching(ILogger logger, int count);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Knowledge problems posted to the moderators' channel on {Platform}")]
    private static partial void LogPosted(ILogger logger, string platform);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "Could not post knowledge problems to the moderators' channel on {Platform} ({Error}); answering is not affected")]
    private static partial void LogPostFailed(ILogger logger, string platform, string error);
}
