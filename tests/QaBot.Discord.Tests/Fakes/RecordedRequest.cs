using System.Text.Json;

namespace QaBot.Discord.Tests.Fakes;

/// <summary>A REST request the fake Discord received, and the status it answered.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public bool Is(string method, string path) => Method == method && Path == path;
}
