namespace Participation.Budgeting.Rules;

/// <summary>
/// <see cref="EqualShares"/> followed by utilitarian greedy over what it left, so that no project that still fits
/// stays unfunded while money is left.
/// </summary>
public sealed class EqualSharesComplete : IBudgetRule
{
    internal const string RuleName = "mes-complete";

    public string Name => RuleName;

    public Allocation Select(Election election, CancellationToken cancellationToken)
    {
        var profile = election.Profile;
        var (selected, increments, exactRun) = EqualShares.Run(profile, cancellationToken);
        var equalShares = EqualShares.ToAllocation(Name, profile, selected, increments, exactRun);
        return Completion.Fill(Name, profile, equalShares, SelectionStep.Completion);
    }
}
