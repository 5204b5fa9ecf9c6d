using Azure;
using Azure.Data.Tables;

namespace Participation.App.Privacy;

/// <summary>
/// Anyone can type someone else's address into a form; this caps how many e-mails one mailbox gets from us per hour, so
/// the platform cannot be used to flood a person. Counted per canonical address (plus-tags and Gmail dots are one
/// mailbox) under its pseudonym, in a table, so every instance shares the count.
/// </summary>
public sealed class RecipientThrottle(TableServiceClient tables, Pseudonyms pseudonyms, IOptions<PrivacyOptions> options, TimeProvider clock)
{
    public const string Table = "MailThrottle";
    private readonly TableClient table = tables.GetTableClient(Table);

    public int Limit => options.Value.MaxMailsPerAddressPerHour;

    /// <summary>Removes the counts of hours before <paramref name="before"/>: a mailbox's pseudonym is kept no longer than it counts.</summary>
    public async Task<int> RemoveHoursBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var hour = before.ToUniversalTime().ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        var old = new List<(string Partition, string Row)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey lt {hour}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            old.Add((entity.PartitionKey, entity.RowKey));
        }

        foreach (var (partition, row) in old)
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
        }

        return old.Count;
    }

    /// <summary>Counts one e-mail to <paramref name="email"/>; false when the address already had its share this hour.</summary>
    public async Task<bool> TryCountAsync(string email, CancellationToken cancellationToken)
    {
        var partition = pseudonyms.For("mail-recipient", EmailAddresses.Canonical(email));
        var hour = clock.GetUtcNow().ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        return await OptimisticConcurrency.RetryAsync<bool>(async ct =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, hour, cancellationToken: ct);
            var count = row.HasValue ? row.Value!.GetInt32("Count") ?? 0 : 0;
            if (count >= Limit)
            {
                return false;
            }

            // Another mail to the same address counted at the same moment makes this a conflict: count again on top of it.
            var counted = new TableEntity(partition, hour) { ["Count"] = count + 1, ["Hour"] = hour };
            return await OptimisticConcurrency.SaveAsync(table, counted, row.HasValue ? row.Value!.ETag : null, ct);
        }, whenBusy: () => false, cancellationToken, attempts: 10);
    }
}
