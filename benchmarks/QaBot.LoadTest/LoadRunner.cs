using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace QaBot.LoadTest;

/// <summary>N clients, each asking one question after another from <see cref="QuestionMix"/> until the time is up.</summary>
internal static class LoadRunner
{
    public static async Task<LoadReport> RunAsync(Uri url, int clients, TimeSpan warmup, TimeSpan duration, Func<double?> peakRss)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(30),
        };

        if (warmup > TimeSpan.Zero)
        {
            Console.WriteLine($"warming up for {warmup.TotalSeconds:F0} s ...");
            await DriveAsync(http, clients, warmup, new Results());
        }

        Console.WriteLine($"running {clients} clients for {duration.TotalSeconds:F0} s ...");
        var results = new Results();
        var clock = Stopwatch.StartNew();
        await DriveAsync(http, clients, duration, results);
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadReport(
            clients,
            seconds,
            [.. results.Latencies],
            results.Statuses.ToDictionary(s => s.Key, s => s.Value),
            results.Kinds.ToDictionary(k => k.Key, k => k.Value),
            results.Errors,
            results.Unexpected,
            peakRss());
    }

    private static Task DriveAsync(HttpClient http, int clients, TimeSpan duration, Results results)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, clients).Select(client => ClientAsync(http, client, deadline, results)));
    }

    private static async Task ClientAsync(HttpClient http, int client, long deadline, Results results)
    {
        var questions = QuestionMix.Questions;
        for (var i = client * 7; Stopwatch.GetTimestamp() < deadline; i++)
        {
            var (expected, question) = questions[i % questions.Count];
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question });
                var body = await response.Content.ReadAsStringAsync();
                results.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                results.Statuses.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                if (response.IsSuccessStatusCode)
                {
                    using var json = JsonDocument.Parse(body);
                    var kind = json.RootElement.GetProperty("kind").GetString() ?? "";
                    results.Kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
                    if (kind != expected)
                    {
                        Interlocked.Increment(ref results.Unexpected);
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                Interlocked.Increment(ref results.Errors);
            }
        }
    }

    private sealed class Results
    {
        public readonly ConcurrentBag<double> Latencies = [];
        public readonly ConcurrentDictionary<string, int> Statuses = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, int> Kinds = new(StringComparer.Ordinal);
        public int Errors;
        public int Unexpected;
    }
}
