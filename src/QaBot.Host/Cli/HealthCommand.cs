using System.CommandLine;

namespace QaBot.Host.Cli;

/// <summary><c>qabot health [--url URL]</c>: exit 0 when the running host answers 200 (for container health checks).</summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The health endpoint.", DefaultValueFactory = _ => "http://127.0.0.1:8080/healthz" };
        var command = new Command("health", "Check a running QaBot's health endpoint; exit code 0 when healthy.") { url };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            try
            {
                using var response = await client.GetAsync(new Uri(result.GetValue(url)!), cancellationToken);
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
            {
                await Console.Error.WriteLineAsync("qabot health: " + ex.Message);
                return 1;
            }
        });
        return command;
    }
}
