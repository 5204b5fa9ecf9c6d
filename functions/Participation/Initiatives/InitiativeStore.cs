using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Participation.Audit;
using Participation.Identity;
using Participation.Initiatives.Lifecycle;

namespace Participation.Initiatives;

/// <summary>
/// One partition per initiative (key: the tracking code) holds the case row, its timeline, its supports and its audit
/// entries, so a change, its timeline entry and its audit entry commit in one entity-group transaction, guarded by the
/// case's ETag. A second table indexes all cases for lists and inboxes; it is updated after each change.
/// </summary>
public sealed class InitiativeStore(TableServiceClient tables)
{
    public const string Table = "Initiatives";
    public const string IndexTable = "InitiativeIndex";
    private const string CaseRow = "case";
    private const string IndexPartition = "all";
    private readonly TableClient cases = tables.GetTableClient(Table);
    private readonly TableClient index = tables.GetTableClient(IndexTable);

    public TableClient Cases => cases;

    /// <summary>Stores a new case with its first timeline entry; false when the code is already taken.</summary>
    public async Task<bool> CreateAsync(InitiativeCase initiative, TimelineEntry first, CancellationToken cancellationToken)
    {
        try
        {
            await cases.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, ToEntity(initiative)),
                new TableTransactionAction(TableTransactionActionType.Add, TimelineEntity(initiative.TrackingCode, first)),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            return false;
        }

