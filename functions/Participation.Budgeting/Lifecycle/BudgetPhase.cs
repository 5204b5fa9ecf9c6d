namespace Participation.Budgeting.Lifecycle;

/// <summary>The six phases of a buurtbudget, in order; a budget only moves forward.</summary>
public enum BudgetPhase
{
    Proposals,
    Review,
    Voting,
    Counting,
    Results,
    Realisation,
}

public static class BudgetPhases
{
    public static IReadOnlyList<BudgetPhase> All { get; } = Enum.GetValues<BudgetPhase>();

    public static string ToWireName(this BudgetPhase phase) => phase.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out BudgetPhase phase) =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out phase) && Enum.IsDefined(phase) && !int.TryParse(value, out _);
}
