using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Participation.App.Budgeting;
using Participation.App.Identity;
using Participation.App.Initiatives;
using Participation.Benchmarks.Ingestion;

namespace Participation.Benchmarks.Queries;

/// <summary>
/// What the officials' inbox and the council dashboard cost at a municipality's size: a private Azurite seeded with
/// <c>--initiatives N</c> index rows (default 10,000) and <c>--ballots N</c> ballots of one budget in voting (default
/// 100,000), then each query the app runs for a view, timed <c>--runs N</c> times (default 30) after a warm-up. The
/// queries have the shape the stores send (same tables, keys, filters and projections); target p95 &lt; 200 ms. The views
/// read stored aggregates: the dashboard the day rows of <see cref="SubmissionDays"/> (built here by its own backfill from
/// the seeded index, timed once) and the ballot counts of <see cref="BallotBox"/> (its own method); the scans they replaced are timed beside
/// them for comparison.
/// </summary>
public static class QueriesBench
{
    private const string IndexTable = "InitiativeIndex";
    private const string BallotTable = "Ballots";
    private const string Budget = "bench-budget";
    private static readonly string[] Statuses = ["submitted", "routed", "in-progress", "accepted", "rejected", "completed", "merged"];

    public static int Run(string[] args)
    {
        var initiatives = IngestionBench.Option(args, "--initiatives", 10_000);
        var ballots = IngestionBench.Option(args, "--ballots", 100_000);
        var runs = IngestionBench.Option(args, "--runs", 30);
        return RunAsync(initiatives, ballots, runs).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int initiatives, int ballots, int runs)
    {
        using var platform = LocalPlatform.StartAzurite("queries");
        if (platform is null)
        {
            return 1;
        }
        var service = new TableServiceClient($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={IngestionBench.AccountKey};" +
            $"TableEndpoint=http://127.0.0.1:{platform.TablePort}/devstoreaccount1;");
        await WaitForAsync(service);
        var index = service.GetTableClient(IndexTable);
        var box = service.GetTableClient(BallotTable);
        await index.CreateIfNotExistsAsync();
        await box.CreateIfNotExistsAsync();
        await service.GetTableClient(BudgetStore.Table).CreateIfNotExistsAsync();
        var ballotBox = new BallotBox(service, new Pseudonyms(Options.Create(new IdentityOptions { Pepper = "bench" })), new PaperBallotBatches(
            new BudgetStore(service, new QueueServiceClient(platform.Storage), TimeProvider.System, NullLogger<BudgetStore>.Instance)));

        var seeding = Stopwatch.StartNew();
        await SeedIndexAsync(index, initiatives);
        await SeedBallotsAsync(box, ballots);
        Console.WriteLine($"seeded {initiatives:N0} initiatives and {ballots:N0} ballots in {seeding.Elapsed.TotalSeconds:F0} s");
        var days = new SubmissionDays(index, "all");
        var year = (From: DateTimeOffset.UtcNow.AddDays(-366), To: DateTimeOffset.UtcNow.AddDays(1));
        var backfill = Stopwatch.StartNew();
        var facts = await days.ReadAsync(year.From, year.To, CancellationToken.None);
        Console.WriteLine($"day rows built from the index (once, on an upgraded store) in {backfill.Elapsed.TotalSeconds:F1} s: {facts.Count:N0} initiatives");

        var queries = new (string Name, Func<Task<int>> Query)[]
        {
            ("dashboard: a year of day rows (CouncilDashboard)", async () => (await days.ReadAsync(year.From, year.To, CancellationToken.None)).Count),
            ("  before: every index row", () => CountAsync(index, "PartitionKey eq 'all'", null, null)),
            ("dashboard: ballot counts of a budget (BudgetFigures)", async () => (int)await ballotBox.CountBallotsAsync(Budget, CancellationToken.None)),
            ("  before: every ballot of the budget", () => BallotsAsync(box)),
            ("inbox: open cases of an official's neighbourhood and team", () => CountAsync(index,
                $"PartitionKey eq 'all' and {new InitiativeFilter(OpenOnly: true) { Reach = new CaseReach(["buurt-3"], ["team-3"]) }.ToQuery()}", null, null, InitiativeStore.CaseColumns)),
            ("inbox: every open case (an administrator's CaseInbox)", () => CountAsync(index,
                $"PartitionKey eq 'all' and {new InitiativeFilter(OpenOnly: true).ToQuery()}", null, null, InitiativeStore.CaseColumns)),
            ("  before: every open case, whole rows", () => CountAsync(index, "PartitionKey eq 'all' and (Open eq true)", null, null)),
            ("inbox: one page of 50 open cases of a team", () => CountAsync(index, "PartitionKey eq 'all' and (Open eq true and TeamCode eq 'team-3')", 50, 1)),
            ("list: first page of 20 (ListInitiatives)", () => CountAsync(index, "PartitionKey eq 'all'", 20, 1)),
        };

        Console.WriteLine($"{"query",-58} {"rows",8} {"p50 ms",8} {"p95 ms",8}  target p95 < 200 ms");
        var allMet = true;
        foreach (var (name, query) in queries)
        {
            for (var i = 0; i < 3; i++) await query();
            var times = new double[runs];
            var rows = 0;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                rows = await query();
                times[i] = watch.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            var p95 = IngestionBench.Percentile(times, 0.95);
            allMet &= p95 < 200;
            Console.WriteLine($"{name,-58} {rows,8:N0} {IngestionBench.Percentile(times, 0.50),8:F0} {p95,8:F0}  {(p95 < 200 ? "met" : "MISSED")}");
        }

        return allMet ? 0 : 3;
    }