        await IndexAsync(initiative, cancellationToken);
        return true;
    }

    public async Task<InitiativeCase?> FindAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var entity = await cases.GetEntityIfExistsAsync<TableEntity>(trackingCode, CaseRow, cancellationToken: cancellationToken);
        return entity.HasValue ? FromEntity(entity.Value!) : null;
    }

    /// <summary>
    /// Saves a changed case with its timeline entry and, for staff, its audit entry — all or nothing, and only if nobody
    /// changed the case since <see cref="InitiativeCase.Version"/>. False on such a conflict.
    /// </summary>
    public async Task<bool> SaveAsync(
        InitiativeCase changed, TimelineEntry? entry, PlatformUser? staff, string? auditAction, string? before, CancellationToken cancellationToken,
        IEnumerable<TableTransactionAction>? alsoInPartition = null)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ToEntity(changed), new ETag(changed.Version)),
        };
        if (entry is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, TimelineEntity(changed.TrackingCode, entry)));
        }

        if (staff is not null && auditAction is not null)
        {
            actions.Add(AuditTrail.Append(changed.TrackingCode, staff, auditAction, $"initiative/{changed.TrackingCode}", before, Summary(changed), entry?.At ?? DateTimeOffset.UtcNow));
        }

        actions.AddRange(alsoInPartition ?? []);
        try
        {
            await cases.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }

        await IndexAsync(changed, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {trackingCode} and RowKey ge {"timeline|"} and RowKey lt {"timeline}"}");
        await foreach (var e in cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new TimelineEntry(
                e.GetDateTimeOffset("At") ?? default,
                e.GetString("Event") ?? "",
                InitiativeStatusNames.Parse(e.GetString("Status") ?? "submitted"),
                Enum.Parse<ActorKind>(e.GetString("ActorKind") ?? nameof(ActorKind.System)),
                e.GetString("ActorId") ?? "",
                e.GetString("PublicMessage"),
                e.GetString("InternalNote")));
        }

        return entries;
    }

    /// <summary>Index rows, newest first, filtered on the server; <paramref name="filter"/> is an OData filter or null.</summary>
    public async Task<(IReadOnlyList<InitiativeListing> Items, string? ContinuationToken)> ListAsync(
        string? filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition}") + (filter is null ? "" : $" and ({filter})");
        await foreach (var page in index.QueryAsync<TableEntity>(query, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize))
        {
            return (page.Values.Select(FromIndex).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Every index row matching the filter, for inboxes and dashboards (a municipality has thousands, not millions).</summary>
    public async Task<IReadOnlyList<InitiativeListing>> ListAllAsync(string? filter, CancellationToken cancellationToken)
    {
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition}") + (filter is null ? "" : $" and ({filter})");
        var items = new List<InitiativeListing>();
        await foreach (var e in index.QueryAsync<TableEntity>(query, cancellationToken: cancellationToken))
        {
            items.Add(FromIndex(e));
        }

        return items;
    }

    public async Task IndexAsync(InitiativeCase initiative, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(IndexPartition, IndexRowKey(initiative))
        {
            ["TrackingCode"] = initiative.TrackingCode,
            ["Title"] = initiative.Title,
            ["Summary"] = initiative.Description.Length > 400 ? initiative.Description[..400] : initiative.Description,
            ["Neighbourhood"] = initiative.Neighbourhood,
            ["Theme"] = initiative.Theme,
            ["Status"] = initiative.Status.ToWireName(),
            ["TeamCode"] = initiative.TeamCode,
            ["OwnerId"] = initiative.OwnerId,
            ["Supports"] = initiative.Supports,
            ["ThresholdReached"] = initiative.ThresholdReached,
            ["SubmittedAt"] = initiative.SubmittedAt,
            ["DueDate"] = initiative.DueDate,
            ["FirstResponseAt"] = initiative.FirstResponseAt,
            ["DecidedAt"] = initiative.DecidedAt,
            ["Escalations"] = initiative.EscalationsSent.Count,
            ["Open"] = !initiative.Status.IsClosed(),
        };
        await index.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    // Newest first in key order: the row key starts with the inverted submission time.
    private static string IndexRowKey(InitiativeCase initiative) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - initiative.SubmittedAt.UtcTicks:D19}|{initiative.TrackingCode}";

    private static InitiativeListing FromIndex(TableEntity e) => new(
        e.GetString("TrackingCode") ?? "",
        e.GetString("Title") ?? "",
        e.GetString("Summary") ?? "",
        e.GetString("Neighbourhood") ?? "",
        e.GetString("Theme"),
        InitiativeStatusNames.Parse(e.GetString("Status") ?? "submitted"),
        e.GetString("TeamCode"),
        e.GetString("OwnerId"),
        e.GetInt32("Supports") ?? 0,
        e.GetBoolean("ThresholdReached") ?? false,
        e.GetDateTimeOffset("SubmittedAt") ?? default,
        e.GetDateTimeOffset("DueDate"),
        e.GetDateTimeOffset("FirstResponseAt"),
        e.GetDateTimeOffset("DecidedAt"),
        e.GetInt32("Escalations") ?? 0);

    private static TableEntity TimelineEntity(string trackingCode, TimelineEntry entry) =>
        new(trackingCode, $"timeline|{entry.At.UtcTicks:D19}|{entry.Event}|{Guid.NewGuid():N}")
        {
            ["At"] = entry.At,
            ["Event"] = entry.Event,
            ["Status"] = entry.Status.ToWireName(),
            ["ActorKind"] = entry.ActorKind.ToString(),
            ["ActorId"] = entry.ActorId,
            ["PublicMessage"] = entry.PublicMessage,
            ["InternalNote"] = entry.InternalNote,
        };

    private static TableEntity ToEntity(InitiativeCase c) => new(c.TrackingCode, CaseRow)
    {
        ["Title"] = c.Title,
        ["Description"] = c.Description,
        ["Neighbourhood"] = c.Neighbourhood,
        ["Theme"] = c.Theme,
        ["ThemeSource"] = c.ThemeSource,
        ["ThemeExplanation"] = c.ThemeExplanation,
        ["LocationText"] = c.LocationText,
        ["Latitude"] = c.Latitude,
        ["Longitude"] = c.Longitude,
        ["Locale"] = c.Locale,
        ["Status"] = c.Status.ToWireName(),
        ["SubmitterId"] = c.SubmitterId,
        ["TeamCode"] = c.TeamCode,
        ["OwnerId"] = c.OwnerId,
        ["RoutingReason"] = c.RoutingReason,
        ["ThresholdReached"] = c.ThresholdReached,
        ["MergedIntoId"] = c.MergedIntoId,
        ["Supports"] = c.Supports,
        ["SubmittedAt"] = c.SubmittedAt,
        ["DueDate"] = c.DueDate,
        ["FirstResponseAt"] = c.FirstResponseAt,
        ["DecidedAt"] = c.DecidedAt,
        ["EscalationsSent"] = JsonSerializer.Serialize(c.EscalationsSent),
        ["SimilarInitiatives"] = JsonSerializer.Serialize(c.SimilarInitiatives),
    };

    private static InitiativeCase FromEntity(TableEntity e) => new()
    {
        TrackingCode = e.PartitionKey,
        Title = e.GetString("Title") ?? "",
        Description = e.GetString("Description") ?? "",
        Neighbourhood = e.GetString("Neighbourhood") ?? "",
        Theme = e.GetString("Theme"),
        ThemeSource = e.GetString("ThemeSource") ?? "resident",
        ThemeExplanation = e.GetString("ThemeExplanation"),
        LocationText = e.GetString("LocationText"),
        Latitude = e.GetDouble("Latitude"),
        Longitude = e.GetDouble("Longitude"),
        Locale = e.GetString("Locale") ?? "nl",
        Status = InitiativeStatusNames.Parse(e.GetString("Status") ?? "submitted"),
        SubmitterId = e.GetString("SubmitterId") ?? "",
        TeamCode = e.GetString("TeamCode"),
        OwnerId = e.GetString("OwnerId"),
        RoutingReason = e.GetString("RoutingReason"),
        ThresholdReached = e.GetBoolean("ThresholdReached") ?? false,
        MergedIntoId = e.GetString("MergedIntoId"),
        Supports = e.GetInt32("Supports") ?? 0,
        SubmittedAt = e.GetDateTimeOffset("SubmittedAt") ?? default,
        DueDate = e.GetDateTimeOffset("DueDate"),
        FirstResponseAt = e.GetDateTimeOffset("FirstResponseAt"),
        DecidedAt = e.GetDateTimeOffset("DecidedAt"),
        EscalationsSent = JsonSerializer.Deserialize<List<string>>(e.GetString("EscalationsSent") ?? "[]") ?? [],
        SimilarInitiatives = JsonSerializer.Deserialize<List<string>>(e.GetString("SimilarInitiatives") ?? "[]") ?? [],
        Version = e.ETag.ToString(),
    };

    private static string Summary(InitiativeCase c) =>
        $"status={c.Status.ToWireName()}; team={c.TeamCode}; owner={c.OwnerId}; theme={c.Theme}";

    public static string AuditSummary(InitiativeCase c) => Summary(c);
}

/// <summary>What lists, inboxes and dashboards need of a case, without reading its partition.</summary>
public sealed record InitiativeListing(
    string TrackingCode, string Title, string Summary, string Neighbourhood, string? Theme, InitiativeStatus Status,
    string? TeamCode, string? OwnerId, int Supports, bool ThresholdReached, DateTimeOffset SubmittedAt, DateTimeOffset? DueDate,
    DateTimeOffset? FirstResponseAt, DateTimeOffset? DecidedAt, int Escalations);
