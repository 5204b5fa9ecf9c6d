using Azure;
using Azure.Data.Tables;

namespace Participation.App.MyPage;

/// <summary>
/// What a signed-in resident did, for "Mijn omgeving": the initiatives they submitted and supported, one row each in a
/// partition keyed by their pseudonym (never their account id). The row is written after the change itself has been
/// stored; when that write fails the change still stands and only this overview misses it, so a failure is logged and
/// swallowed here rather than turning a counted support into an error.
/// </summary>
public sealed class ResidentActivity(TableServiceClient tables, Pseudonyms pseudonyms, TimeProvider clock, ILogger<ResidentActivity> logger)
{
    public const string Table = "ResidentActivity";
    public const string Submitted = "submitted";
    public const string Supported = "supported";

    private readonly TableClient table = tables.GetTableClient(Table);

    public sealed record Entry(string Kind, string TrackingCode, DateTimeOffset At);

    public async Task RecordAsync(PlatformUser resident, string kind, string trackingCode, CancellationToken cancellationToken)
    {
        var row = new TableEntity(PartitionOf(resident), $"{kind}|{trackingCode}") { ["At"] = clock.GetUtcNow() };
        try
        {
            // Add, not upsert: a replayed submission or a second support keeps the first moment.
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status409Conflict)
        {
        }
        catch (RequestFailedException e)
        {
            logger.LogWarning("A {Kind} was stored but not added to the resident's overview (status {Status}).", kind, e.Status);
        }
    }

    /// <summary>The resident's rows, newest first.</summary>
    public async Task<IReadOnlyList<Entry>> ListAsync(PlatformUser resident, CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(resident)}"), cancellationToken: cancellationToken))
        {
            var separator = row.RowKey.IndexOf('|', StringComparison.Ordinal);
            if (separator > 0)
            {
                entries.Add(new Entry(row.RowKey[..separator], row.RowKey[(separator + 1)..], row.GetDateTimeOffset("At") ?? row.Timestamp ?? default));
            }
        }

        return entries.OrderByDescending(e => e.At).ToList();
    }

    private string PartitionOf(PlatformUser resident) => pseudonyms.For("my-page", resident.Id);
}
