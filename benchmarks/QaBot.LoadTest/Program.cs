using QaBot.LoadTest;

// The load generator for POST /api/ask (not a test: run it by hand, see the README's "Load test").
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("qabot-load: " + ex.Message);
    return 2;
}

var root = RepositoryRoot();
ServerProcess? server = null;
try
{
    var url = options.Url;
    if (url is null)
    {
        var dll = options.Server ?? Path.Combine(root, "src", "QaBot.Host", "bin", "Release", "net10.0", "qabot.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"qabot-load: {dll} not found; build it first (dotnet build src/QaBot.Host -c Release) or pass --server or --url.");
            return 2;
        }

        server = ServerProcess.Start(dll, root);
        url = server.Url;
        Console.WriteLine($"started qabot serve (pid {server.Id}) at {url}");
    }

    if (!await WaitReadyAsync(url))
    {
        Console.Error.WriteLine($"qabot-load: {url}readyz did not answer 200 within 3 minutes.");
        return 1;
    }

    var pid = server?.Id;
    var report = await LoadRunner.RunAsync(url, options.Clients, options.Warmup, options.Duration, () => pid is int id ? ServerProcess.PeakRssMiB(id) : null);
    report.Print(Console.Out);
    return report.Errors == 0 ? 0 : 1;
}
finally
{
    server?.Dispose();
}

static async Task<bool> WaitReadyAsync(Uri url)
{
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    var deadline = DateTime.UtcNow.AddMinutes(3);
    while (DateTime.UtcNow < deadline)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url, "readyz"));
            if (response.IsSuccessStatusCode)
            {
                return true;
            }
        }
        catch (HttpRequestException)
        {
            // not listening yet
        }

        await Task.Delay(250);
    }

    return false;
}

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "QaBot.sln")))
        {
            return directory.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
