namespace Participation.Budgeting.Lifecycle;

/// <summary>When each phase starts (UTC); a phase without a date is only entered by an admin.</summary>
public sealed record PhaseDates(
    DateTimeOffset? Proposals, DateTimeOffset? Review, DateTimeOffset? Voting,
    DateTimeOffset? Counting, DateTimeOffset? Results, DateTimeOffset? Realisation)
{
    public DateTimeOffset? StartOf(BudgetPhase phase) => phase switch
    {
        BudgetPhase.Proposals => Proposals,
        BudgetPhase.Review => Review,
        BudgetPhase.Voting => Voting,
        BudgetPhase.Counting => Counting,
        BudgetPhase.Results => Results,
        _ => Realisation,
    };

    /// <summary>Null when the dates are in order; otherwise the first phase that starts before the phase ahead of it.</summary>
    public BudgetPhase? FirstOutOfOrder()
    {
        DateTimeOffset? previous = null;
        foreach (var phase in BudgetPhases.All)
        {
            if (StartOf(phase) is { } start)
            {
                if (previous is { } before && start < before)
                {
                    return phase;
                }

                previous = start;
            }
        }

        return null;
    }
}
