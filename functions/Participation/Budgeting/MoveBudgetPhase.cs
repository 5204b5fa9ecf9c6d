using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Hosting;
using Participation.Identity;
using Participation.Realisation;
using Participation.Storage;

namespace Participation.Budgeting;

/// <summary>
/// <c>POST /api/budgets/{id}/phase</c>: an admin moves a budget forward (never back: a reopened vote would unfreeze
/// rules residents already voted under). The scheduled <see cref="AdvanceBudgetPhases"/> uses the same move.
/// </summary>
public static class MoveBudgetPhase
{
    public sealed record Request(string? Phase);

    public static async Task<Results<Ok<ShowBudget.Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id, Request request, HttpContext http, BudgetStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!BudgetPhases.TryParse(request.Phase, out var target))
        {
            return BudgetAccess.Invalid("phase", $"Choose one of: {string.Join(", ", BudgetPhases.All.Select(p => p.ToWireName()))}.");
        }

        var user = PlatformUser.From(http.User)!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.FindAsync(id, cancellationToken) is not { } snapshot)
            {
                return BudgetAccess.NotFound(id);
            }

            if (target <= snapshot.Budget.Phase)
            {
                return BudgetAccess.Conflict("Phases only move forward",
                    $"Budget '{id}' is in the {snapshot.Budget.Phase.ToWireName()} phase; it can only move to a later phase.");
            }

            if (Move(snapshot, target, clock.GetUtcNow()) is not { } changed)
            {
                return BudgetAccess.Conflict("Not ready to vote", NotReadyReason(snapshot));
            }

            if (await store.SaveAsync(changed, user, "budget.phase-moved", snapshot.Budget.AuditSummary(), cancellationToken, effects: Effects(changed)))
            {
                return TypedResults.Ok(ShowBudget.Describe(new BudgetSnapshot(changed, snapshot.Projects), clock.GetUtcNow()));
            }
        }

        return BudgetAccess.Busy();
    }

    /// <summary>What a move sets off, stored with it: published results ask realisation for the funded projects' items.</summary>
    public static IReadOnlyList<SideEffect> Effects(Budget changed) =>
        changed.Phase >= BudgetPhase.Results ? [RealisationIntake.BudgetResultsPublished(changed.Id)] : [];

    /// <summary>The budget in <paramref name="target"/>; null when voting would open without projects.</summary>
    public static Budget? Move(BudgetSnapshot snapshot, BudgetPhase target, DateTimeOffset now)
    {
        var budget = snapshot.Budget;
        if (target < BudgetPhase.Voting || budget.RulesFrozen)
        {
            return budget with { Phase = target };
        }

        if (snapshot.Projects.Count == 0 || budget.Rules is null)
        {
            return null;
        }

        // Freezing writes the tie-break order out in full, so the count can be reproduced from the budget alone.
        var order = budget.TieBreakOrder ?? snapshot.Projects.Select(p => p.Id).ToList();
        return budget with { Phase = target, TieBreakOrder = order, RulesFrozenAt = now };
    }

    public static string NotReadyReason(BudgetSnapshot snapshot) =>
        $"Budget '{snapshot.Budget.Id}' has no projects on its ballot paper yet; voting cannot open.";
}

/// <summary>
/// Timer function, every minute: moves each budget to the latest phase whose start date has passed. Idempotent — two
/// runs read the same dates, and the ETag lets only one of them write. A budget without projects stays before voting.
/// </summary>
public sealed class AdvanceBudgetPhases(BudgetStore store, TimeProvider clock, ILogger<AdvanceBudgetPhases> logger) : ITimerFunction
{
    public static TimerTrigger Trigger { get; } = new(nameof(AdvanceBudgetPhases), "0 * * * * *");

    /// <summary>The actor audit entries name for scheduled moves.</summary>
    public static PlatformUser System { get; } = PlatformUser.System(nameof(AdvanceBudgetPhases), "Phase schedule");

    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var listed in await store.ListAsync(cancellationToken))
        {
            if (Due(listed, now) is null || await store.FindAsync(listed.Id, cancellationToken) is not { } snapshot || Due(snapshot.Budget, now) is not { } target)
            {
                continue;
            }

            if (MoveBudgetPhase.Move(snapshot, target, now) is not { } changed)
            {
                logger.NotReady(snapshot.Budget.Id, target.ToWireName());
                continue;
            }

            if (await store.SaveAsync(changed, System, "budget.phase-moved", snapshot.Budget.AuditSummary(), cancellationToken, effects: MoveBudgetPhase.Effects(changed)))
            {
                logger.PhaseMoved(changed.Id, snapshot.Budget.Phase.ToWireName(), changed.Phase.ToWireName());
            }
        }
    }

    private static BudgetPhase? Due(Budget budget, DateTimeOffset now)
    {
        var latest = BudgetPhases.All.LastOrDefault(phase => budget.Dates.StartOf(phase) is { } start && start <= now);
        return budget.Dates.StartOf(latest) is { } due && due <= now && latest > budget.Phase ? latest : null;
    }
}

internal static partial class BudgetingLog
{
    [LoggerMessage(LogLevel.Information, "Budget {BudgetId} moved from {From} to {To} on schedule")]
    public static partial void PhaseMoved(this ILogger logger, string budgetId, string from, string to);

    [LoggerMessage(LogLevel.Warning, "Budget {BudgetId} is due to enter {Phase} but has no projects; it stays where it is")]
    public static partial void NotReady(this ILogger logger, string budgetId, string phase);

    [LoggerMessage(LogLevel.Information, "Demo voting code for budget {BudgetId}: {Code}")]
    public static partial void DemoCode(this ILogger logger, string budgetId, string code);

    [LoggerMessage(LogLevel.Information, "Budget {BudgetId}: {Count} voting codes generated")]
    public static partial void CodesGenerated(this ILogger logger, string budgetId, int count);
}
