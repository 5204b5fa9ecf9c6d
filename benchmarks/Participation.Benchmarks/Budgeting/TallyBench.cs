using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Participation.Budgeting.Pabulib;
using Participation.Budgeting.Rules;

namespace Participation.Benchmarks.Budgeting;

/// <summary>
/// The public tally as a stranger uses it: <c>POST /api/pb/tally?rule=…</c> with a .pb file, against the real app
/// (Release build on Kestrel, a private Azurite, the tally's shared rate counter on), for every real file in
/// <c>data/pabulib</c> and a 4 MB file written from the synthetic city election. Each figure is the median of
/// several requests after warm-ups, from the client's first byte sent to the last byte of the answer; beside it, the
/// same file parsed in this process, so the HTTP and counting costs can be told apart. On a shared machine wall-clock
/// times grow with everyone else's load, so each figure also comes as CPU time (the app's process for a request, all
/// its threads; this process for a parse), which the load hardly changes.
/// Beside each figure, pabutools' time for the same file and rule where <c>benchmarks/pabutools/reference.tsv</c> has
/// it (measured once with <c>benchmarks/pabutools/time_pabutools.py</c>: pabutools needs PyPI, which this bench does not),
/// and how many times faster the tally answered over HTTP.
/// Options: <c>--runs N</c> (default 7); <c>--parse</c> for the parse figures alone; a further argument keeps only the
/// files whose name contains it.
/// </summary>
public static class TallyBench
{
    private const int WarmUps = 2;

    public static int Run(string[] args)
    {
        var runs = Ingestion.IngestionBench.Option(args, "--runs", 7);
        var only = args.Where((arg, i) => !arg.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--runs")).FirstOrDefault();
        var files = Files().Where(file => only is null || file.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        return args.Contains("--parse") ? ParseOnly(files) : RunAsync(files, runs).GetAwaiter().GetResult();
    }

    /// <summary><c>--parse</c>: only the reader, without the app (quick to rerun while working on it).</summary>
    private static int ParseOnly(List<(string Name, byte[] Bytes)> files)
    {
        WarmUpReader(files);
        Console.WriteLine($"{"file",-28} {"MB",5} {"parse ms",9} {"MB/s",6} {"cpu ms",7} {"MB/s",6}");
        foreach (var (name, bytes) in files)
        {
            Console.WriteLine($"{name,-28} {ParseFigures(bytes)}");
        }
        return 0;
    }

    private static void WarmUpReader(List<(string Name, byte[] Bytes)> files)
    {
        foreach (var (_, bytes) in files)
        {
            for (var i = 0; i < 5; i++)
            {
                PabulibElectionReader.Read(new MemoryStream(bytes), PabulibLimits.Default);
            }
        }
    }

    private static string ParseFigures(byte[] bytes)
    {
        var megabytes = bytes.Length / 1e6;
        var parse = BudgetingBench.Median(() => PabulibElectionReader.Read(new MemoryStream(bytes), PabulibLimits.Default));
        var parseCpu = CpuPerRun(() => PabulibElectionReader.Read(new MemoryStream(bytes), PabulibLimits.Default));
        return $"{megabytes,5:F2} {parse,9:F2} {megabytes / (parse / 1000),6:F0} {parseCpu,7:F2} {megabytes / (parseCpu / 1000),6:F0}";
    }

    private static async Task<int> RunAsync(List<(string Name, byte[] Bytes)> files, int runs)
    {
        using var platform = LocalPlatform.StartAzurite("tally");
        if (platform is null)
        {
            return 1;
        }
        using var http = await platform.StartAppAsync(new()
        {
            ["RateLimits__tally__AddressPermitLimit"] = "100000000",
            // The bench measures what counting costs; the public bound (2 s by default) would turn slow counts into 422s.
            ["Tally__MaxCountingTime"] = "00:05:00",
        }, connections: 2);
        if (http is null)
        {
            return 1;
        }

        // Every path through the reader and the rules once, in both processes, before anything is timed: otherwise the
        // first file pays for compiling them (which also counts as CPU).
        WarmUpReader(files);
        foreach (var (_, bytes) in files)
        {
            foreach (var rule in BudgetRules.All)
            {
                await TallyAsync(http, bytes, rule.Name, runs: 1);
            }
        }

        var pabutools = PabutoolsReference.Load();
        Console.WriteLine(
            $"{"file",-28} {"MB",5} {"parse ms",9} {"MB/s",6} {"cpu ms",7} {"MB/s",6} {"rule",-17} {"HTTP median ms",15} {"min ms",8} {"app cpu ms",11} {"selected",9} {"pabutools s",12} {"x faster",9}");
        var failures = 0;
        foreach (var (name, bytes) in files)
        {
            var parse = ParseFigures(bytes);
            foreach (var rule in BudgetRules.All)
            {
                var cpuBefore = platform.AppProcessorTime;
                var (median, min, selected) = await TallyAsync(http, bytes, rule.Name, runs);
                var appCpu = (platform.AppProcessorTime - cpuBefore).TotalMilliseconds / (WarmUps + runs);
                failures += selected < 0 ? 1 : 0;
                var reference = pabutools.GetValueOrDefault((name, rule.Name));
                Console.WriteLine(
                    $"{name,-28} {parse} " +
                    $"{rule.Name,-17} {median,15:F1} {min,8:F1} {appCpu,11:F1} {selected,9} {reference?.Text ?? "",12} {reference?.Times(median) ?? "",9}");
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /// <summary>CPU milliseconds per run of <paramref name="work"/> on this process, over enough runs to be read.</summary>
    private static double CpuPerRun(Func<object> work)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var runs = 0;
        do
        {
            work();
            runs++;
            process.Refresh();
        }
        while ((process.TotalProcessorTime - before).TotalMilliseconds < 1_000 || runs < 5);
        return (process.TotalProcessorTime - before).TotalMilliseconds / runs;
    }

    private static async Task<(double Median, double Min, int Selected)> TallyAsync(HttpClient http, byte[] file, string rule, int runs)
    {
        var times = new List<double>();
        var selected = -1;
        for (var i = 0; i < WarmUps + runs; i++)
        {
            using var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync($"/api/pb/tally?rule={rule}", content);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"{rule}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
                return (double.NaN, double.NaN, -1);
            }
            selected = JsonDocument.Parse(body).RootElement.GetProperty("selected").GetArrayLength();
            if (i >= WarmUps)
            {
                times.Add(elapsed);
            }
        }
        times.Sort();
        return (times[times.Count / 2], times[0], selected);
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Files()
    {
        if (BudgetingBench.FindData() is { } folder)
        {
            foreach (var path in Directory.GetFiles(folder, "*.pb").OrderByDescending(path => new FileInfo(path).Length))
            {
                yield return (Path.GetFileNameWithoutExtension(path), File.ReadAllBytes(path));
            }
        }
        yield return ("synthetic 100k x 160 (.pb)", BudgetingBench.SyntheticFile());
    }
}
