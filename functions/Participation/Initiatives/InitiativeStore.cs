using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Participation.App.Hosting;
using Participation.App.Audit;
using Participation.Initiatives.Geography;
using Participation.Initiatives.Lifecycle;
using Participation.App.Notifications;
using Participation.App.Privacy;

namespace Participation.App.Initiatives;

/// <summary>
/// One partition per initiative (key: the tracking code) holds the case row, its timeline, its supports, its audit
/// entries and its outbox, so a change, its timeline entry, its audit entry and every side effect it causes commit in one
/// entity-group transaction, guarded by the case's ETag. The side effects (the index row that lists and inboxes read,
/// e-mails, queue messages, closing the contact) are carried out from the outbox right after the change and, when
/// that fails, by a queue function and the reconciliation sweep: a failure never loses one.
/// </summary>
public sealed class InitiativeStore(
    TableServiceClient tables, QueueServiceClient queues, ContactStore contacts, TimeProvider clock, ILogger<InitiativeStore> logger)
{
    public const string Table = "Initiatives";
    public const string IndexTable = "InitiativeIndex";
    private const string CaseRow = "case";
    private const string IndexPartition = "all";
    private const string IdempotencyPartition = "idempotency";
    private readonly TableClient cases = tables.GetTableClient(Table);
    private readonly TableClient index = tables.GetTableClient(IndexTable);
    private readonly SubmissionDays days = new(tables.GetTableClient(IndexTable), IndexPartition);
    private Outbox? caseOutbox;

    // Built on first use: it calls back into this store for the index row and the contact.
    private Outbox outbox => caseOutbox ??= new Outbox("initiatives", cases, queues, clock, logger) { CarryOutOwn = CarryOutAsync };

    /// <summary>
    /// The case table, for the stores of what lives in a case's partition beside it (comments, follow requests).
    /// Initiatives' own use cases go through this class's methods.
    /// </summary>
    internal TableClient Cases => cases;

    /// <summary>
    /// Stores a new case with its first timeline entry and its side effects (the index row always); false when the code
    /// is already taken. The effects are carried out before this returns unless storage or a queue fails meanwhile.
    /// </summary>
    public async Task<bool> CreateAsync(InitiativeCase initiative, TimelineEntry first, CancellationToken cancellationToken,
        IReadOnlyList<SideEffect>? effects = null)
    {
        var created = initiative with { Revision = 1 };
        try
        {
            await cases.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, ToEntity(created)),
                new TableTransactionAction(TableTransactionActionType.Add, TimelineEntity(initiative.TrackingCode, first)),
                .. OutboxActions(initiative.TrackingCode, effects),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            return false;
        }

        await DispatchSoonAsync(initiative.TrackingCode);
        return true;
    }

    public async Task<InitiativeCase?> FindAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var entity = await cases.GetEntityIfExistsAsync<TableEntity>(trackingCode, CaseRow, cancellationToken: cancellationToken);
        return entity.HasValue ? FromEntity(entity.Value!) : null;
    }

    /// <summary>The title of the initiative with this code as a resident typed or linked it; null when there is none.</summary>
    public async Task<string?> TitleOfAsync(string typedCode, CancellationToken cancellationToken) =>
        TrackingCode.TryParse(typedCode, out var code, out _) && await FindAsync(code.Value, cancellationToken) is { } initiative
            ? initiative.Title
            : null;

    /// <summary>
    /// Saves a changed case with its timeline entry and, for staff, its audit entry — all or nothing, and only if nobody
    /// changed the case since <see cref="InitiativeCase.Version"/>. False on such a conflict.
    /// </summary>
    public async Task<bool> SaveAsync(
        InitiativeCase changed, TimelineEntry? entry, PlatformUser? staff, string? auditAction, string? before, CancellationToken cancellationToken,
        IEnumerable<TableTransactionAction>? alsoInPartition = null, IReadOnlyList<SideEffect>? effects = null)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ToEntity(changed with { Revision = changed.Revision + 1 }), new ETag(changed.Version)),
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
        actions.AddRange(OutboxActions(changed.TrackingCode, effects));
        if (actions.Count > 100)
        {
            throw new InvalidOperationException($"A change of {changed.TrackingCode} needs {actions.Count} operations; a transaction allows 100.");
        }

        try
        {
            await cases.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 or 404)
        {
            // Changed meanwhile — or a row this change removes is gone (a support link used up by a second click):
            // the caller reads again and decides anew.
            return false;
        }

        await DispatchSoonAsync(changed.TrackingCode);
        return true;
    }

    private IEnumerable<TableTransactionAction> OutboxActions(string trackingCode, IReadOnlyList<SideEffect>? effects) =>
        outbox.Rows(trackingCode, [InitiativeEffects.Index, .. effects ?? []]);

    /// <summary>
    /// Carries out every pending side effect of one case; throws when storage or a queue fails (the rows stay). Each
    /// effect is idempotent — the index row is written only when its revision is newer, a queue handler finds its work
    /// done, closing a contact twice is harmless.
    /// </summary>
    public Task<int> DispatchAsync(string trackingCode, CancellationToken cancellationToken) => outbox.DispatchAsync(trackingCode, cancellationToken);

    /// <summary>The case partitions' outbox, registered with the shared dispatcher and sweep.</summary>
    public Outbox Outbox => outbox;

    private async Task<bool> CarryOutAsync(string trackingCode, TableEntity row, CancellationToken cancellationToken)
    {
        switch (row.GetString("Kind"))
        {
            case InitiativeEffects.UpdateIndex:
                if (await FindAsync(trackingCode, cancellationToken) is { } current)
                {
                    await IndexIfNewerAsync(current, cancellationToken);
                }

                return true;
            case InitiativeEffects.CloseContact:
                var closedAt = DateTimeOffset.Parse(row.GetString("Payload")!, CultureInfo.InvariantCulture);
                await contacts.MarkClosedAsync(trackingCode, closedAt, cancellationToken);
                // Followers' addresses are contacts of the case too: their retention starts when the case closes.
                await contacts.MarkClosedByPrefixAsync(Following.Followers.SubjectPrefix(trackingCode), closedAt, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    private Task DispatchSoonAsync(string trackingCode) => outbox.DispatchSoonAsync(trackingCode);

    /// <summary>Puts a message on a queue now, outside a change (a replay completing what an earlier attempt left undone).</summary>
    public async Task SendAsync<T>(string queue, T message, CancellationToken cancellationToken) =>
        await queues.GetQueueClient(queue).SendMessageAsync(QueueEnvelope.Wrap(message).GetRawText(), cancellationToken);

    /// <summary>Cases with outbox rows older than <paramref name="before"/>: their dispatch right after the change failed.</summary>
    public Task<IReadOnlyList<string>> CasesWithPendingEffectsAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        outbox.PendingAsync(before, cancellationToken);

    /// <summary>Every stored case, for the reconciliation timer (a scan: never on a request).</summary>
    public async IAsyncEnumerable<InitiativeCase> AllCasesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {CaseRow}");
        await foreach (var entity in cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    /// <summary>What the index says about a case, or null when it has no index row.</summary>
    public async Task<InitiativeListing?> FindListingAsync(InitiativeCase initiative, CancellationToken cancellationToken)
    {
        var row = await index.GetEntityIfExistsAsync<TableEntity>(IndexPartition, IndexRowKey(initiative), cancellationToken: cancellationToken);
        return row.HasValue ? FromIndex(row.Value!) : null;
    }

    /// <summary>
    /// Claims an Idempotency-Key (already scoped to its submitter) for <paramref name="code"/> and a fingerprint of the
    /// request. Insert, never read first: of two racing requests one wins, and the other gets the winner's claim.
    /// </summary>
    public async Task<(string TrackingCode, string? Fingerprint)> ClaimIdempotencyKeyAsync(string scopedKey, string code, string fingerprint, CancellationToken cancellationToken)
    {
        try
        {
            await cases.AddEntityAsync(new TableEntity(IdempotencyPartition, scopedKey)
            {
                ["TrackingCode"] = code,
                ["Fingerprint"] = fingerprint,
                ["ClaimedAt"] = clock.GetUtcNow(),
            }, cancellationToken);
            return (code, fingerprint);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = (await cases.GetEntityAsync<TableEntity>(IdempotencyPartition, scopedKey, cancellationToken: cancellationToken)).Value;
            return (existing.GetString("TrackingCode")!, existing.GetString("Fingerprint"));
        }
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
                e.GetString("InternalNote"),
                e.GetString("TeamCode"),
                e.GetString("OwnerId"),
                e.GetString("Subject")));
        }

        return entries;
    }

    /// <summary>Index rows, newest first, filtered on the server, a page at a time.</summary>
    public async Task<(IReadOnlyList<InitiativeListing> Items, string? ContinuationToken)> ListAsync(
        InitiativeFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = IndexQuery(filter);
        await foreach (var page in index.QueryAsync<TableEntity>(query, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize))
        {
            return (page.Values.Select(FromIndex).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>The council's agenda list: initiatives that reached their neighbourhood's support threshold.</summary>
    public Task<IReadOnlyList<InitiativeListing>> ListOnCouncilAgendaAsync(CancellationToken cancellationToken) =>
        ListAllAsync(new InitiativeFilter(ThresholdReachedOnly: true), cancellationToken);

    /// <summary>Every index row matching the filter, for lists that show summaries (a municipality has thousands, not millions).</summary>
    public Task<IReadOnlyList<InitiativeListing>> ListAllAsync(InitiativeFilter? filter, CancellationToken cancellationToken) =>
        ListAsync(filter, null, cancellationToken);

    /// <summary>
    /// Every index row matching the filter without its summary (the bulk of a row), for the back office's work lists:
    /// the inbox, escalation and the rescue of stranded submissions.
    /// </summary>
    public Task<IReadOnlyList<InitiativeListing>> ListCasesAsync(InitiativeFilter filter, CancellationToken cancellationToken) =>
        ListAsync(filter, CaseColumns, cancellationToken);

    internal static readonly string[] CaseColumns =
    [
        "TrackingCode", "Title", "Neighbourhood", "Theme", "Status", "TeamCode", "OwnerId", "Supports", "ThresholdReached",
        "SubmittedAt", "DueDate", "FirstResponseAt", "DecidedAt", "Escalations", "Comments",
    ];

    private async Task<IReadOnlyList<InitiativeListing>> ListAsync(InitiativeFilter? filter, string[]? columns, CancellationToken cancellationToken)
    {
        var query = IndexQuery(filter ?? InitiativeFilter.None);
        var items = new List<InitiativeListing>();
        await foreach (var e in index.QueryAsync<TableEntity>(query, select: columns, cancellationToken: cancellationToken))
        {
            items.Add(FromIndex(e));
        }

        return items;
    }

    /// <summary>
    /// Index rows with a point, newest first, at most <paramref name="max"/>: the map's markers. Filtered on the server
    /// within the index's one partition (<c>Located eq true</c>), so no case partition is read; rows written before the
    /// index carried points appear once their case changes or the index row is rewritten.
    /// </summary>
    public async Task<IReadOnlyList<LocatedInitiative>> ListLocatedAsync(InitiativeFilter filter, int max, CancellationToken cancellationToken)
    {
        var query = IndexQuery(filter) + " and Located eq true";
        var items = new List<LocatedInitiative>();
        string[] columns = ["TrackingCode", "Title", "Neighbourhood", "Theme", "Status", "Latitude", "Longitude"];
        await foreach (var e in index.QueryAsync<TableEntity>(query, maxPerPage: Math.Min(max, 1000), select: columns, cancellationToken: cancellationToken))
        {
            if (e.GetDouble("Latitude") is { } lat && e.GetDouble("Longitude") is { } lon)
            {
                items.Add(new LocatedInitiative(e.GetString("TrackingCode") ?? "", e.GetString("Title") ?? "", e.GetString("Neighbourhood") ?? "",
                    e.GetString("Theme"), InitiativeStatusNames.Parse(e.GetString("Status") ?? "submitted"), new GeoPoint(lat, lon)));
            }

            if (items.Count >= max) break;
        }

        return items;
    }

    /// <summary>
    /// Writes the case's index row unless the index already holds this revision or a newer one: two dispatches of two
    /// quick changes may run in either order, and the older must not overwrite the newer.
    /// </summary>
    public async Task<bool> IndexIfNewerAsync(InitiativeCase initiative, CancellationToken cancellationToken)
    {
        var written = await OptimisticConcurrency.RetryAsync(
            async attemptToken =>
            {
                var existing = await index.GetEntityIfExistsAsync<TableEntity>(IndexPartition, IndexRowKey(initiative), select: ["Revision"], cancellationToken: attemptToken);
                if (existing.HasValue && (existing.Value!.GetInt64("Revision") ?? 0) >= initiative.Revision && initiative.Revision > 0)
                {
                    return false;
                }

                // A conflict means another dispatch wrote the row meanwhile: look again at which revision it holds.
                return await OptimisticConcurrency.SaveAsync(index, IndexEntity(initiative), existing.HasValue ? existing.Value!.ETag : null, attemptToken);
            },
            () => throw new InvalidOperationException($"The index row of {initiative.TrackingCode} kept changing while it was written."),
            cancellationToken);
        // Also when this revision was indexed already: the attempt that wrote it may have stopped before its day was summed up.
        await days.RefreshAsync(initiative.SubmittedAt, cancellationToken);
        return written;
    }

    /// <summary>Writes the index row from the case whatever it held: for the reconciliation, which found it wrong.</summary>
    public async Task RewriteIndexAsync(InitiativeCase initiative, CancellationToken cancellationToken)
    {
        await index.UpsertEntityAsync(IndexEntity(initiative), TableUpdateMode.Replace, cancellationToken);
        await days.RefreshAsync(initiative.SubmittedAt, cancellationToken);
    }

    /// <summary>
    /// The council's facts of every initiative submitted in [<paramref name="from"/>, <paramref name="to"/>), read from
    /// the index's day rows rather than from every index row.
    /// </summary>
    public Task<IReadOnlyList<InitiativeFacts>> ListSubmittedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        days.ReadAsync(from, to, cancellationToken);

    /// <summary>
    /// Saves one more support with the changed case: the supporter's row is inserted in the same transaction, so a
    /// second support by the same supporter fails on its key; for a support by e-mail the transaction also removes its
    /// pending row, so the link is used up with the count. False when the case changed meanwhile, the supporter's row
    /// exists or the pending row is gone.
    /// </summary>
    public Task<bool> SaveSupportAsync(
        InitiativeCase changed, TimelineEntry? entry, string supporter, string? pendingToken, IReadOnlyList<SideEffect> effects, CancellationToken cancellationToken)
    {
        List<TableTransactionAction> rows = [new(TableTransactionActionType.Add, new TableEntity(changed.TrackingCode, SupportRow(supporter)))];
        if (pendingToken is not null)
        {
            rows.Add(new(TableTransactionActionType.Delete, new TableEntity(changed.TrackingCode, PendingSupportRow(pendingToken)), ETag.All));
        }

        return SaveAsync(changed, entry, null, null, null, cancellationToken, rows, effects);
    }

    /// <summary>Whether this supporter's support is counted for the initiative.</summary>
    public async Task<bool> HasSupportAsync(string trackingCode, string supporter, CancellationToken cancellationToken) =>
        (await cases.GetEntityIfExistsAsync<TableEntity>(trackingCode, SupportRow(supporter), select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    /// <summary>A support by e-mail waiting for its confirmation link, until <paramref name="expiresAt"/>.</summary>
    public async Task AddPendingSupportAsync(string trackingCode, string token, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await cases.AddEntityAsync(new TableEntity(trackingCode, PendingSupportRow(token)) { ["ExpiresAt"] = expiresAt }, cancellationToken);

    /// <summary>When the pending support's link expires; null when there is no such pending support (any more).</summary>
    public async Task<DateTimeOffset?> FindPendingSupportAsync(string trackingCode, string token, CancellationToken cancellationToken)
    {
        var pending = await cases.GetEntityIfExistsAsync<TableEntity>(trackingCode, PendingSupportRow(token), cancellationToken: cancellationToken);
        return pending.HasValue ? pending.Value!.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue : null;
    }

    public async Task RemovePendingSupportAsync(string trackingCode, string token, CancellationToken cancellationToken) =>
        await cases.DeleteEntityAsync(trackingCode, PendingSupportRow(token), ETag.All, cancellationToken);

    /// <summary>The case's audit trail (who changed what), kept in its partition.</summary>
    public Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(string trackingCode, CancellationToken cancellationToken) =>
        AuditTrail.ReadAsync(cases, trackingCode, cancellationToken);

    private static string SupportRow(string supporter) => $"support|{supporter}";

    private static string PendingSupportRow(string token) => $"pending-support|{token}";

    private static string IndexQuery(InitiativeFilter filter) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition}") + (filter.ToQuery() is { } narrowed ? $" and ({narrowed})" : "");

    /// <summary>Whether <see cref="SendNotification"/> recorded this notification as sent.</summary>
    public async Task<bool> NotificationSentAsync(string notificationId, CancellationToken cancellationToken)
    {
        var state = await tables.GetTableClient(SendNotification.Table).GetEntityIfExistsAsync<TableEntity>(notificationId, "state", cancellationToken: cancellationToken);
        return state.HasValue && state.Value!.GetBoolean("Sent") == true;
    }

    private static TableEntity IndexEntity(InitiativeCase initiative) =>
        new(IndexPartition, IndexRowKey(initiative))
        {
            ["Revision"] = initiative.Revision,
            ["TrackingCode"] = initiative.TrackingCode,
            ["Title"] = initiative.Title,
            ["Summary"] = initiative.Description.Length > 400 ? initiative.Description[..400] : initiative.Description,
            ["Neighbourhood"] = initiative.Neighbourhood,
            ["Theme"] = initiative.Theme,
            ["Status"] = initiative.Status.ToWireName(),
            ["TeamCode"] = initiative.TeamCode,
            ["OwnerId"] = initiative.OwnerId,
            ["Supports"] = initiative.Supports,
            ["Comments"] = initiative.Comments,
            ["ThresholdReached"] = initiative.ThresholdReached,
            ["SubmittedAt"] = initiative.SubmittedAt,
            ["DueDate"] = initiative.DueDate,
            ["FirstResponseAt"] = initiative.FirstResponseAt,
            ["DecidedAt"] = initiative.DecidedAt,
            ["Escalations"] = initiative.EscalationsSent.Count,
            ["Open"] = !initiative.Status.IsClosed(),
            ["Latitude"] = initiative.Latitude,
            ["Longitude"] = initiative.Longitude,
            ["Located"] = initiative.Latitude is not null && initiative.Longitude is not null,
        };

    // Newest first in key order: the row key starts with the inverted submission time.
    private static string IndexRowKey(InitiativeCase initiative) =>
        $"{SubmissionDays.InvertedTicks(initiative.SubmittedAt)}|{initiative.TrackingCode}";

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
        e.GetInt32("Escalations") ?? 0,
        e.GetInt32("Comments") ?? 0);

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
            ["TeamCode"] = entry.TeamCode,
            ["OwnerId"] = entry.OwnerId,
            ["Subject"] = entry.Subject,
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
        ["Comments"] = c.Comments,
        ["SubmittedAt"] = c.SubmittedAt,
        ["DueDate"] = c.DueDate,
        ["FirstResponseAt"] = c.FirstResponseAt,
        ["DecidedAt"] = c.DecidedAt,
        ["EscalationsSent"] = JsonSerializer.Serialize(c.EscalationsSent),
        ["SimilarInitiatives"] = JsonSerializer.Serialize(c.SimilarInitiatives),
        ["Revision"] = c.Revision,
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
        Comments = e.GetInt32("Comments") ?? 0,
        SubmittedAt = e.GetDateTimeOffset("SubmittedAt") ?? default,
        DueDate = e.GetDateTimeOffset("DueDate"),
        FirstResponseAt = e.GetDateTimeOffset("FirstResponseAt"),
        DecidedAt = e.GetDateTimeOffset("DecidedAt"),
        EscalationsSent = JsonSerializer.Deserialize<List<string>>(e.GetString("EscalationsSent") ?? "[]") ?? [],
        SimilarInitiatives = JsonSerializer.Deserialize<List<string>>(e.GetString("SimilarInitiatives") ?? "[]") ?? [],
        Revision = e.GetInt64("Revision") ?? 0,
        Version = e.ETag.ToString(),
    };

    private static string Summary(InitiativeCase c) =>
        $"status={c.Status.ToWireName()}; team={c.TeamCode}; owner={c.OwnerId}; theme={c.Theme}";

    public static string AuditSummary(InitiativeCase c) => Summary(c);
}

/// <summary>What the map shows of a case with a point: public fields only.</summary>
public sealed record LocatedInitiative(string TrackingCode, string Title, string Neighbourhood, string? Theme, InitiativeStatus Status, GeoPoint Point);

/// <summary>What lists, inboxes and dashboards need of a case, without reading its partition.</summary>
public sealed record InitiativeListing(
    string TrackingCode, string Title, string Summary, string Neighbourhood, string? Theme, InitiativeStatus Status,
    string? TeamCode, string? OwnerId, int Supports, bool ThresholdReached, DateTimeOffset SubmittedAt, DateTimeOffset? DueDate,
    DateTimeOffset? FirstResponseAt, DateTimeOffset? DecidedAt, int Escalations, int Comments = 0);
