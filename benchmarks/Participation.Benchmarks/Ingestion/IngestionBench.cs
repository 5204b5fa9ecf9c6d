using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Data.Tables;

namespace Participation.Benchmarks.Ingestion;

/// <summary>
/// Ballot ingestion end to end: Azurite and the real app on Kestrel (Release build, started here), a budget in the
/// voting phase with voting codes, then 64 concurrent clients each POSTing ballots with fresh codes. In the same run
/// and against the same Azurite, 64 concurrent writers insert raw table rows of a ballot's size: the ratio of the two
/// says what the HTTP and validation layers cost, with the emulator's speed factored out.
/// Options: <c>--ballots N</c> (default 6000), <c>--clients N</c> (default 64).
/// </summary>
public static class IngestionBench
{
    internal const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static int Run(string[] args)
    {
        var ballots = Option(args, "--ballots", 6000);
        var clients = Option(args, "--clients", 64);
        return RunAsync(ballots, clients).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int ballots, int clients)
    {
        using var platform = LocalPlatform.StartAzurite("ingestion");
        if (platform is null)
        {
            return 1;
        }
        using var http = await platform.StartAppAsync(new()
        {
            ["RateLimits__voting-codes__PermitLimit"] = "100000000",
        }, clients * 2);
        if (http is null)
        {
            return 1;
        }
        var storage = platform.Storage;
        var (budget, codes) = await SetUpAsync(http, ballots + 500);
        Console.WriteLine($"budget {budget}: {codes.Count:N0} voting codes; {clients} concurrent clients");

        // Warm-up: JIT, connection pools, Azurite's tables.
        await IngestAsync(http, budget, codes.Take(500).ToList(), clients);
        await RawInsertsAsync(storage, 500, clients, "warm");

        var raw = await RawInsertsAsync(storage, ballots, clients, "run");
        var (perSecond, p50, p99, failures) = await IngestAsync(http, budget, codes.Skip(500).ToList(), clients);
        Console.WriteLine($"raw table inserts : {raw,8:N0} /s   ({ballots:N0} rows, {clients} writers)");
        Console.WriteLine($"ballots over HTTP : {perSecond,8:N0} /s   p50 {p50:N1} ms   p99 {p99:N1} ms   ({ballots:N0} ballots, {failures} failed)");
        Console.WriteLine($"ratio             : {perSecond / raw,8:N2}   (target >= 0.50)");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(string Budget, List<string> Codes)> SetUpAsync(HttpClient http, int codes)
    {
        var token = (await Json(await http.PostAsJsonAsync("/api/dev/token", new { userId = "admin-ingrid" }))).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var id = "bench-" + Guid.NewGuid().ToString("N")[..8];
        await Json(await http.PostAsJsonAsync("/api/budgets", new { id, title = "Benchmark", neighbourhood = "oosterpark", amount = 50_000 }));
        foreach (var cost in new[] { 18_000, 25_000, 6_000, 14_000, 9_000, 4_000 })
        {
            await Json(await http.PostAsJsonAsync($"/api/budgets/{id}/projects", new { title = $"Plan {cost}", cost }));
        }

        await Json(await http.PutAsJsonAsync($"/api/budgets/{id}/rules", new { voteType = "approval", minProjects = 1, maxProjects = 3, outcomeRule = "mes-complete" }));
        await Json(await http.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        var csv = await (await http.PostAsJsonAsync($"/api/budgets/{id}/voting-codes", new { count = codes })).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        http.DefaultRequestHeaders.Authorization = null;
        return (id, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Split(',')[2]).ToList());
    }

    private static async Task<(double PerSecond, double P50, double P99, int Failures)> IngestAsync(HttpClient http, string budget, List<string> codes, int clients)
    {
        var latencies = new double[codes.Count];
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < codes.Count)
            {
                var projects = new[] { $"p{1 + i % 6}", $"p{1 + (i / 6) % 6}" }.Distinct().ToArray();
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync($"/api/budgets/{budget}/ballots", new { code = codes[i], projects });
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return (codes.Count / seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), failures);
    }

    /// <summary>The floor: one insert per ballot-sized row, spread over 16 partitions like ballots are.</summary>
    private static async Task<double> RawInsertsAsync(string storage, int rows, int writers, string label)
    {
        var table = new TableServiceClient(storage).GetTableClient("BenchRaw" + label + Guid.NewGuid().ToString("N")[..6]);
        await table.CreateIfNotExistsAsync();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < rows)
            {
                var key = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
                await table.AddEntityAsync(new TableEntity($"bench|{key[0]}", "ballot|" + key)
                {
                    ["Projects"] = "p1,p3", ["Paper"] = false, ["SubmittedAt"] = DateTimeOffset.UtcNow, ["ReceiptHash"] = key + key,
                });
            }
        }));
        return rows / clock.Elapsed.TotalSeconds;
    }

    internal static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static Process Start(string file, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) { Console.Error.WriteLine(line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Participation.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Participation.sln not found above the benchmark's folder.");
    }
}
