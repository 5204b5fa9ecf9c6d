using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Participation.App.Storage;

/// <summary>
/// Something that must happen because a change was stored, written as an outbox row in the changed entity's partition in
/// the same entity-group transaction as the change: either both are stored or neither. With a <see cref="Key"/> the row
/// is one per partition, replaced by each change (an index row needs only the latest); without, each effect is its own row.
/// </summary>
public sealed record SideEffect(string Kind, string? Queue, string? Payload)
{
    public const string SendToQueue = "queue";

    /// <summary>Set for effects where only the latest matters: each change replaces the pending row instead of adding one.</summary>
    public string? Key { get; init; }

    public static SideEffect Enqueue<T>(string queue, T message) => new(SendToQueue, queue, QueueEnvelope.Wrap(message).GetRawText());
}

/// <summary>
/// A transactional outbox over one table whose partitions hold an entity, its history and its pending side effects.
/// The owning store adds <see cref="Rows"/> to the transaction of a change and calls <see cref="DispatchSoonAsync"/> after
/// it; what fails then is carried out by the queue function <c>DispatchOutbox</c> or the timer <c>SweepOutboxes</c>
/// (both in Hosting). Effects must be idempotent: a crash between an effect and the delete of its row repeats it.
/// </summary>
public sealed class Outbox(string name, TableClient table, QueueServiceClient queues, TimeProvider clock, ILogger logger)
{
    /// <summary>The queue of <see cref="OutboxPending"/> messages, shared by every outbox.</summary>
    public const string Queue = "outbox";
    private const string Prefix = "outbox|";
    private const string End = "outbox}";

    public string Name => name;

    /// <summary>Carries out the owner's own kinds of effect (anything but <see cref="SideEffect.SendToQueue"/>); false for an unknown kind.</summary>
    public Func<string, TableEntity, CancellationToken, Task<bool>>? CarryOutOwn { get; init; }

    /// <summary>The outbox rows of <paramref name="effects"/>, for the transaction of the change in <paramref name="partition"/>.</summary>
    public IEnumerable<TableTransactionAction> Rows(string partition, IEnumerable<SideEffect> effects)
    {
        var now = clock.GetUtcNow();
        var sequence = 0;
        foreach (var effect in effects)
        {
            var entity = new TableEntity(partition, effect.Key is { } key ? Prefix + key : $"{Prefix}{now.UtcTicks:D19}|{sequence++:D3}|{Guid.NewGuid():N}")
            {
                ["Kind"] = effect.Kind,
                ["Queue"] = effect.Queue,
                ["Payload"] = effect.Payload,
                ["CreatedAt"] = now,
            };
            yield return new TableTransactionAction(effect.Key is null ? TableTransactionActionType.Add : TableTransactionActionType.UpsertReplace, entity);
        }
    }

    /// <summary>
    /// Carries out every pending side effect of one partition, deleting each row once done; throws when storage or a queue
    /// fails (the rows of the failed effects stay). Returns how many rows were pending.
    /// </summary>
    public async Task<int> DispatchAsync(string partition, CancellationToken cancellationToken)
    {
        var pending = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {Prefix} and RowKey lt {End}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            pending.Add(row);
        }

        var failures = new List<Exception>();
        foreach (var row in pending)
        {
            try
            {
                await CarryOutAsync(partition, row, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One failed effect must not hold up the others (an index row, say, when only the queue is away).
                failures.Add(exception);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} of {pending.Count} side effects in {name}/{partition} failed; their outbox rows stay.", failures);
        }

        return pending.Count;
    }

    private async Task CarryOutAsync(string partition, TableEntity row, CancellationToken cancellationToken)
    {
        var kind = row.GetString("Kind") ?? "";
        if (kind == SideEffect.SendToQueue)
        {
            await queues.GetQueueClient(row.GetString("Queue")).SendMessageAsync(row.GetString("Payload"), cancellationToken);
        }
        else if (CarryOutOwn is null || !await CarryOutOwn(partition, row, cancellationToken))
        {
            logger.UnknownEffect(name, partition, kind);
        }

        try
        {
            // With the row's ETag: a keyed row replaced by a newer change meanwhile stays for the next dispatch.
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
        }
    }

    /// <summary>
    /// Right after a change: carry out its effects now, so people see them at once. If that fails, ask the queue function
    /// to try again; if even that fails, the sweep finds the rows. The change itself stands either way.
    /// </summary>
    public async Task DispatchSoonAsync(string partition)
    {
        try
        {
            // Not the request's token: once the change is stored, its effects should follow even if the caller gave up.
            await DispatchAsync(partition, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.DispatchDeferred(exception, name, partition);
            try
            {
                await queues.GetQueueClient(Queue).SendMessageAsync(QueueEnvelope.Wrap(new OutboxPending(partition, name)).GetRawText(), CancellationToken.None);
            }
            catch (Exception queueFailure)
            {
                logger.LeftForSweep(queueFailure, name, partition);
            }
        }
    }

    /// <summary>Partitions with outbox rows older than <paramref name="before"/>: their dispatch right after the change failed.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        // A scan with a row-key range: run by the sweep timer only, never on a request.
        var filter = TableClient.CreateQueryFilter($"RowKey ge {Prefix} and RowKey lt {End} and CreatedAt lt {before}");
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            partitions.Add(row.PartitionKey);
        }

        return [.. partitions];
    }
}

/// <summary>A partition of the outbox named <see cref="Outbox"/> has rows waiting.</summary>
public sealed record OutboxPending(string Partition, string Outbox);

internal static partial class OutboxLog
{
    [LoggerMessage(LogLevel.Warning, "Side effects in {Outbox}/{Partition} could not be carried out at once; a queue function retries them")]
    public static partial void DispatchDeferred(this ILogger logger, Exception exception, string outbox, string partition);

    [LoggerMessage(LogLevel.Warning, "Side effects in {Outbox}/{Partition} wait for the outbox sweep")]
    public static partial void LeftForSweep(this ILogger logger, Exception exception, string outbox, string partition);

    [LoggerMessage(LogLevel.Error, "{Outbox}/{Partition} has an outbox row of unknown kind {Kind}; it is dropped")]
    public static partial void UnknownEffect(this ILogger logger, string outbox, string partition, string kind);
}
