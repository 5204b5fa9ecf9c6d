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

    public static int Run(string[] args)
    {
        var stopwatch = Stopwatch.StartNew();
        var election = SyntheticElection.Create(voters: 100_000, projects: 160, averageChoices: 6, seed: 2024);
        Console.WriteLine(
            $"synthetic approval election: {election.VoterCount:N0} voters, {election.Projects.Count} projects, " +
            $"{election.Ballots.Count:N0} distinct ballots, budget {election.Budget:N0} (built in {stopwatch.ElapsedMilliseconds} ms)");
        Console.WriteLine($"{"election",-32} {"rule",-18} {"median ms",10} {"min ms",9} {"selected",9} {"add1 steps",11}");
        foreach (var rule in BudgetRules.All)
        {
            Measure("synthetic 100k x 160", election, rule);
        }

        var folder = FindData();
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

    private static string? FindData()
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
