using Azure;
using Azure.Data.Tables;

namespace Participation.App.Privacy;

/// <summary>How to reach a resident about one case: kept apart from the case's public content, never logged, removed after retention.</summary>
public sealed record Contact(string Subject, string Email, string Locale, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

/// <summary>
/// Contact details live in their own table: public views never read it, and deleting a resident's data is deleting rows
/// here. Each contact also has an index row under the e-mail's pseudonym so that a verified resident can find all of theirs.
/// </summary>
public sealed class ContactStore(TableServiceClient tables, Pseudonyms pseudonyms)
{
    public const string Table = "Contacts";
    private const string ContactRow = "contact";
    private readonly TableClient table = tables.GetTableClient(Table);

    public async Task SaveAsync(Contact contact, CancellationToken cancellationToken)
    {
        await table.UpsertEntityAsync(new TableEntity(contact.Subject, ContactRow)
        {
            ["Email"] = contact.Email,
            ["Locale"] = contact.Locale,
            ["CreatedAt"] = contact.CreatedAt,
            ["ClosedAt"] = contact.ClosedAt,
        }, TableUpdateMode.Replace, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(IndexPartition(contact.Email), contact.Subject), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<Contact?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(subject, ContactRow, cancellationToken: cancellationToken);
        return entity.HasValue ? From(entity.Value!) : null;
    }

    public async Task MarkClosedAsync(string subject, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(subject, ContactRow) { ["ClosedAt"] = at };
        try
        {
            await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // No contact was left for this case: nothing to close.
        }
    }

    /// <summary>Every subject (case) a resident gave this e-mail address for.</summary>
    public async Task<IReadOnlyList<Contact>> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var contacts = new List<Contact>();
        await foreach (var index in table.QueryAsync<TableEntity>(e => e.PartitionKey == IndexPartition(email), cancellationToken: cancellationToken))
        {
            if (await FindAsync(index.RowKey, cancellationToken) is { } contact)
            {
                contacts.Add(contact);
            }
        }

        return contacts;
    }

    public async Task<int> DeleteByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var contacts = await FindByEmailAsync(email, cancellationToken);
        foreach (var contact in contacts)
        {
            await DeleteAsync(contact, cancellationToken);
        }

        return contacts.Count;
    }

    /// <summary>Contacts whose subject starts with <paramref name="prefix"/> (the followers of one initiative): a range of partitions.</summary>
    public async Task<IReadOnlyList<Contact>> FindByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var found = new List<Contact>();
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {end} and RowKey eq {ContactRow}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(From(entity));
        }

        return found;
    }

    /// <summary>Starts the retention period of every open contact whose subject starts with <paramref name="prefix"/>.</summary>
    public async Task MarkClosedByPrefixAsync(string prefix, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var contact in await FindByPrefixAsync(prefix, cancellationToken))
        {
            if (contact.ClosedAt is null)
            {
                await MarkClosedAsync(contact.Subject, at, cancellationToken);
            }
        }
    }

    /// <summary>Contacts of cases closed before <paramref name="closedBefore"/>, for the retention function.</summary>
    public async Task<int> DeleteClosedBeforeAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken)
    {
        var expired = new List<Contact>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {ContactRow} and ClosedAt lt {closedBefore}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            expired.Add(From(entity));
        }

        foreach (var contact in expired)
        {
            await DeleteAsync(contact, cancellationToken);
        }

        return expired.Count;
    }

    /// <summary>Deletes the contact of one subject (a case or a chat question); false when there was none.</summary>
    public async Task<bool> DeleteSubjectAsync(string subject, CancellationToken cancellationToken)
    {
        if (await FindAsync(subject, cancellationToken) is not { } contact)
        {
            return false;
        }

        await DeleteAsync(contact, cancellationToken);
        return true;
    }

    private async Task DeleteAsync(Contact contact, CancellationToken cancellationToken)
    {
        await table.DeleteEntityAsync(IndexPartition(contact.Email), contact.Subject, ETag.All, cancellationToken);
        await table.DeleteEntityAsync(contact.Subject, ContactRow, ETag.All, cancellationToken);
    }

    private string IndexPartition(string email) => "email-" + pseudonyms.For("contact", email);

    private static Contact From(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetString("Email") ?? "",
        entity.GetString("Locale") ?? "nl",
        entity.GetDateTimeOffset("CreatedAt") ?? default,
        entity.GetDateTimeOffset("ClosedAt"));
}
