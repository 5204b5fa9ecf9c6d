using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Participation.App.Audit;
using Participation.Realisation;

namespace Participation.App.Realisation;

/// <summary>
/// One partition per realisation item (key: the item id) holds the item row, its public updates and its audit entries,
/// so a change and its audit entry commit in one entity-group transaction, guarded by the item's ETag. Milestones are
/// few per item and always read with it, so they live in the item row.
/// </summary>
public sealed class RealisationStore(TableServiceClient tables)
{
    public const string Table = "Realisation";
    private const string ItemRow = "item";
    private const string UpdatePrefix = "update|";
    private readonly TableClient table = tables.GetTableClient(Table);

    /// <summary>Stores a new item; false when it exists already (a redelivered "accepted" or "published" message).</summary>
    public async Task<bool> CreateAsync(RealisationItem item, PlatformUser actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, ToEntity(item)),
                AuditTrail.Append(item.Id, actor, "realisation.created", Subject(item.Id), null, Summary(item), now),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task<RealisationItem?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsValidKey(id))
        {
            return null;
        }

        var entity = await table.GetEntityIfExistsAsync<TableEntity>(id, ItemRow, cancellationToken: cancellationToken);
        return entity.HasValue ? FromEntity(entity.Value!) : null;
    }

    /// <summary>
    /// Saves a changed item (and a new public update) with its audit entry — all or nothing, and only if nobody changed
    /// the item since its <see cref="RealisationItem.Version"/>. False on such a conflict.
    /// </summary>
    public async Task<bool> SaveAsync(
        RealisationItem changed, PublicUpdate? update, PlatformUser actor, string action, string before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ToEntity(changed), new ETag(changed.Version)),
            AuditTrail.Append(changed.Id, actor, action, Subject(changed.Id), before, Summary(changed) + (update is null ? "" : $"; update={update.Id}"), now),
        };
        if (update is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(changed.Id, UpdateRowKey(update))
            {
                ["Text"] = update.Text,
                ["At"] = update.At,
            }));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Every item (a municipality has hundreds, not millions), optionally in one neighbourhood and status.</summary>
    public async Task<IReadOnlyList<RealisationItem>> ListAsync(string? neighbourhood, RealisationStatus? status, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {ItemRow}");
        if (neighbourhood is not null) filter += " and " + TableClient.CreateQueryFilter($"Neighbourhood eq {neighbourhood}");
        if (status is { } s) filter += " and " + TableClient.CreateQueryFilter($"Status eq {s.ToWireName()}");
        var items = new List<RealisationItem>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            items.Add(FromEntity(entity));
        }

        return items;
    }

    /// <summary>Public updates, newest first: of one item, or of all items when <paramref name="itemId"/> is null.</summary>
    public async Task<ILookup<string, PublicUpdate>> UpdatesAsync(string? itemId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {UpdatePrefix} and RowKey lt {"update}"}");
        if (itemId is not null) filter = TableClient.CreateQueryFilter($"PartitionKey eq {itemId}") + " and " + filter;
        var updates = new List<PublicUpdate>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            updates.Add(new PublicUpdate(e.RowKey[UpdatePrefix.Length..], e.PartitionKey, e.GetString("Text") ?? "", e.GetDateTimeOffset("At") ?? default));
        }

        return updates.OrderByDescending(u => u.At).ToLookup(u => u.ItemId, StringComparer.Ordinal);
    }

    public Task<IReadOnlyList<AuditEntry>> AuditAsync(string id, CancellationToken cancellationToken) => AuditTrail.ReadAsync(table, id, cancellationToken);

    public static string Subject(string id) => $"realisation/{id}";

    public static string Summary(RealisationItem i) =>
        $"status={i.Status.ToWireName()}; spent={i.Spent}; milestones={string.Join(",", i.Milestones.Select(m => $"{m.Id}:{m.Planned:yyyy-MM-dd}{(m.Done is { } d ? $"/done {d:yyyy-MM-dd}" : "")}"))}";

    // Table keys may not hold / \ # ? or control characters; an id from a URL that does cannot exist.
    private static bool IsValidKey(string id) => id.Length is > 0 and <= 200 && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static string UpdateRowKey(PublicUpdate update) => $"{UpdatePrefix}{update.Id}";

    private static TableEntity ToEntity(RealisationItem i) => new(i.Id, ItemRow)
    {
        ["Kind"] = i.Kind.ToWireName(),
        ["SourceId"] = i.SourceId,
        ["Title"] = i.Title,
        ["Neighbourhood"] = i.Neighbourhood,
        ["Team"] = i.Team,
        ["PlannedCost"] = i.PlannedCost,
        ["Spent"] = i.Spent,
        ["Status"] = i.Status.ToWireName(),
        ["StopReason"] = i.StopReason,
        ["Milestones"] = JsonSerializer.Serialize(i.Milestones, JsonSerializerOptions.Web),
        ["CreatedAt"] = i.CreatedAt,
        ["ClosedAt"] = i.ClosedAt,
    };

    private static RealisationItem FromEntity(TableEntity e) => new()
    {
        Id = e.PartitionKey,
        Kind = WireNames.ParseKind(e.GetString("Kind") ?? ""),
        SourceId = e.GetString("SourceId") ?? "",
        Title = e.GetString("Title") ?? "",
        Neighbourhood = e.GetString("Neighbourhood") ?? "",
        Team = e.GetString("Team") ?? "",
        PlannedCost = e.GetInt64("PlannedCost") ?? 0,
        Spent = e.GetInt64("Spent") ?? 0,
        Status = WireNames.TryParseStatus(e.GetString("Status"), out var status) ? status : RealisationStatus.Planned,
        StopReason = e.GetString("StopReason"),
        Milestones = JsonSerializer.Deserialize<List<Milestone>>(e.GetString("Milestones") ?? "[]", JsonSerializerOptions.Web) ?? [],
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
        Version = e.ETag.ToString(),
    };
}
