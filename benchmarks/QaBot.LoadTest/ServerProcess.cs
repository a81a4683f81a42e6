using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace QaBot.LoadTest;

/// <summary>
/// <c>qabot serve</c> started for the run on 127.0.0.1 and a free port, with the per-client and global token buckets off
/// (every simulated client comes from 127.0.0.1); the concurrency limit and its queue stay as configured. Everything
/// else comes from the caller's environment (for example <c>QaBot__Embeddings__Enabled=false</c>).
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int Id => process.Id;

    public static ServerProcess Start(string serverDll, string contentRoot)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { serverDll, "serve", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["QaBot__RateLimits__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + serverDll);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine("server: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>The process's peak resident memory (VmHWM) in MiB, from /proc; null where there is no /proc.</summary>
    public static double? PeakRssMiB(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is null ? null : double.Parse(kb, CultureInfo.InvariantCulture) / 1024;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
