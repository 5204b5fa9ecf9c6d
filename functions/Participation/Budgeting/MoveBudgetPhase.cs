using Participation.Budgeting.Lifecycle;
using Participation.App.Hosting;
using Participation.Realisation;
using Participation.App.Realisation;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// An admin moves a budget forward ahead of its schedule (never back: a reopened vote would unfreeze rules residents
/// already voted under). The scheduled <see cref="AdvanceBudgetPhases"/> makes the same move.
/// </summary>
public static class MoveBudgetPhase
{
    public sealed record Request(string? Phase);

    public static async Task<Outcome<ShowBudget.Response>> HandleAsync(
        string id, Request request, PlatformUser user, BudgetServices services, CancellationToken cancellationToken)
    {
        if (!BudgetPhases.TryParse(request.Phase, out var target))
        {
            return BudgetRefusals.InvalidPhase;
        }

        var now = services.Clock.GetUtcNow();
        var saved = await services.Store.ChangeAsync(id, user, snapshot => Move(snapshot, target, now), cancellationToken);
        return saved.Map(snapshot => ShowBudget.Describe(snapshot, now));
    }

    /// <summary>The budget moved to <paramref name="target"/> as <see cref="BudgetLifecycle.Move"/> allows, with what the move sets off.</summary>
    public static Outcome<BudgetChange> Move(BudgetSnapshot snapshot, BudgetPhase target, DateTimeOffset now)
    {
        var budget = snapshot.Budget;
        var moved = BudgetLifecycle.Move(budget.Phase, target, snapshot.Projects.Count, budget.Rules is not null) switch
        {
            PhaseMove.Moves => budget with { Phase = target },
            // Freezing writes the tie-break order out in full, so the count can be reproduced from the budget alone.
            PhaseMove.MovesAndFreezes => budget with
            {
                Phase = target, TieBreakOrder = budget.TieBreakOrder ?? snapshot.Projects.Select(p => p.Id).ToList(), RulesFrozenAt = now,
            },
            _ => null,
        };
        if (moved is null)
        {
            return target <= budget.Phase ? BudgetRefusals.PhaseNotForward(budget) : BudgetRefusals.NotReadyToVote(budget);
        }

        return new BudgetChange(moved, "budget.phase-moved", budget.AuditSummary()) { Effects = Effects(moved) };
    }

    /// <summary>What a move sets off, stored with it: published results ask realisation for the funded projects' items.</summary>
    private static IReadOnlyList<SideEffect> Effects(Budget changed) =>
        BudgetLifecycle.ResultsPublished(changed.Phase) ? [RealisationIntake.BudgetResultsPublished(changed.Id)] : [];
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
            if (BudgetLifecycle.DueAt(listed.Phase, listed.Dates, now) is null || await store.FindAsync(listed.Id, cancellationToken) is not { } snapshot
                || BudgetLifecycle.DueAt(snapshot.Budget.Phase, snapshot.Budget.Dates, now) is not { } target)
            {
                continue;
            }

            if (MoveBudgetPhase.Move(snapshot, target, now).Value is not { } change)
            {
                logger.NotReady(snapshot.Budget.Id, target.ToWireName());
                continue;
            }

            if (await store.SaveAsync(change, System, cancellationToken))
            {
                logger.PhaseMoved(change.Changed.Id, snapshot.Budget.Phase.ToWireName(), change.Changed.Phase.ToWireName());
            }
        }
    }
}
