using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QaBot.TestSupport;

/// <summary>
/// A real <c>redis-server</c> for one test class, on a free loopback port, without persistence
/// (<c>--save '' --appendonly no</c>), in a temporary folder; stopped (killed) when disposed. <see cref="Executable"/> is
/// null when Redis is not installed: such tests are skipped (<see cref="RedisFactAttribute"/>), never passed.
/// <c>.ci/run</c> installs Debian's redis-server when it is missing.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "qabot-redis-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    public RedisServer()
    {
        Port = FreePort();
        Start();
    }

    /// <summary>The redis-server on the PATH (or in /usr/bin, /usr/local/bin), or null when there is none.</summary>
    public static string? Executable { get; } = Find();

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false";

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts the server (again, on the same port, empty) and waits until it answers PING.</summary>
    public void Start()
    {
        if (Executable is null)
        {
            throw new InvalidOperationException("redis-server is not installed.");
        }

        Directory.CreateDirectory(folder);
        var info = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1", "--dir", folder, "--daemonize", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (Ping())
            {
                return;
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode}.");
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"redis-server did not answer on port {Port}.");
    }

    /// <summary>Kills the server at once (as a crash would), and waits until it is gone.</summary>
    public void Kill()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            running.WaitForExit(10_000);
        }

        process?.Dispose();
        process = null;
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private bool Ping()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            stream.ReadTimeout = 1000;
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string? Find()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/local/bin", "/usr/sbin"]);
        return folders.Select(f => Path.Combine(f, "redis-server")).FirstOrDefault(File.Exists);
    }
}
