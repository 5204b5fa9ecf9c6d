using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Participation.App.Audit;
using Participation.Budgeting.Lifecycle;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// One partition per budget (key: the budget id) holds the budget row, its projects and its audit entries, so a change
/// and its audit entry commit in one entity-group transaction guarded by the budget row's ETag. Adding a project
/// rewrites the budget row under its ETag too: a project cannot slip onto the ballot while voting opens. What a change
/// sets off (asking realisation for items once results are published) is an outbox row in the same transaction.
/// </summary>
public sealed class BudgetStore(TableServiceClient tables, QueueServiceClient queues, TimeProvider clock, ILogger<BudgetStore> logger)
{
    public const string Table = "Budgets";
    private const string BudgetRow = "budget";
    private const string ProjectPrefix = "project|";
    // Sorts before "audit|" and "budget", so reading a budget never reads its stored result.
    private const string ResultRow = "_result";
    private const int ResultChunk = 30_000; // a string property holds at most 32K characters

    // Every ballot reads its budget; a short cache keeps that read off the hot path. Changes made here clear it at once,
    // and the scheduled close is checked against the date itself, so the cache only delays a manual close made on
    // another instance, by at most this long.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (BudgetSnapshot Snapshot, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);
    // The list reads the whole table (budget rows among their projects, audit rows and paper batches): the home page's
    // teaser asks for it on every visit, so it is kept as briefly as the snapshots and dropped by every change.
    private (IReadOnlyList<Budget> Budgets, DateTimeOffset Until)? listed;
    private readonly TableClient budgets = tables.GetTableClient(Table);
    private Outbox? budgetOutbox;

    /// <summary>The budget partitions' outbox, registered with the shared dispatcher and sweep.</summary>
    public Outbox Outbox => budgetOutbox ??= new Outbox("budgets", budgets, queues, clock, logger);

    /// <summary>The budgets table, for the store classes that keep rows in a budget's partition (<see cref="PaperBallotBatches"/>).</summary>
    internal TableClient BudgetsTable => budgets;

    /// <summary>False when the id is taken.</summary>
    public async Task<bool> CreateAsync(Budget budget, PlatformUser actor, CancellationToken cancellationToken)
    {
        try
        {
            await budgets.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, ToEntity(budget)),
                AuditTrail.Append(budget.Id, actor, "budget.created", Subject(budget.Id), null, budget.AuditSummary(), budget.CreatedAt),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task<BudgetSnapshot?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!BudgetIds.IsValid(id))
        {
            return null;
        }

