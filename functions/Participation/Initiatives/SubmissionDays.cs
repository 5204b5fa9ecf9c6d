using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Participation.Initiatives.Lifecycle;

namespace Participation.App.Initiatives;

/// <summary>
/// What the council's figures need of one initiative: no title, text, code or person.
/// </summary>
public sealed record InitiativeFacts(
    [property: JsonPropertyName("n")] string Neighbourhood,
    [property: JsonPropertyName("t")] string? Theme,
    [property: JsonPropertyName("s")] InitiativeStatus Status,
    [property: JsonPropertyName("at")] DateTimeOffset SubmittedAt,
    [property: JsonPropertyName("r")] DateTimeOffset? FirstResponseAt,
    [property: JsonPropertyName("d")] DateTimeOffset? DecidedAt,
    [property: JsonPropertyName("e")] int Escalations,
    [property: JsonPropertyName("u")] int Supports,
    [property: JsonPropertyName("h")] bool ThresholdReached);

/// <summary>
/// The index summed up per day of submission (UTC), beside it in the index table: one row per day holding the
/// <see cref="InitiativeFacts"/> of every initiative submitted that day. The council's dashboard reads the days of its
/// periods (a few hundred small rows) instead of every index row. A day is rebuilt from that day's index rows after any
/// of them is written, and saved under the day row's ETag: of two rebuilds racing, the one that loses reads again, so
/// the last rebuild saved has seen the last index write.
/// </summary>
internal sealed class SubmissionDays(TableClient index, string indexPartition)
{
    private const string Partition = "days";
    private const string Complete = "complete";
    // A string property holds at most 32K UTF-16 characters; a busy day's facts are spread over several.
    private const int PartLength = 30_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private bool built;

    /// <summary>The day rows from the day of <paramref name="from"/> to that of <paramref name="to"/>, facts submitted in [from, to).</summary>
    public async Task<IReadOnlyList<InitiativeFacts>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await EnsureBuiltAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and RowKey ge {DayKey(from)} and RowKey le {DayKey(to)}");
        var facts = new List<InitiativeFacts>();
        await foreach (var row in index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            facts.AddRange(FactsOf(row).Where(f => f.SubmittedAt >= from && f.SubmittedAt < to));
        }

        return facts;
    }

    /// <summary>Rebuilds the day on which <paramref name="submittedAt"/> falls from its index rows.</summary>
    public Task RefreshAsync(DateTimeOffset submittedAt, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RetryAsync(
            async token =>
            {
                var day = DayKey(submittedAt);
                var existing = await index.GetEntityIfExistsAsync<TableEntity>(Partition, day, select: ["RowKey"], cancellationToken: token);
                var row = ToRow(day, await IndexedOnAsync(submittedAt, token));
                return await OptimisticConcurrency.SaveAsync(index, row, existing.HasValue ? existing.Value!.ETag : null, token);
            },
            () => throw new InvalidOperationException("A day of the index kept changing while it was summed up."),
            cancellationToken,
            attempts: 20);

    /// <summary>
    /// The first read after an upgrade (or on a new store) sums up every day the index holds once, so the figures never
    /// miss initiatives indexed before the days were kept; a marker row says it was done.
    /// </summary>
    private async Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        if (built || (await index.GetEntityIfExistsAsync<TableEntity>(Partition, Complete, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue)
        {
            built = true;
            return;
        }

        var days = new HashSet<string>();
        var submitted = new List<DateTimeOffset>();
        var everything = TableClient.CreateQueryFilter($"PartitionKey eq {indexPartition}");
        await foreach (var row in index.QueryAsync<TableEntity>(everything, select: ["SubmittedAt"], cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("SubmittedAt") is { } at && days.Add(DayKey(at)))
            {
                submitted.Add(at);
            }
        }

        await Parallel.ForEachAsync(submitted, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (at, token) => await RefreshAsync(at, token));
        await index.UpsertEntityAsync(new TableEntity(Partition, Complete), TableUpdateMode.Replace, cancellationToken);
        built = true;
    }

    private async Task<List<InitiativeFacts>> IndexedOnAsync(DateTimeOffset submittedAt, CancellationToken cancellationToken)
    {
        // Index row keys start with the inverted submission time, so one UTC day is one key range.
        var start = new DateTimeOffset(submittedAt.UtcDateTime.Date, TimeSpan.Zero);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {indexPartition} and RowKey ge {InvertedTicks(start.AddDays(1).AddTicks(-1))} and RowKey lt {InvertedTicks(start.AddTicks(-1))}");
        var facts = new List<InitiativeFacts>();
        string[] columns = ["Neighbourhood", "Theme", "Status", "SubmittedAt", "FirstResponseAt", "DecidedAt", "Escalations", "Supports", "ThresholdReached"];
        await foreach (var e in index.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: cancellationToken))
        {
            facts.Add(new InitiativeFacts(
                e.GetString("Neighbourhood") ?? "", e.GetString("Theme"), InitiativeStatusNames.Parse(e.GetString("Status") ?? "submitted"),
                e.GetDateTimeOffset("SubmittedAt") ?? default, e.GetDateTimeOffset("FirstResponseAt"), e.GetDateTimeOffset("DecidedAt"),
                e.GetInt32("Escalations") ?? 0, e.GetInt32("Supports") ?? 0, e.GetBoolean("ThresholdReached") ?? false));
        }

        return facts;
    }

    public static string InvertedTicks(DateTimeOffset at) => $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}";

    private static string DayKey(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TableEntity ToRow(string day, List<InitiativeFacts> facts)
    {
        var json = JsonSerializer.Serialize(facts, Json);
        var row = new TableEntity(Partition, day) { ["Count"] = facts.Count, ["Parts"] = (json.Length + PartLength - 1) / PartLength };
        for (var part = 0; part * PartLength < json.Length; part++)
        {
            row[$"Facts{part}"] = json.Substring(part * PartLength, Math.Min(PartLength, json.Length - part * PartLength));
        }

        return row;
    }

    private static IEnumerable<InitiativeFacts> FactsOf(TableEntity row)
    {
        var parts = row.GetInt32("Parts") ?? 0;
        var json = string.Concat(Enumerable.Range(0, parts).Select(part => row.GetString($"Facts{part}")));
        return json.Length == 0 ? [] : JsonSerializer.Deserialize<List<InitiativeFacts>>(json, Json) ?? [];
    }
}
