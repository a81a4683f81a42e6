using StackExchange.Redis;

namespace QaBot.State.Redis.Tests;

/// <summary>A plain client on the test's Redis, to look at what QaBot stored as any reader of the server (or its disk) would.</summary>
internal sealed class RawRedis : IDisposable
{
    private readonly ConnectionMultiplexer connection;

    public RawRedis(RedisServer server)
    {
        connection = ConnectionMultiplexer.Connect(server.Configuration + ",allowAdmin=true");
        Database = connection.GetDatabase();
    }

    public IDatabase Database { get; }

    public IReadOnlyList<string> Keys() =>
        connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "*").Select(k => k.ToString()).ToList();

    /// <summary>Every byte stored under every key, as text (lists, sets and hashes).</summary>
    public string Everything()
    {
        var text = new System.Text.StringBuilder();
        foreach (var key in Keys())
        {
            text.Append(key).Append('\n');
            var values = Database.KeyType(key) switch
            {
                RedisType.List => Database.ListRange(key),
                RedisType.Set => Database.SetMembers(key),
                RedisType.Hash => Database.HashGetAll(key).SelectMany(e => new[] { e.Name, e.Value }).ToArray(),
                RedisType.String => [Database.StringGet(key)],
                _ => [],
            };
            foreach (var value in values)
            {
                text.Append(System.Text.Encoding.UTF8.GetString((byte[])value!)).Append('\n');
            }
        }

        return text.ToString();
    }

    public void Dispose() => connection.Dispose();
}
