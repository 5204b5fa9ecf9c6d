namespace Participation.Budgeting.Rules;

/// <summary>Every counting rule by name, so an election (or a .pb file's <c>rule</c>) can name the one to run.</summary>
public static class BudgetRules
{
    private static readonly Dictionary<string, IBudgetRule> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["greedy"] = new Greedy(),
        ["mes"] = new EqualShares(),
        ["equalshares/add1"] = new EqualShares(),
        ["mes-complete"] = new EqualSharesComplete(),
    };

    /// <summary>Names accepted by <see cref="Find"/>: each rule's own name and its short alias.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static IReadOnlyList<IBudgetRule> All { get; } = [new Greedy(), new EqualShares(), new EqualSharesComplete()];

    public static bool TryFind(string name, out IBudgetRule rule) => ByName.TryGetValue(name.Trim(), out rule!);

    public static IBudgetRule Find(string name) =>
        TryFind(name, out var rule) ? rule : throw new KeyNotFoundException($"No budgeting rule named '{name}'.");

    public static Allocation Run(string name, Election election, CancellationToken cancellationToken) =>
        Find(name).Select(election, cancellationToken);
}
