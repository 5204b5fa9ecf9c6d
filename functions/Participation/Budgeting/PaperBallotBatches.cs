using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>A batch of paper ballots as stored: uploaded by one official, counted once another has confirmed it.</summary>
public sealed record PaperBatch(
    string BatchId, string Status, string UploadedBy, DateTimeOffset UploadedAt, int Rows, int RejectedOnUpload, int DuplicatesInFile,
    string? ConfirmedBy, DateTimeOffset? ConfirmedAt, int? Imported, IReadOnlyList<int> Duplicates, IReadOnlyList<PaperBatch.LineProblem> Rejected)
{
    public const string Pending = "pending";
    /// <summary>Confirmed and being counted; a confirmation that was cut off resumes where it was.</summary>
    public const string Confirmed = "confirmed";
    public const string Counted = "counted";
    /// <summary>
    /// Confirmed, but the results moved on before it was counted: its ballots stay out of every count, and its codes
    /// stay used (a voter cannot be told their paper ballot was refused).
    /// </summary>
    public const string Refused = "refused";

    public sealed record LineProblem(int Line, string Reason);

    public string ETag { get; init; } = "";
}

/// <summary>One paper ballot of a batch, checked against the ballot rule on upload: line number, code and choice.</summary>
public sealed record PaperRow(int Line, string Code, IReadOnlyList<string> Projects, IReadOnlyList<long>? Points)
{
    public Ballot Ballot => Points is { } points
        ? Ballot.Cumulative(Projects.Zip(points, (id, value) => KeyValuePair.Create(id, value)))
        : Ballot.Approval(Projects);
}

/// <summary>
/// Paper batches live in their budget's partition of the Budgets table, next to the budget row and its audit trail, so a
/// batch's change of state and its audit entry are one entity-group transaction. A batch is a small header row
/// (<c>_paper|{batch}</c>) and its ballots in chunk rows (<c>_paperrows|{batch}|{n}</c>): 50,000 rows do not fit one
/// entity (≤ 1 MiB, a string ≤ 32K characters) nor one transaction (≤ 4 MiB), so chunks are written first and the
/// batch exists only from the moment its header commits with its audit entry; chunks of an upload that failed before
/// that are never read. Both prefixes sort before <c>audit|</c> and <c>budget</c>, so reading a budget or its trail
/// never reads a batch.
/// </summary>
public sealed class PaperBallotBatches(BudgetStore store)
{
    private const string HeaderPrefix = "_paper|";
    private const string ChunkPrefix = "_paperrows|";
    private const int PropertyChars = 30_000; // a string property holds at most 32K characters
    private const int PropertiesPerChunk = 12; // 12 × 30K UTF-16 characters ≈ 720 KB, under an entity's 1 MiB
    private const int ListedLines = 1_000; // line numbers kept on the header; the full lists go back in the responses

    private TableClient Table => store.BudgetsTable;

    public static string NewId() => Guid.NewGuid().ToString("N")[..16];

    /// <summary>Writes the batch's rows; they stay invisible until <see cref="AddAsync"/> commits.</summary>
    public async Task WriteRowsAsync(string budgetId, string batchId, IReadOnlyList<PaperRow> rows, CancellationToken cancellationToken)
    {
        var lines = rows.Select(Encode).ToList();
        var chunk = 0;
        var entity = new TableEntity(budgetId, $"{ChunkPrefix}{batchId}|{chunk:D4}");
        var property = 0;
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (text.Length + line.Length + 1 > PropertyChars)
            {
                entity[$"R{property++}"] = text.ToString();
                text.Clear();
                if (property == PropertiesPerChunk)
                {
                    await Table.AddEntityAsync(entity, cancellationToken);
                    entity = new TableEntity(budgetId, $"{ChunkPrefix}{batchId}|{++chunk:D4}");
                    property = 0;
                }
            }

            text.Append(line).Append('\n');
        }

        if (text.Length > 0)
        {
            entity[$"R{property}"] = text.ToString();
        }

