using Azure;
using Azure.Data.Tables;

namespace Participation.App.Audit;

/// <summary>
/// The audit trail is append-only: entries are written into the audited subject's own table partition, in the same
/// entity-group transaction as the change itself, so a change without its entry (or the reverse) cannot exist.
/// There is deliberately no update or delete of an entry anywhere in the code.
/// </summary>
public static class AuditTrail
{
    public const string RowKeyPrefix = "audit|";

    public static TableTransactionAction Append(string partitionKey, PlatformUser actor, string action, string subject, string? before, string? after, DateTimeOffset at)
    {
        var entity = new TableEntity(partitionKey, $"{RowKeyPrefix}{at.UtcTicks:D19}|{Guid.NewGuid():N}")
        {
            ["ActorId"] = actor.Id,
            ["Role"] = actor.PrimaryRole,
            ["Action"] = action,
            ["Subject"] = subject,
            ["Before"] = before,
            ["After"] = after,
            ["At"] = at,
            ["CorrelationId"] = Correlation.Current ?? "",
        };
        return new TableTransactionAction(TableTransactionActionType.Add, entity);
    }

    public static async Task<IReadOnlyList<AuditEntry>> ReadAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {RowKeyPrefix} and RowKey lt {"audit}"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(From(entity));
        }

        return entries;
    }

    public static async IAsyncEnumerable<AuditEntry> ReadAllAsync(TableClient table, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {RowKeyPrefix} and RowKey lt {"audit}"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return From(entity);
        }
    }

    private static AuditEntry From(TableEntity entity) => new(
        entity.GetString("ActorId") ?? "",
        entity.GetString("Role") ?? "",
        entity.GetString("Action") ?? "",
        entity.GetString("Subject") ?? "",
        entity.GetString("Before"),
        entity.GetString("After"),
        entity.GetDateTimeOffset("At") ?? default,
        entity.GetString("CorrelationId") ?? "");

    /// <summary>A change whose transaction failed on its ETag: someone else changed the subject first.</summary>
    public static bool IsConflict(RequestFailedException exception) => exception.Status is 409 or 412;
}
