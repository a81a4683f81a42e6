using Microsoft.Extensions.DependencyInjection;
using QaBot.Knowledge;

namespace QaBot.Teams.Tests.Infrastructure;

/// <summary>
/// An authenticated Teams host for the moderators' commands: its own knowledge folder (one good file, one broken from the
/// start), embeddings off, the sender of <see cref="TeamsActivities"/> as the one moderator, and a moderators' channel
/// on the fake connector, posted to without delay.
/// </summary>
public sealed class ModeratorHost : IAsyncLifetime
{
    private readonly bool watch;

    public ModeratorHost()
        : this(watch: false)
    {
    }

    /// <param name="watch">True to run the knowledge file watcher (reloading 100 ms after a change); by default reloads
    /// happen only when a test asks for them.</param>
    internal ModeratorHost(bool watch)
    {
        this.watch = watch;
    }

    /// <summary>The Entra object id of the sender of every <see cref="TeamsActivities"/> message.</summary>
    public const string ModeratorId = "6f1b7c3e-2a0d-4c55-9a52-8f1f2f1c9c11";

    public const string ModeratorsConversationId = "19:moderators@thread.tacv2";

    public KnowledgeFolder Knowledge { get; } = new();

    public TeamsHost Teams { get; private set; } = null!;

    public IKnowledgeBase KnowledgeBase => Teams.Factory.Services.GetRequiredService<IKnowledgeBase>();

    public async Task InitializeAsync()
    {
        Knowledge.Write("broken.md", KnowledgeFolder.NoTitle);
        Teams = new TeamsHost(new Dictionary<string, string?>
        {
            ["QaBot:Knowledge:Paths:0"] = Knowledge.Path,
            ["QaBot:Embeddings:Enabled"] = "false",
            ["QaBot:Knowledge:Watch"] = watch ? "true" : "false",
            ["QaBot:Knowledge:ReloadDebounce"] = "00:00:00.100",
            ["QaBot:Teams:ModeratorAadObjectIds:0"] = ModeratorId,
            ["QaBot:Teams:ModeratorChannel:ServiceUrl"] = TeamsHost.ServiceUrlPlaceholder,
            ["QaBot:Teams:ModeratorChannel:ConversationId"] = ModeratorsConversationId,
            ["QaBot:Moderation:NotifyDelay"] = "00:00:00",
            ["QaBot:Moderation:NotifyInterval"] = "00:00:00",
        });
        await Teams.InitializeAsync();

        // The first load finds broken.md and tells the moderators' channel: wait for it, so that tests start quiet.
        _ = KnowledgeBase.Current;
        await PostToModeratorsAsync(_ => true);
    }

    /// <summary>The first post to the moderators' conversation that <paramref name="matches"/> (waits up to 10 s).</summary>
    public async Task<RecordedRequest> PostToModeratorsAsync(Func<RecordedRequest, bool> matches)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var post = Teams.Connector.Requests.FirstOrDefault(r => r.ConversationId == ModeratorsConversationId && matches(r));
            if (post is not null)
            {
                return post;
            }

            Assert.True(DateTime.UtcNow < deadline, "Nothing was posted to the moderators' conversation.");
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        await Teams.DisposeAsync();
        Knowledge.Dispose();
    }
}
