using System.Diagnostics;
using Participation.Benchmarks.Ingestion;

namespace Participation.Benchmarks;

/// <summary>
/// A private Azurite on free ports and, when asked, the real app (Release build) on Kestrel against it. Disposing stops both and deletes the emulator's data.
/// </summary>
internal sealed class LocalPlatform : IDisposable
{
    private readonly DirectoryInfo data;
    private readonly Process azurite;
    private Process? app;

    private LocalPlatform(DirectoryInfo data, Process azurite, string storage, int tablePort)
    {
        this.data = data;
        this.azurite = azurite;
        Storage = storage;
        TablePort = tablePort;
    }

    /// <summary>The emulator's connection string.</summary>
    public string Storage { get; }

    public int TablePort { get; }

    /// <summary>Null (with the reason on stderr) when Azurite is not installed.</summary>
    public static LocalPlatform? StartAzurite(string label)
    {
        var root = IngestionBench.RepositoryRoot();
        var azuriteBin = Environment.GetEnvironmentVariable("AZURITE_BIN") is { Length: > 0 } bin ? bin : Path.Combine(root, ".tools/azurite/node_modules/.bin/azurite");
        if (!File.Exists(azuriteBin))
        {
            Console.Error.WriteLine($"Azurite not found at {azuriteBin}: run ./test.sh once (it installs Azurite into .tools/) or set AZURITE_BIN.");
            return null;
        }

        var data = Directory.CreateTempSubdirectory("participation-bench-" + label);
        int blob = IngestionBench.FreePort(), queue = IngestionBench.FreePort(), table = IngestionBench.FreePort();
        var azurite = IngestionBench.Start(azuriteBin, [
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--location", data.FullName,
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", $"{blob}", "--queuePort", $"{queue}", "--tablePort", $"{table}"], []);
        var storage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={IngestionBench.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        return new LocalPlatform(data, azurite, storage, table);
    }

    /// <summary>Builds the app in Release, starts it with <paramref name="settings"/> and waits until it is healthy.</summary>
    public async Task<HttpClient?> StartAppAsync(Dictionary<string, string> settings, int connections)
    {
        var root = IngestionBench.RepositoryRoot();
        Console.WriteLine("building the app (Release) ...");
        using (var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "functions/Participation"), "-c", "Release", "-v", "quiet", "-nologo"]))
            ?? throw new InvalidOperationException("dotnet did not start."))
        {
            await build.WaitForExitAsync();
            if (build.ExitCode != 0)
            {
                return null;
            }
        }

        var port = IngestionBench.FreePort();
        var environment = new Dictionary<string, string>
        {
            // As ./run.sh serves it: the Release build in Development (demo sign-in, no Key Vault secrets needed).
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["AzureWebJobsStorage"] = Storage,
            ["Demo__Seed"] = "false",
            ["FunctionHost__RunTriggers"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        app = IngestionBench.Start("dotnet", [Path.Combine(root, "functions/Participation/bin/Release/net10.0/Participation.dll"),
            "--contentRoot", Path.Combine(root, "functions/Participation"), "--urls", $"http://127.0.0.1:{port}"], environment);
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(120),
        };
        await WaitHealthyAsync(http);
        return http;
    }

    /// <summary>CPU the app's process has used so far, on all its threads.</summary>
    public TimeSpan AppProcessorTime
    {
        get
        {
            app!.Refresh();
            return app.TotalProcessorTime;
        }
    }

    public void Dispose()
    {
        if (app is not null)
        {
            IngestionBench.Stop(app);
            app.Dispose();
        }
        IngestionBench.Stop(azurite);
        azurite.Dispose();
        try { data.Delete(recursive: true); } catch (IOException) { }
    }

    private static async Task WaitHealthyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The app did not become healthy within 60 s.");
    }
}