        await Table.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<IReadOnlyList<PaperRow>> ReadRowsAsync(string budgetId, string batchId, CancellationToken cancellationToken)
    {
        var rows = new List<PaperRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {budgetId} and RowKey ge {ChunkPrefix + batchId + "|"} and RowKey lt {ChunkPrefix + batchId + "}"}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            for (var i = 0; entity.GetString($"R{i}") is { } text; i++)
            {
                rows.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Decode));
            }
        }

        return rows;
    }

    /// <summary>Makes an uploaded batch exist: its header commits with its audit entry. False when the batch id is taken.</summary>
    public Task<bool> AddAsync(string budgetId, PaperBatch batch, PlatformUser actor, string audit, CancellationToken cancellationToken) =>
        store.CommitAsync(budgetId, actor, "budget.paper-ballots-uploaded", null, audit,
        [
            new(TableTransactionActionType.Add, new TableEntity(budgetId, HeaderPrefix + batch.BatchId)
            {
                ["Status"] = batch.Status, ["UploadedBy"] = batch.UploadedBy, ["UploadedAt"] = batch.UploadedAt, ["Rows"] = batch.Rows,
                ["RejectedOnUpload"] = batch.RejectedOnUpload, ["DuplicatesInFile"] = batch.DuplicatesInFile,
            }),
        ], cancellationToken);

    /// <summary>Pending → confirmed, with its audit entry, only if the header is as read (one confirmation wins a race).</summary>
    public Task<bool> ConfirmAsync(string budgetId, PaperBatch batch, PlatformUser confirmedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.CommitAsync(budgetId, confirmedBy, "budget.paper-ballots-confirmed", $"batch={batch.BatchId}; uploaded-by={batch.UploadedBy}", $"rows={batch.Rows}",
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity(budgetId, HeaderPrefix + batch.BatchId)
            {
                ["Status"] = PaperBatch.Confirmed, ["ConfirmedBy"] = confirmedBy.Id, ["ConfirmedAt"] = at,
            }, new ETag(batch.ETag)),
        ], cancellationToken);

    /// <summary>
    /// Confirmed → counted, with what the count found and its audit entry, only if the header is as read and the budget
    /// row is still at <paramref name="budgetVersion"/> (read while it took paper ballots); the budget is marked changed
    /// with it, so its stored results are counted again. A phase move in between makes this fail: read both again.
    /// </summary>
    public Task<bool> MarkCountedAsync(
        string budgetId, string budgetVersion, PaperBatch batch, PlatformUser actor, int imported, IReadOnlyList<int> duplicates,
        IReadOnlyList<PaperBatch.LineProblem> rejected, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.CommitAsync(budgetId, actor, "budget.paper-ballots-counted", $"batch={batch.BatchId}",
            $"imported={imported}; duplicates={duplicates.Count}; rejected={rejected.Count}",
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity(budgetId, HeaderPrefix + batch.BatchId)
            {
                ["Status"] = PaperBatch.Counted, ["Imported"] = imported,
                ["Duplicates"] = JsonSerializer.Serialize(duplicates.Take(ListedLines)),
                ["Rejected"] = JsonSerializer.Serialize(rejected.Take(ListedLines)),
                ["DuplicateCount"] = duplicates.Count, ["RejectedCount"] = rejected.Count,
            }, new ETag(batch.ETag)),
            BudgetStore.BallotsChanged(budgetId, budgetVersion, at),
        ], cancellationToken);

    /// <summary>Confirmed → refused, with its audit entry, only if the header is as read: the results moved on first.</summary>
    public Task<bool> RefuseAsync(string budgetId, PaperBatch batch, PlatformUser actor, string phase, CancellationToken cancellationToken) =>
        store.CommitAsync(budgetId, actor, "budget.paper-ballots-refused", $"batch={batch.BatchId}", $"phase={phase}",
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity(budgetId, HeaderPrefix + batch.BatchId) { ["Status"] = PaperBatch.Refused },
                new ETag(batch.ETag)),
        ], cancellationToken);

    /// <summary>
    /// The batches whose ballots count: counted ones. A ballot cast by any other batch — still being counted, or refused —
    /// is in no count, so a count never holds part of a batch.
    /// </summary>
    public async Task<IReadOnlySet<string>> CountedAsync(string budgetId, CancellationToken cancellationToken) =>
        (await ListAsync(budgetId, cancellationToken)).Where(b => b.Status == PaperBatch.Counted).Select(b => b.BatchId).ToHashSet(StringComparer.Ordinal);

    public async Task<PaperBatch?> FindAsync(string budgetId, string batchId, CancellationToken cancellationToken)
    {
        if (batchId.Length is 0 or > 64 || !batchId.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var row = await Table.GetEntityIfExistsAsync<TableEntity>(budgetId, HeaderPrefix + batchId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? From(entity) : null;
    }

    /// <summary>A budget's batches, newest first.</summary>
    public async Task<IReadOnlyList<PaperBatch>> ListAsync(string budgetId, CancellationToken cancellationToken)
    {
        var list = new List<PaperBatch>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {budgetId} and RowKey ge {HeaderPrefix} and RowKey lt {"_paper}"}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(From(entity));
        }

        return list.OrderByDescending(b => b.UploadedAt).ToList();
    }

    private static PaperBatch From(TableEntity e) => new(
        e.RowKey[HeaderPrefix.Length..], e.GetString("Status") ?? PaperBatch.Pending, e.GetString("UploadedBy") ?? "",
        e.GetDateTimeOffset("UploadedAt") ?? default, e.GetInt32("Rows") ?? 0, e.GetInt32("RejectedOnUpload") ?? 0, e.GetInt32("DuplicatesInFile") ?? 0,
        e.GetString("ConfirmedBy"), e.GetDateTimeOffset("ConfirmedAt"), e.GetInt32("Imported"),
        e.GetString("Duplicates") is { } d ? JsonSerializer.Deserialize<List<int>>(d)! : [],
        e.GetString("Rejected") is { } r ? JsonSerializer.Deserialize<List<PaperBatch.LineProblem>>(r)! : [])
    {
        ETag = e.ETag.ToString(),
    };

    // Only rows that passed the rule are stored, so codes and project ids hold no tab or newline.
    private static string Encode(PaperRow row) => string.Join('\t',
        row.Line.ToString(CultureInfo.InvariantCulture), row.Code, string.Join(',', row.Projects),
        row.Points is { } points ? string.Join(',', points.Select(p => p.ToString(CultureInfo.InvariantCulture))) : "");

    private static PaperRow Decode(string line)
    {
        var parts = line.Split('\t');
        return new PaperRow(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries),
            parts[3].Length == 0 ? null : parts[3].Split(',').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToList());
    }
}
