namespace Participation.Budgeting.Rules;

/// <summary>
/// A counting rule. <see cref="Name"/> is what pabulib writes under <c>rule</c> where it has a name for it
/// ("greedy", "equalshares/add1"), so a .pb file names the rule that must reproduce its winners.
/// </summary>
public interface IBudgetRule
{
    string Name { get; }

    Allocation Select(Election election, CancellationToken cancellationToken);
}