        Budget? budget = null;
        var projects = new List<BudgetProject>();
        // "audit|…" sorts before "budget", so the range skips the audit trail.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {BudgetRow}");
        await foreach (var entity in budgets.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == BudgetRow)
            {
                budget = FromEntity(entity);
            }
            else if (entity.RowKey.StartsWith(ProjectPrefix, StringComparison.Ordinal))
            {
                projects.Add(ProjectFrom(entity));
            }
        }

        if (budget is null)
        {
            return null;
        }

        var snapshot = new BudgetSnapshot(budget, projects.OrderBy(p => p.Id.Length).ThenBy(p => p.Id, StringComparer.Ordinal).ToList());
        cache[id] = (snapshot, clock.GetUtcNow() + CacheFor);
        return snapshot;
    }

    /// <summary>The budget as read at most a moment ago: for the ballot path, never for changes.</summary>
    public async Task<BudgetSnapshot?> FindRecentAsync(string id, CancellationToken cancellationToken) =>
        cache.TryGetValue(id, out var cached) && cached.Until > clock.GetUtcNow()
            ? cached.Snapshot
            : await FindAsync(id, cancellationToken);

    /// <summary>The budgets as listed at most a moment ago: for pages every visitor opens, never for changes.</summary>
    public async Task<IReadOnlyList<Budget>> ListRecentAsync(CancellationToken cancellationToken)
    {
        if (listed is { } recent && recent.Until > clock.GetUtcNow())
        {
            return recent.Budgets;
        }

        var budgets = await ListAsync(cancellationToken);
        listed = (budgets, clock.GetUtcNow() + CacheFor);
        return budgets;
    }

    public async Task<IReadOnlyList<Budget>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<Budget>();
        await foreach (var entity in budgets.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {BudgetRow}"), cancellationToken: cancellationToken))
        {
            list.Add(FromEntity(entity));
        }

        return list.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Changes a budget that others may change at the same time: reads it, lets <paramref name="decide"/> refuse or say the
    /// change, saves it with its audit entry under the ETag read, and on a conflict reads again and decides anew. The
    /// budget as saved, with its projects; refused with <see cref="BudgetRefusals.NotFound"/>, the decision's refusal,
    /// or <see cref="BudgetRefusals.Busy"/> when others kept saving first.
    /// </summary>
    public Task<Outcome<BudgetSnapshot>> ChangeAsync(
        string id, PlatformUser actor, Func<BudgetSnapshot, Outcome<BudgetChange>> decide, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RetryAsync<Outcome<BudgetSnapshot>>(async token =>
        {
            if (await FindAsync(id, token) is not { } snapshot)
            {
                return Attempt<Outcome<BudgetSnapshot>>.Done(BudgetRefusals.NotFound(id));
            }

            var decision = decide(snapshot);
            if (decision.Value is not { } change)
            {
                return Outcome<BudgetSnapshot>.Refused(decision.Refusals);
            }

            return await SaveAsync(change, actor, token)
                ? Outcome<BudgetSnapshot>.Success(new BudgetSnapshot(change.Changed, [.. snapshot.Projects, .. change.AddedProjects]))
                : Attempt<Outcome<BudgetSnapshot>>.Conflict;
        }, () => BudgetRefusals.Busy, cancellationToken);

    /// <summary>
    /// Saves a changed budget with its audit entry (and its new projects and side effects), only if nobody changed it
    /// since it was read. False on such a conflict.
    /// </summary>
    public async Task<bool> SaveAsync(BudgetChange change, PlatformUser actor, CancellationToken cancellationToken)
    {
        var (changed, effects) = (change.Changed, change.Effects);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ToEntity(changed), new ETag(changed.Version)),
            AuditTrail.Append(changed.Id, actor, change.Action, Subject(changed.Id), change.Before, changed.AuditSummary(), clock.GetUtcNow()),
        };
        actions.AddRange(change.AddedProjects.Select(project => AddProject(changed.Id, project)));
        actions.AddRange(Outbox.Rows(changed.Id, effects));
        try
        {
            await budgets.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (AuditTrail.IsConflict(exception))
        {
            return false;
        }
        finally
        {
            cache.TryRemove(changed.Id, out _);
            listed = null;
        }

        if (effects.Count > 0)
        {
            await Outbox.DispatchSoonAsync(changed.Id);
        }

        return true;
    }

    /// <summary>
    /// Commits rows of the budget's partition (a paper batch's state, say) together with their audit entry: both or
    /// neither. False when an action conflicts (a row exists already, or changed since it was read).
    /// </summary>
    internal async Task<bool> CommitAsync(
        string budgetId, PlatformUser actor, string action, string? before, string? after, IEnumerable<TableTransactionAction> actions,
        CancellationToken cancellationToken)
    {
        List<TableTransactionAction> all = [.. actions, AuditTrail.Append(budgetId, actor, action, Subject(budgetId), before, after, clock.GetUtcNow())];
        try
        {
            await budgets.SubmitTransactionAsync(all, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (AuditTrail.IsConflict(exception))
        {
            return false;
        }
        finally
        {
            cache.TryRemove(budgetId, out _);
            listed = null;
        }
    }

    /// <summary>
    /// Marks the budget row changed without changing what it says: ballots came in that a stored count does not hold,
    /// so the next read of the results counts again. Only if the row is still at <paramref name="version"/>: a phase
    /// move saved meanwhile makes the whole transaction fail, so ballots never join a budget whose count has moved on.
    /// </summary>
    internal static TableTransactionAction BallotsChanged(string budgetId, string version, DateTimeOffset at) =>
        new(TableTransactionActionType.UpdateMerge, new TableEntity(budgetId, BudgetRow) { ["BallotsChangedAt"] = at }, new ETag(version));

    /// <summary>The stored count of the budget, with the budget version it counted; null before the first.</summary>
    public async Task<(string CountedVersion, string Json)?> FindResultAsync(string id, CancellationToken cancellationToken)
    {
        var row = await budgets.GetEntityIfExistsAsync<TableEntity>(id, ResultRow, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } entity || entity.GetString("CountedVersion") is not { } version)
        {
            return null;
        }
        var json = new System.Text.StringBuilder();
        for (var i = 0; entity.GetString($"Json{i}") is { } chunk; i++)
        {
            json.Append(chunk);
        }
        return (version, json.ToString());
    }

    /// <summary>Stores a count of the budget as it was at <paramref name="countedVersion"/>, replacing any earlier one.</summary>
    public async Task SaveResultAsync(string id, string countedVersion, string json, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(id, ResultRow) { ["CountedVersion"] = countedVersion, ["CountedAt"] = clock.GetUtcNow() };
        for (var i = 0; i * ResultChunk < json.Length; i++)
        {
            entity[$"Json{i}"] = json.Substring(i * ResultChunk, Math.Min(ResultChunk, json.Length - i * ResultChunk));
        }
        await budgets.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// How long after a change of the budget row every instance has seen it: the ballot path reads the budget through a
    /// cache, so a ballot may still arrive this long after voting closed.
    /// </summary>
    public static TimeSpan SettledAfter => CacheFor * 2;

    private static TableTransactionAction AddProject(string budgetId, BudgetProject project) => new(TableTransactionActionType.Add, new TableEntity(budgetId, ProjectPrefix + project.Id)
    {
        ["Title"] = project.Title,
        ["Description"] = project.Description,
        ["Cost"] = project.Cost,
        ["Neighbourhood"] = project.Neighbourhood,
        ["FeasibilityNote"] = project.FeasibilityNote,
        ["InitiativeCode"] = project.InitiativeCode,
    });

    public static string Subject(string budgetId) => $"budget/{budgetId}";

    private static BudgetProject ProjectFrom(TableEntity e) => new(
        e.RowKey[ProjectPrefix.Length..],
        e.GetString("Title") ?? "",
        e.GetString("Description") ?? "",
        e.GetInt64("Cost") ?? 0,
        e.GetString("Neighbourhood") ?? "",
        e.GetString("FeasibilityNote"),
        e.GetString("InitiativeCode"));

    private static TableEntity ToEntity(Budget b) => new(b.Id, BudgetRow)
    {
        ["Title"] = b.Title,
        ["Neighbourhood"] = b.Neighbourhood,
        ["Amount"] = b.Amount,
        ["Currency"] = b.Currency,
        ["Phase"] = b.Phase.ToWireName(),
        ["Dates"] = JsonSerializer.Serialize(b.Dates),
        ["Eligibility"] = b.Eligibility,
        ["Rules"] = b.Rules is null ? null : JsonSerializer.Serialize(b.Rules),
        ["TieBreakOrder"] = b.TieBreakOrder is null ? null : JsonSerializer.Serialize(b.TieBreakOrder),
        ["RulesFrozenAt"] = b.RulesFrozenAt,
        ["ProjectCount"] = b.ProjectCount,
        ["EligibleVoters"] = b.EligibleVoters,
        ["CodesIssued"] = b.CodesIssued,
        ["CreatedAt"] = b.CreatedAt,
    };

    private static Budget FromEntity(TableEntity e) => new()
    {
        Id = e.PartitionKey,
        Title = e.GetString("Title") ?? "",
        Neighbourhood = e.GetString("Neighbourhood") ?? "",
        Amount = e.GetInt64("Amount") ?? 0,
        Currency = e.GetString("Currency") ?? "EUR",
        Phase = BudgetPhases.TryParse(e.GetString("Phase"), out var phase) ? phase : BudgetPhase.Proposals,
        Dates = JsonSerializer.Deserialize<PhaseDates>(e.GetString("Dates") ?? "{}")!,
        Eligibility = e.GetString("Eligibility") ?? Budget.ByCode,
        Rules = e.GetString("Rules") is { } rules ? JsonSerializer.Deserialize<BallotSettings>(rules) : null,
        TieBreakOrder = e.GetString("TieBreakOrder") is { } order ? JsonSerializer.Deserialize<List<string>>(order) : null,
        RulesFrozenAt = e.GetDateTimeOffset("RulesFrozenAt"),
        ProjectCount = e.GetInt32("ProjectCount") ?? 0,
        EligibleVoters = e.GetInt32("EligibleVoters"),
        CodesIssued = e.GetInt32("CodesIssued") ?? 0,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        Version = e.ETag.ToString(),
        ChangedAt = e.Timestamp,
    };
}

/// <summary>
/// A change of a budget as a use case decides it: the budget as it will be (with the version it was read at), the audit
/// action and what the trail says was before, the projects it puts on the ballot paper and what it sets off.
/// </summary>
public sealed record BudgetChange(Budget Changed, string Action, string? Before)
{
    public IReadOnlyList<BudgetProject> AddedProjects { get; init; } = [];
    public IReadOnlyList<SideEffect> Effects { get; init; } = [];
}

/// <summary>Budget ids are lowercase slugs: safe in table keys and URLs, and readable in a .pb file's name.</summary>
public static class BudgetIds
{
    public static bool IsValid(string? id) =>
        id is { Length: >= 3 and <= 40 } && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
