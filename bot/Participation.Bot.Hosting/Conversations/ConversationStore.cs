using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Participation.Bot.Dialogue;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Conversations;

/// <summary>Another turn changed the conversation since it was read; read it again and redo the turn.</summary>
public sealed class ConversationChangedException(Exception inner) : Exception("The conversation changed while this turn ran.", inner);

/// <summary>A page of the transcript after a watermark, and the watermark to ask from next.</summary>
public sealed record ActivityPage(IReadOnlyList<Activity> Activities, long Watermark);

/// <summary>An event the engine emitted, kept until the host has acted on it.</summary>
public sealed record PendingEvent(string RowKey, Activity Activity);

/// <summary>
/// One partition per conversation: the conversation row, its transcript (<c>a0000000001</c> …) and its outbox
/// (<c>o…</c>). A turn writes all three in one entity-group transaction guarded by the conversation row's ETag, so a
/// turn either happened completely or not at all, and two turns at once cannot both win.
/// </summary>
public sealed class ConversationStore(BotTables tables, TimeProvider clock)
{
    private const string ConversationRow = "conversation";
    private const string QueuedAt = "QueuedAt";
    private const int TransactionLimit = 100;
    private readonly TableClient table = tables.ConversationTable;

    public async Task<ConversationRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(key, ConversationRow, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>Creates the conversation with its first transcript activities; false when it already exists.</summary>
    public async Task<bool> CreateAsync(ConversationRecord record, IReadOnlyList<Activity> transcript, CancellationToken cancellationToken)
    {
        var (logged, next) = Number(record.Key, record.NextSequence, transcript, 'a');
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, ToEntity(record with { NextSequence = next })) };
        actions.AddRange(logged.Select(a => new TableTransactionAction(TableTransactionActionType.Add, a)));
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Stores the conversation as <paramref name="updated"/> if it is still as <paramref name="read"/> left it, appends
    /// <paramref name="transcript"/> (numbered here, stamped with ids) and puts <paramref name="events"/> in the outbox.
    /// </summary>
    public async Task<(ConversationRecord Record, IReadOnlyList<Activity> Logged)> CommitAsync(
        ConversationRecord read, ConversationRecord updated, IReadOnlyList<Activity> transcript, IReadOnlyList<Activity> events,
        CancellationToken cancellationToken)
    {
        var (logged, afterLog) = Number(read.Key, read.NextSequence, transcript, 'a');
        var (outbox, next) = Number(read.Key, afterLog, events, 'o');
        if (1 + logged.Count + outbox.Count > TransactionLimit)
        {
            throw new InvalidOperationException("A turn produced more activities than one transaction can store.");
        }

        var record = updated with { NextSequence = next };
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, ToEntity(record), read.ETag) };
        actions.AddRange(logged.Concat(outbox).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken);
            var etag = response.Value[0].Headers.ETag ?? default;
            return (record with { ETag = etag }, logged.Select(e => ActivityJson.Deserialize(LongText.Read(e, "Activity")!)).ToList());
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 409)
        {
            throw new ConversationChangedException(exception);
        }
    }

    /// <summary>The transcript after <paramref name="watermark"/> (0 = from the start), at most <paramref name="max"/> activities.</summary>
    public async Task<ActivityPage> ReadTranscriptAsync(string key, long watermark, int max, CancellationToken cancellationToken)
    {
        var activities = new List<Activity>();
        var last = watermark;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey gt {RowKey('a', watermark)} and RowKey lt {"b"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            activities.Add(ActivityJson.Deserialize(LongText.Read(entity, "Activity")!));
            last = long.Parse(entity.RowKey.AsSpan(1), CultureInfo.InvariantCulture);
            if (activities.Count == max)
            {
                break;
            }
        }

        return new ActivityPage(activities, last);
    }

    public async Task<IReadOnlyList<PendingEvent>> ReadOutboxAsync(string key, CancellationToken cancellationToken)
    {
        var pending = new List<PendingEvent>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey ge {"o"} and RowKey lt {"p"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            pending.Add(new PendingEvent(entity.RowKey, ActivityJson.Deserialize(LongText.Read(entity, "Activity")!)));
        }

        return pending;
    }

    public async Task RemoveFromOutboxAsync(string key, string rowKey, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(key, rowKey, ETag.All, cancellationToken);

    /// <summary>
    /// Conversations with events in their outbox since before <paramref name="queuedBefore"/>: acting on them right after
    /// their turn failed. A scan of the outbox's row-key range, for the sweep timer only.
    /// </summary>
    public async Task<IReadOnlyList<string>> WithPendingEventsAsync(DateTimeOffset queuedBefore, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"o"} and RowKey lt {"p"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", QueuedAt], cancellationToken: cancellationToken))
        {
            // Rows from before the time was kept count as old.
            if ((entity.GetDateTimeOffset(QueuedAt) ?? DateTimeOffset.MinValue) < queuedBefore)
            {
                keys.Add(entity.PartitionKey);
            }
        }

        return [.. keys];
    }

    private (List<TableEntity> Entities, long Next) Number(string key, long first, IReadOnlyList<Activity> activities, char prefix)
    {
        var entities = new List<TableEntity>();
        var sequence = first;
        foreach (var activity in activities)
        {
            // The transcript is kept; the outbox ('o') is deleted once acted on and must still carry the address to act on.
            var stamped = prefix == 'a' ? Redacted(activity) with { Id = ActivityId(key, sequence) } : activity;
            var entity = new TableEntity(key, RowKey(prefix, sequence));
            LongText.Write(entity, "Activity", ActivityJson.Serialize(stamped));
            if (prefix == 'o')
            {
                entity[QueuedAt] = clock.GetUtcNow();
            }

            entities.Add(entity);
            sequence++;
        }

        return (entities, sequence);
    }

    private static Activity Redacted(Activity activity) =>
        activity.Text is { } text && EmailRedaction.ContainsAddress(text) ? activity with { Text = EmailRedaction.Redact(text) } : activity;

    /// <summary>Removes the conversation with its transcript and outbox (a privacy request, or retention); false when there was none.</summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {key}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(entity.RowKey);
        }

        // The conversation row goes last: while it exists, a half-finished deletion is found again and finished.
        foreach (var chunk in rows.Where(r => r != ConversationRow).Chunk(TransactionLimit))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(key, r), ETag.All)), cancellationToken);
        }

        if (rows.Contains(ConversationRow))
        {
            await table.DeleteEntityAsync(key, ConversationRow, ETag.All, cancellationToken);
        }

        return rows.Count > 0;
    }

    /// <summary>Keys of conversations started before <paramref name="createdBefore"/>, for the retention timer.</summary>
    public async Task<IReadOnlyList<string>> StartedBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {ConversationRow} and CreatedAt lt {createdBefore}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.PartitionKey);
        }

        return keys;
    }

    /// <summary>The id of the transcript activity with this sequence number, Direct Line style: conversation|sequence.</summary>
    public static string ActivityId(string key, long sequence) => $"{key}|{sequence:D7}";

    private static string RowKey(char prefix, long sequence) => prefix + sequence.ToString("D10", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(ConversationRecord record)
    {
        var entity = new TableEntity(record.Key, ConversationRow)
        {
            ["Transport"] = record.Transport.ToString(),
            ["ChannelId"] = record.ChannelId,
            ["ServiceUrl"] = record.ServiceUrl,
            ["Conversation"] = JsonSerializer.Serialize(record.Conversation, HostingJson.Default.ConversationAccount),
            ["Bot"] = JsonSerializer.Serialize(record.Bot, HostingJson.Default.ChannelAccount),
            ["User"] = JsonSerializer.Serialize(record.User, HostingJson.Default.ChannelAccount),
            ["CreatedAt"] = record.CreatedAt,
            ["NextSequence"] = record.NextSequence,
            ["ResidentMessages"] = record.ResidentMessages,
        };
        LongText.Write(entity, "State", EmailRedaction.Redact(record.State).ToJson());
        return entity;
    }

    private static ConversationRecord FromEntity(TableEntity entity) => new()
    {
        Key = entity.PartitionKey,
        Transport = Enum.Parse<Transport>(entity.GetString("Transport")),
        ChannelId = entity.GetString("ChannelId"),
        ServiceUrl = entity.GetString("ServiceUrl"),
        Conversation = JsonSerializer.Deserialize(entity.GetString("Conversation"), HostingJson.Default.ConversationAccount)!,
        Bot = JsonSerializer.Deserialize(entity.GetString("Bot"), HostingJson.Default.ChannelAccount)!,
        User = JsonSerializer.Deserialize(entity.GetString("User"), HostingJson.Default.ChannelAccount)!,
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        NextSequence = entity.GetInt64("NextSequence") ?? 1,
        ResidentMessages = entity.GetInt32("ResidentMessages") ?? 0,
        State = LongText.Read(entity, "State") is { } json ? ConversationState.FromJson(json) : ConversationState.New,
        ETag = entity.ETag,
    };
}
