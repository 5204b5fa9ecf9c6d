using Participation.Benchmarks.Budgeting;
using Participation.Benchmarks.Ingestion;
using Participation.Benchmarks.Queries;

// Each suite is a command: `dotnet run -c Release --project benchmarks/Participation.Benchmarks -- <suite>`.
var suites = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["budgeting"] = BudgetingBench.Run,
    ["ingestion"] = IngestionBench.Run,
    ["queries"] = QueriesBench.Run,
    ["tally"] = TallyBench.Run,
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.Error.WriteLine($"usage: Participation.Benchmarks <{string.Join('|', suites.Keys)}> [options]");
    return 2;
}
return suite(args[1..]);
