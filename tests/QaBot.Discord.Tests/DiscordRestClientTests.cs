using Microsoft.Extensions.DependencyInjection;
using QaBot.Discord.Model;
using QaBot.Discord.Rest;
using QaBot.Discord.Tests.Fakes;

namespace QaBot.Discord.Tests;

/// <summary>The REST client against the fake Discord: rate limits are waited out on the injected clock, errors retried.</summary>
public sealed class DiscordRestClientTests : IDisposable
{
    private static readonly MessageCreate Hello = new() { Content = "hello" };
    private static readonly string Messages = $"channels/{DiscordTestHost.ChannelId}/messages";
    private readonly SigningKey key = new();

    public void Dispose() => key.Dispose();

    [Fact]
    public async Task CreateMessage_RateLimited429_WaitsRetryAfterThenSucceeds()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        host.Discord.Enqueue("POST", Messages, FakeResponse.RateLimited(2.5));
        var api = host.App.Services.GetRequiredService<IDiscordRestApi>();

        var sending = api.CreateMessageAsync(DiscordTestHost.ChannelId, Hello, CancellationToken.None);
        var retry = await host.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(2.5)); // the 429 has been read and its wait scheduled
        host.Time.Advance(TimeSpan.FromSeconds(2.4));
        Assert.False(retry.Fired);
        Assert.False(sending.IsCompleted);
        Assert.Single(host.Discord.Requests, r => r.Is("POST", Messages));
        host.Time.Advance(TimeSpan.FromSeconds(0.1));
        var message = await sending.WaitAsync(FakeGatewayConnection.Timeout);

        Assert.Equal(DiscordTestHost.ChannelId, message.ChannelId);
        Assert.Equal([429, 200], host.Discord.Requests.Where(r => r.Is("POST", Messages)).Select(r => r.Status));
    }

    [Fact]
    public async Task CreateMessage_GlobalRateLimit_OtherRoutesWaitToo()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        host.Discord.Enqueue("POST", Messages, FakeResponse.RateLimited(3, global: true));
        var api = host.App.Services.GetRequiredService<IDiscordRestApi>();

        var first = api.CreateMessageAsync(DiscordTestHost.ChannelId, Hello, CancellationToken.None);
        await host.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(3)); // the retry waits out the global limit
        var other = api.CreateMessageAsync("600000000000000002", Hello, CancellationToken.None);
        var otherWait = await host.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(3), count: 2); // and so does the other route
        Assert.False(otherWait.Fired);
        Assert.DoesNotContain(host.Discord.Requests, r => r.Path == "channels/600000000000000002/messages");
        host.Time.Advance(TimeSpan.FromSeconds(3));
        await Task.WhenAll(first, other).WaitAsync(FakeGatewayConnection.Timeout);

        Assert.Equal(3, host.Discord.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task CreateMessage_BucketExhausted_NextRequestWaitsForTheReset()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        host.Discord.Enqueue("POST", Messages, new FakeResponse(
            200,
            $$"""{"id":"1","channel_id":"{{DiscordTestHost.ChannelId}}"}""",
            new Dictionary<string, string> { ["X-RateLimit-Bucket"] = "abc123", ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "4.0" }));
        var api = host.App.Services.GetRequiredService<IDiscordRestApi>();
        await api.CreateMessageAsync(DiscordTestHost.ChannelId, Hello, CancellationToken.None);

        var second = api.CreateMessageAsync(DiscordTestHost.ChannelId, Hello, CancellationToken.None);
        var wait = await host.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(4));
        host.Time.Advance(TimeSpan.FromSeconds(3.9));
        Assert.False(wait.Fired);
        Assert.Single(host.Discord.Requests, r => r.Is("POST", Messages));
        host.Time.Advance(TimeSpan.FromSeconds(0.1));
        await second.WaitAsync(FakeGatewayConnection.Timeout);

        Assert.Equal(2, host.Discord.Requests.Count(r => r.Is("POST", Messages)));
    }

    [Fact]
    public async Task CreateMessage_ServerError_RetriedWithBackoffUntilItSucceeds()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        host.Discord.Enqueue("POST", Messages, FakeResponse.Status500(502));
        host.Discord.Enqueue("POST", Messages, FakeResponse.Status500(503));
        var api = host.App.Services.GetRequiredService<IDiscordRestApi>();

        var message = await host.AdvanceUntilAsync(api.CreateMessageAsync(DiscordTestHost.ChannelId, Hello, CancellationToken.None), TimeSpan.FromMilliseconds(100));

        Assert.NotNull(message.Id);
        Assert.Equal([502, 503, 200], host.Discord.Requests.Where(r => r.Is("POST", Messages)).Select(r => r.Status));
    }

    [Fact]
    public async Task CreateMessage_Forbidden_ThrowsWithTheRouteAndCodeButNoTokenAndDoesNotRetry()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        host.Discord.Enqueue("POST", Messages, FakeResponse.Error(403, 50013));
        var api = host.App.Services.GetRequiredService<IDiscordRestApi>();

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => api.CreateMessageAsync(DiscordTestHost.ChannelId, Hello, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.Status);
        Assert.Equal(50013, error.DiscordCode);
        Assert.Contains("POST channels/{channel_id}/messages", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Discord.Requests, r => r.Is("POST", Messages));
    }

    [Fact]
    public async Task CreateMessage_InvalidFormBody_LogsTheFieldPathsAndCodesButNoMessageText()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        const string body = """
            {"code":50035,"message":"Invalid Form Body","errors":{
              "embeds":{"0":{"description":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 4096 or fewer in length: my lupus flare"}]},
                             "fields":{"2":{"value":{"_errors":[{"code":"BASE_TYPE_REQUIRED","message":"This field is required"}]}}}}},
              "content":{"_errors":[{"code":"BAD content; drop","message":"quoting the user's text"}]}}}
            """;
        host.Discord.Enqueue("POST", Messages, new FakeResponse(400, body, new Dictionary<string, string>()));
        var api = host.App.Services.GetRequiredService<IDiscordRestApi>();

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => api.CreateMessageAsync(DiscordTestHost.ChannelId, Hello, CancellationToken.None));

        Assert.Equal(["embeds.0.description: BASE_TYPE_MAX_LENGTH", "embeds.0.fields.2.value: BASE_TYPE_REQUIRED", "content: BADcontentdrop"], error.FieldErrors);
        var refused = Assert.Single(host.Logs, l => l.Id.Id == 6104);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, refused.Level);
        Assert.Contains("50035", refused.Message, StringComparison.Ordinal);
        Assert.Contains("embeds.0.description: BASE_TYPE_MAX_LENGTH; embeds.0.fields.2.value: BASE_TYPE_REQUIRED", refused.Message, StringComparison.Ordinal);
        foreach (var text in new[] { "Must be", "lupus", "Invalid Form Body", "required", "quoting" })
        {
            Assert.DoesNotContain(host.Logs, l => l.Message.Contains(text, StringComparison.Ordinal) || (l.Exception?.Message.Contains(text, StringComparison.Ordinal) ?? false));
            Assert.DoesNotContain(text, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FollowUp_SentWithTheInteractionToken_CarriesNoBotTokenAndNeverLogsThePath()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        var api = host.App.Services.GetRequiredService<IDiscordRestApi>();

        await api.CreateFollowupMessageAsync(DiscordTestHost.ApplicationId, "secret-interaction-token", Hello, CancellationToken.None);

        var request = Assert.Single(host.Discord.Requests);
        Assert.Equal($"webhooks/{DiscordTestHost.ApplicationId}/secret-interaction-token", request.Path);
        Assert.Null(request.Header("Authorization"));
        Assert.StartsWith("DiscordBot (", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("secret-interaction-token", StringComparison.Ordinal));
    }
}
