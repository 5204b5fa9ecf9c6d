using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.App.Hosting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.App.Routing;
using Participation.Budgeting.Lifecycle;
using Participation.Realisation;

namespace Participation.App.Realisation;

/// <summary>An official accepted the initiative; its realisation item is due.</summary>
public sealed record InitiativeAccepted(string TrackingCode);

/// <summary>A budget's results were published; each funded project gets a realisation item.</summary>
public sealed record BudgetResultsPublished(string BudgetId);

/// <summary>
/// How other modules tell realisation that something was decided: a side effect written with the decision (an outbox row
/// in the same transaction), so a failure to create the item never fails or loses the decision and a redelivery is harmless.
/// </summary>
public static class RealisationIntake
{
    public static SideEffect InitiativeAccepted(string trackingCode) =>
        SideEffect.Enqueue(RealiseAcceptedInitiative.Queue, new InitiativeAccepted(trackingCode));

    public static SideEffect BudgetResultsPublished(string budgetId) =>
        SideEffect.Enqueue(RealiseFundedProjects.Queue, new BudgetResultsPublished(budgetId));
}

/// <summary>Queue function: creates the realisation item of an accepted initiative, once (the item id is derived from the tracking code).</summary>
public sealed class RealiseAcceptedInitiative(InitiativeStore initiatives, RealisationStore store, RoutingDirectory routing, TimeProvider clock, ILogger<RealiseAcceptedInitiative> logger)
    : IQueueFunction<InitiativeAccepted>
{
    public const string Queue = "initiative-accepted";

    public static QueueTrigger Trigger { get; } = new(nameof(RealiseAcceptedInitiative), Queue);

    public static PlatformUser System { get; } = PlatformUser.System("Realisation", "Realisation item on a decision");

    public async Task HandleAsync(InitiativeAccepted message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        if (await initiatives.FindAsync(message.TrackingCode, cancellationToken) is not { } initiative
            || initiative.Status is not (InitiativeStatus.Accepted or InitiativeStatus.InProgress or InitiativeStatus.Completed))
        {
            logger.NotAccepted(message.TrackingCode);
            return;
        }

        var item = new RealisationItem
        {
            Id = RealisationItem.IdForInitiative(initiative.TrackingCode),
            Kind = ItemKind.Initiative,
            SourceId = initiative.TrackingCode,
            Title = initiative.Title,
            Neighbourhood = initiative.Neighbourhood,
            Team = initiative.TeamCode ?? (await routing.CurrentAsync(cancellationToken)).FrontOfficeTeam,
            CreatedAt = initiative.DecidedAt ?? clock.GetUtcNow(),
        };
        if (await store.CreateAsync(item, System, clock.GetUtcNow(), cancellationToken))
        {
            logger.Created(item.Id, item.Kind.ToWireName());
        }
    }
}

/// <summary>Queue function: creates a realisation item per funded project of a budget whose results are published; redelivery finds them made.</summary>
public sealed class RealiseFundedProjects(BudgetStore budgets, BallotBox box, RealisationStore store, RoutingDirectory routing, TimeProvider clock, ILogger<RealiseFundedProjects> logger)
    : IQueueFunction<BudgetResultsPublished>
{
    public const string Queue = "budget-results-published";

    public static QueueTrigger Trigger { get; } = new(nameof(RealiseFundedProjects), Queue);

    public async Task HandleAsync(BudgetResultsPublished message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        if (await budgets.FindAsync(message.BudgetId, cancellationToken) is not { } snapshot || snapshot.Budget.Phase < BudgetPhase.Results)
        {
            logger.NotPublished(message.BudgetId);
            return;
        }

        var (_, allocation, _) = await BudgetResults.CountAsync(snapshot, box, cancellationToken);
        var configuration = await routing.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var project in snapshot.Projects.Where(p => allocation.IsSelected(p.Id)))
        {
            var neighbourhood = string.IsNullOrEmpty(project.Neighbourhood) ? snapshot.Budget.Neighbourhood : project.Neighbourhood;
            var item = new RealisationItem
            {
                Id = RealisationItem.IdForBudgetProject(snapshot.Budget.Id, project.Id),
                Kind = ItemKind.BudgetProject,
                SourceId = $"{snapshot.Budget.Id}/{project.Id}",
                Title = project.Title,
                Neighbourhood = neighbourhood,
                Team = TeamFor(configuration, neighbourhood),
                PlannedCost = project.Cost,
                CreatedAt = now,
            };
            if (await store.CreateAsync(item, RealiseAcceptedInitiative.System, now, cancellationToken))
            {
                logger.Created(item.Id, item.Kind.ToWireName());
            }
        }
    }

    /// <summary>The area team of the neighbourhood (its rule without a theme), or the front office when there is none.</summary>
    public static string TeamFor(RoutingConfiguration configuration, string neighbourhood) =>
        configuration.Rules.FirstOrDefault(r => r.Neighbourhood == neighbourhood && r.Theme is null)?.Team ?? configuration.FrontOfficeTeam;
}

internal static partial class RealisationLog
{
    [LoggerMessage(LogLevel.Information, "Realisation item {ItemId} ({Kind}) created")]
    public static partial void Created(this ILogger logger, string itemId, string kind);

    [LoggerMessage(LogLevel.Information, "Initiative {TrackingCode} is not accepted (any more); no realisation item")]
    public static partial void NotAccepted(this ILogger logger, string trackingCode);

    [LoggerMessage(LogLevel.Information, "Budget {BudgetId} has no published results; no realisation items yet")]
    public static partial void NotPublished(this ILogger logger, string budgetId);

    [LoggerMessage(LogLevel.Information, "Realisation item {ItemId}: {Action} by a user in role {Role}")]
    public static partial void Changed(this ILogger logger, string itemId, string action, string role);

    [LoggerMessage(LogLevel.Information, "Slipped-milestones digest for the week from {From}: {Count} newly slipped")]
    public static partial void Digest(this ILogger logger, DateOnly from, int count);
}