    private static async Task<int> CountAsync(TableClient table, string filter, int? pageSize, int? pages, IEnumerable<string>? select = null)
    {
        var count = 0;
        var read = 0;
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: select).AsPages(pageSizeHint: pageSize))
        {
            count += page.Values.Count;
            if (pages is { } limit && ++read >= limit) break;
        }

        return count;
    }

    // As BallotBox.ReadAllAsync: the 16 buckets in parallel, three properties each.
    private static async Task<int> BallotsAsync(TableClient box)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, 16).Select(async bucket =>
        {
            var count = 0;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {$"{Budget}|{bucket:x}"} and RowKey ge {"ballot|"} and RowKey lt {"ballot}"}");
            await foreach (var _ in box.QueryAsync<TableEntity>(filter, select: ["Projects", "Points", "Paper"]))
            {
                count++;
            }

            return count;
        }));
        return counts.Sum();
    }

    private static async Task SeedIndexAsync(TableClient index, int count)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            var submitted = start.AddMinutes(i * 50);
            var status = Statuses[i % Statuses.Length];
            return new TableEntity("all", $"{DateTimeOffset.MaxValue.UtcTicks - submitted.UtcTicks:D19}|BENCH{i:D6}")
            {
                ["Revision"] = 2L, ["TrackingCode"] = $"BENCH{i:D6}", ["Title"] = $"Initiatief {i}", ["Summary"] = new string('x', 200),
                ["Neighbourhood"] = $"buurt-{i % 12}", ["Theme"] = $"thema-{i % 8}", ["Status"] = status, ["TeamCode"] = $"team-{i % 6}",
                ["OwnerId"] = $"official-{i % 40}", ["Supports"] = i % 30, ["ThresholdReached"] = i % 30 == 0, ["SubmittedAt"] = submitted,
                ["DueDate"] = submitted.AddDays(7), ["FirstResponseAt"] = submitted.AddDays(2), ["Escalations"] = 0,
                ["Open"] = status is "submitted" or "routed" or "in-progress",
            };
        });
        await InsertAsync(index, rows);
    }

    private static async Task SeedBallotsAsync(TableClient box, int count)
    {
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            var voter = Guid.NewGuid().ToString("N");
            return new TableEntity($"{Budget}|{voter[0]}", "ballot|" + voter)
            {
                ["Projects"] = $"p{i % 7 + 1},p{(i + 3) % 7 + 1}", ["Paper"] = i % 10 == 0, ["SubmittedAt"] = DateTimeOffset.UtcNow, ["ReceiptHash"] = voter,
            };
        });
        var seeded = rows.ToList();
        await InsertAsync(box, seeded.Concat(seeded.GroupBy(r => r.PartitionKey).Select(p => new TableEntity(p.Key, "count") { ["Ballots"] = (long)p.Count(), ["Batched"] = 0L })));
    }

    // Entity-group transactions of 100 rows per partition, 16 at a time. Upserts: on a loaded machine the SDK repeats a
    // transaction whose answer was late, and a repeated insert would fail with 409 on rows it had just written.
    private static async Task InsertAsync(TableClient table, IEnumerable<TableEntity> rows)
    {
        var batches = rows.GroupBy(r => r.PartitionKey).SelectMany(p => p.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
    }

    private static async Task WaitForAsync(TableServiceClient service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                await foreach (var _ in service.QueryAsync(maxPerPage: 1)) break;
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
