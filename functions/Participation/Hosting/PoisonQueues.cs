using Azure.Data.Tables;
using Azure.Storage.Queues;
using Participation.App.Audit;

namespace Participation.App.Hosting;

/// <summary>
/// What failed for good: messages a function gave up on after maxDequeueCount attempts, in <c>&lt;queue&gt;-poison</c>.
/// An admin sees them (ids, times and attempts; no content, which may hold personal data) and, once the cause is fixed,
/// puts them back on their queue. Handlers are idempotent, so a requeued message that was half done does no harm.
/// Each put-back is an entry in the audit log (table <see cref="AuditTable"/>, one partition per poison queue).
/// </summary>
public sealed class PoisonQueues(StorageLayout layout, QueueServiceClient queues, TableServiceClient tables, TimeProvider clock, ILogger<PoisonQueues> logger)
{
    public const int MaxPerRequeue = 32;
    public const string AuditTable = "OperationsAudit";
    public const string AuditAction = "poison.requeued";

    public sealed record QueueView(string Queue, int Messages, IReadOnlyList<MessageView> Newest);
    public sealed record MessageView(string Id, DateTimeOffset? InsertedOn, long DequeueCount);

    public abstract record RequeueOutcome;
    public sealed record Requeued(string Queue, int Count) : RequeueOutcome;
    public sealed record UnknownQueue(string Queue) : RequeueOutcome
    {
        public const string Code = "poison.unknown_queue";
    }

    public IEnumerable<string> Names => layout.Queues.Where(q => q.EndsWith(PoisonQueue.Suffix, StringComparison.Ordinal));

    public async Task<IReadOnlyList<QueueView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<QueueView>();
        foreach (var name in Names)
        {
            var client = queues.GetQueueClient(name);
            var count = (await client.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            var peeked = (await client.PeekMessagesAsync(MaxPerRequeue, cancellationToken)).Value;
            views.Add(new QueueView(name, Math.Max(count, peeked.Length), peeked.Select(m => new MessageView(m.MessageId, m.InsertedOn, m.DequeueCount)).ToList()));
        }

        return views;
    }

    /// <summary>Moves up to <see cref="MaxPerRequeue"/> messages (all, or those named) from a poison queue back to its queue.</summary>
    public async Task<RequeueOutcome> RequeueAsync(string poisonQueue, IReadOnlyCollection<string>? messageIds, PlatformUser admin, CancellationToken cancellationToken)
    {
        if (!Names.Contains(poisonQueue))
        {
            return new UnknownQueue(poisonQueue);
        }

        var poison = queues.GetQueueClient(poisonQueue);
        var target = queues.GetQueueClient(poisonQueue[..^PoisonQueue.Suffix.Length]);
        var received = (await poison.ReceiveMessagesAsync(MaxPerRequeue, TimeSpan.FromSeconds(30), cancellationToken)).Value;
        var moved = 0;
        foreach (var message in received)
        {
            if (messageIds is { Count: > 0 } && !messageIds.Contains(message.MessageId))
            {
                await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                continue;
            }

            // Send before delete: a failure in between leaves a duplicate, never a loss.
            await target.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
            await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            moved++;
        }

        logger.Requeued(moved, poisonQueue, target.Name, admin.Id);
        if (moved > 0)
        {
            // Written after the move, which a queue cannot share a transaction with: a failure here leaves the messages
            // back on their queue and the log line above as the only trace.
            var entry = AuditTrail.Append(poisonQueue, admin, AuditAction, $"queue/{poisonQueue}", null, $"{moved} → {target.Name}", clock.GetUtcNow());
            await tables.GetTableClient(AuditTable).AddEntityAsync((TableEntity)entry.Entity, cancellationToken);
        }

        return new Requeued(target.Name, moved);
    }
}

internal static partial class PoisonLog
{
    [LoggerMessage(LogLevel.Warning, "{Count} messages moved from {PoisonQueue} back to {Queue} by admin {AdminId}")]
    public static partial void Requeued(this ILogger logger, int count, string poisonQueue, string queue, string adminId);
}
