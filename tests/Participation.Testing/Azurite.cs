using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Participation.Testing;

/// <summary>
/// A real Azurite (Microsoft's storage emulator) for the tests. <c>./test.sh</c> starts one on free ports and passes
/// <c>AZURITE_CONNECTION_STRING</c>; tests that must stop and restart storage start a private one with <see cref="StartPrivateAsync"/>.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "participation-azurite-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentQueue<string> output = new();
    private int blobPort = FreePort(), queuePort = FreePort(), tablePort = FreePort();
    private bool everListened;
    private Process? process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <summary>The shared instance's connection string: from ./test.sh, or a private instance started on first use.</summary>
    public static async Task<string> SharedConnectionStringAsync()
    {
        var fromScript = Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING");
        if (!string.IsNullOrEmpty(fromScript))
        {
            return fromScript;
        }

        await SharedGate.WaitAsync();
        try
        {
            if (shared is null)
            {
                shared = await StartPrivateAsync();
                // Nothing disposes a static; without this the emulator would outlive the test run.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => shared.StopAsync().GetAwaiter().GetResult();
            }

            return shared.ConnectionString;
        }
        finally
        {
            SharedGate.Release();
        }
    }

    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static Azurite? shared;

    public static async Task<Azurite> StartPrivateAsync()
    {
        var azurite = new Azurite();
        await azurite.StartAsync();
        return azurite;
    }

    /// <summary>Starts (or restarts, keeping its data and ports) the emulator.</summary>
    public async Task StartAsync()
    {
        // A free port is only free when it is chosen: a process started beside this one (another test site's
        // emulator or web server) may take it before node binds it. Until the emulator first listens, new ports are fine.
        for (var attempt = 1; ; attempt++)
        {
            if (await TryStartAsync())
            {
                everListened = true;
                return;
            }

            if (everListened || attempt == 3)
            {
                throw new InvalidOperationException(
                    "Azurite did not start listening. Its last output:\n" + string.Join("\n", output.TakeLast(20)));
            }

            (blobPort, queuePort, tablePort) = (FreePort(), FreePort(), FreePort());
        }
    }

    private async Task<bool> TryStartAsync()
    {
        var start = new ProcessStartInfo(Binary())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--location", dataFolder,
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", blobPort.ToString(), "--queuePort", queuePort.ToString(), "--tablePort", tablePort.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        output.Clear();
        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, line) => Remember(line.Data);
        process.ErrorDataReceived += (_, line) => Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Generous: on a loaded 2-core machine node takes its time to start.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!(await Listening(tablePort) && await Listening(queuePort)))
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                await StopAsync();
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 50 && output.TryDequeue(out _))
        {
        }
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Stops the emulator as a service manager would (SIGTERM): it saves its database first, so a restart keeps every acknowledged write.</summary>
    public async Task TerminateAsync()
    {
        if (process is { HasExited: false })
        {
            await SignalAsync("TERM");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>Freezes the emulator (SIGSTOP): connections stay open and requests hang, as in a network partition.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    /// <summary>Lets a frozen emulator go on (SIGCONT).</summary>
    public Task ThawAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        if (process is not { HasExited: false })
        {
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString()]))
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await ThawAsync();
        await StopAsync();
        process?.Dispose();
        try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
    }

    private static string Binary()
    {
        var fromScript = Environment.GetEnvironmentVariable("AZURITE_BIN");
        if (!string.IsNullOrEmpty(fromScript))
        {
            return fromScript;
        }

        var installed = Path.Combine(RepositoryRoot.Path, ".tools", "azurite", "node_modules", ".bin", "azurite");
        return File.Exists(installed)
            ? installed
            : throw new InvalidOperationException("Azurite is not installed: run ./test.sh, which installs it into .tools/azurite.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
