using Azure;
using Azure.Data.Tables;

namespace Participation.App.Privacy;

/// <summary>Privacy links asked for, by token, with when each expires; the address they answer is a contact, never kept here.</summary>
public sealed class PrivacyRequestStore(TableServiceClient tables)
{
    public const string Table = "PrivacyRequests";
    private const string RequestRow = "request";
    private readonly TableClient table = tables.GetTableClient(Table);

    public async Task AddAsync(string token, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await table.AddEntityAsync(new TableEntity(token, RequestRow) { ["ExpiresAt"] = expiresAt }, cancellationToken);

    /// <summary>When the link of <paramref name="token"/> expires; null when there is no such link.</summary>
    public async Task<DateTimeOffset?> ExpiresAtAsync(string token, CancellationToken cancellationToken)
    {
        var request = await table.GetEntityIfExistsAsync<TableEntity>(token, RequestRow, cancellationToken: cancellationToken);
        return request.HasValue ? request.Value!.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue : null;
    }

    public async Task DeleteAsync(string token, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(token, RequestRow, ETag.All, cancellationToken);
}
