using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace QaBot.Teams.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port 0) standing in for the Bot Framework: it records the bot's Bot Connector
/// calls (send, reply, update) and serves an OpenID configuration and JWKS for the test's signing keys.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private int nextId;
    private int metadataRequests;

    private FakeBotConnector(WebApplication app, string baseUrl, TokenIssuer issuer)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Issuer = issuer;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>: the service URL of test activities.</summary>
    public string BaseUrl { get; }

    public TokenIssuer Issuer { get; }

    public string MetadataUrl => BaseUrl + "openid/.well-known/openidconfiguration";

    /// <summary>How long the OpenID endpoints take to answer (to test timeouts). Default none.</summary>
    public TimeSpan MetadataDelay { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>How long the Bot Connector endpoints take to answer (to test timeouts). Default none.</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>How many times the OpenID configuration or keys were fetched.</summary>
    public int MetadataRequests => metadataRequests;

    public int Port => new Uri(BaseUrl).Port;

    public static async Task<FakeBotConnector> StartAsync(TokenIssuer issuer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeBotConnector? connector = null;

        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext context, string conversationId) =>
            connector!.RecordAsync(context, conversationId, activityId: null));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext context, string conversationId, string activityId) =>
            connector!.RecordAsync(context, conversationId, activityId));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext context, string conversationId, string activityId) =>
            connector!.RecordAsync(context, conversationId, activityId));
        app.MapGet("/openid/.well-known/openidconfiguration", async (HttpContext context) =>
        {
            await connector!.DelayMetadataAsync(context);
            return Results.Text(OpenIdConfiguration(connector.BaseUrl), "application/json");
        });
        app.MapGet("/openid/keys", async (HttpContext context) =>
        {
            await connector!.DelayMetadataAsync(context);
            return Results.Text(issuer.Jwks().ToString(), "application/json");
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector = new FakeBotConnector(app, address.TrimEnd('/') + "/", issuer);
        return connector;
    }

    /// <summary>The requests recorded after <paramref name="skip"/> earlier ones.</summary>
    public IReadOnlyList<RecordedRequest> Since(int skip) => Requests.Skip(skip).ToList();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static string OpenIdConfiguration(string baseUrl) => new JObject
    {
        ["issuer"] = TokenIssuer.ChannelIssuer,
        ["authorization_endpoint"] = baseUrl + "openid/authorize",
        ["jwks_uri"] = baseUrl + "openid/keys",
        ["id_token_signing_alg_values_supported"] = new JArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JArray("private_key_jwt"),
    }.ToString();

    private async Task DelayMetadataAsync(HttpContext context)
    {
        Interlocked.Increment(ref metadataRequests);
        if (MetadataDelay > TimeSpan.Zero)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, app.Lifetime.ApplicationStopping);
            await Task.Delay(MetadataDelay, stop.Token);
        }
    }

    private async Task<IResult> RecordAsync(HttpContext context, string conversationId, string? activityId)
    {
        if (ReplyDelay > TimeSpan.Zero)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, app.Lifetime.ApplicationStopping);
            await Task.Delay(ReplyDelay, stop.Token);
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            conversationId,
            activityId,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            JObject.Parse(body),
            Encoding.UTF8.GetByteCount(body)));
        return Results.Json(new { id = $"sent-{Interlocked.Increment(ref nextId)}" });
    }
}
