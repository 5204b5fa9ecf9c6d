using System.Diagnostics;
using Participation.Budgeting;
using Participation.Budgeting.Pabulib;
using Participation.Budgeting.Rules;

namespace Participation.Benchmarks.Budgeting;

/// <summary>
/// Times every rule on a synthetic city-sized election and on the real pabulib files: a warm-up, then the median
/// of several runs, so one slow run (JIT, GC) does not decide the figure.
/// </summary>
public static class BudgetingBench
{
    private const int WarmUps = 2;
    private const int Repetitions = 7;

    // `budgeting <text>` measures only the elections whose name contains the text.
    private static string? only;

    public static int Run(string[] args)
    {
        only = args.FirstOrDefault();
        var stopwatch = Stopwatch.StartNew();
        var election = CitySized();
        Console.WriteLine(
            $"synthetic approval election: {election.VoterCount:N0} voters, {election.Projects.Count} projects, " +
            $"{election.Ballots.Count:N0} distinct ballots, budget {election.Budget:N0} (built in {stopwatch.ElapsedMilliseconds} ms)");
        Console.WriteLine($"{"election",-32} {"rule",-18} {"median ms",10} {"min ms",9} {"selected",9} {"add1 steps",11}");
        foreach (var rule in BudgetRules.All)
        {
            Measure("synthetic 100k x 160", election, rule);
        }

        // Issue 12: city-wide money (a budget near 10^9) makes the add1 completion need tens of thousands of increments.
        var rich = SyntheticElection.Create(voters: 30_000, projects: 100, averageChoices: 5, seed: 12, costUnit: 2_500_000);
        Console.WriteLine($"large-money election: {rich.VoterCount:N0} voters, budget {rich.Budget:N0}");
        foreach (var rule in BudgetRules.All)
        {
            Measure("synthetic 30k, budget 10^9", rich, rule);
        }

        var folder = FindData();
        MeasureParsing(folder, election);
        foreach (var path in folder is null ? Enumerable.Empty<string>() : Directory.GetFiles(folder, "*.pb").Order())
        {
            var file = PabulibReader.Read(path);
            var real = file.ToElection();
            foreach (var rule in BudgetRules.All)
            {
                Measure(Path.GetFileNameWithoutExtension(path), real, rule);
            }
        }
        return 0;
    }

    private static void Measure(string name, Election election, IBudgetRule rule)
    {
        if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        Allocation? allocation = null;
        for (var i = 0; i < WarmUps; i++)
        {
            allocation = rule.Select(election, CancellationToken.None);
        }
        var times = new List<double>();
        for (var i = 0; i < Repetitions; i++)
        {
            var started = Stopwatch.GetTimestamp();
            allocation = rule.Select(election, CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(
            $"{name,-32} {rule.Name,-18} {times[times.Count / 2],10:F2} {times[0],9:F2} {allocation!.Selected.Count,9} " +
            $"{allocation.EqualShares?.Increments.ToString() ?? "-",11}");
    }

    /// <summary>
    /// Parsing speed of the full reader (a dictionary per row, today's tally path) and of the streaming reader the
    /// tally uses now, on the largest real file and on a 4 MB file written from the synthetic election; then parse and
    /// greedy together, which is what the tally of such a file costs without HTTP.
    /// </summary>
    private static void MeasureParsing(string? folder, Election synthetic)
    {
        var files = new List<(string Name, byte[] Bytes)>();
        if (folder is not null)
        {
            var largest = Directory.GetFiles(folder, "*.pb").MaxBy(path => new FileInfo(path).Length)!;
            files.Add((Path.GetFileNameWithoutExtension(largest), File.ReadAllBytes(largest)));
        }
        files.Add(("synthetic 100k x 160 (.pb)", SyntheticFile(synthetic)));

        Console.WriteLine($"{"file",-32} {"reader",-22} {"MB",6} {"median ms",10} {"MB/s",8}");
        foreach (var (name, bytes) in files)
        {
            var megabytes = bytes.Length / 1e6;
            void Row(string reader, Func<Election> parse)
            {
                var median = Median(() => parse());
                Console.WriteLine($"{name,-32} {reader,-22} {megabytes,6:F2} {median,10:F2} {megabytes / (median / 1000),8:F0}");
            }
            Row("full (dictionary/row)", () => PabulibReader.Parse(System.Text.Encoding.UTF8.GetString(bytes)).ToElection());
            Row("streaming", () => PabulibElectionReader.Read(new MemoryStream(bytes), PabulibLimits.Default));
            Row("streaming + greedy", () =>
            {
                var election = PabulibElectionReader.Read(new MemoryStream(bytes), PabulibLimits.Default);
                new Greedy().Select(election, CancellationToken.None);
                return election;
            });
        }
    }

    /// <summary>The synthetic city election written as a .pb file (about 4 MB).</summary>
    internal static byte[] SyntheticFile(Election? synthetic = null)
    {
        synthetic ??= CitySized();
        var exported = PabulibWriter.Write(PabulibWriter.Export(synthetic, new Greedy().Select(synthetic, CancellationToken.None)));
        return System.Text.Encoding.UTF8.GetBytes(exported);
    }

    private static Election CitySized() => SyntheticElection.Create(voters: 100_000, projects: 160, averageChoices: 6, seed: 2024);

    internal static double Median(Func<object> work)
    {
        for (var i = 0; i < WarmUps; i++)
        {
            work();
        }
        var times = new List<double>();
        for (var i = 0; i < Repetitions; i++)
        {
            var started = Stopwatch.GetTimestamp();
            work();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    internal static string? FindData()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data", "pabulib");
            if (File.Exists(Path.Combine(directory.FullName, "Participation.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
