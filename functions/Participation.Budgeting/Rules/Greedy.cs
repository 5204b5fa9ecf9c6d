namespace Participation.Budgeting.Rules;

/// <summary>
/// Utilitarian greedy, pabulib's <c>greedy</c>: projects by votes (approvals, points, or Borda score), most first,
/// each funded if it still fits in what is left; one that does not fit is skipped, not a reason to stop.
/// For approval ballots this is pabutools' greedy utilitarian welfare with cost satisfaction.
/// </summary>
public sealed class Greedy : IBudgetRule
{
    public string Name => "greedy";

    public Allocation Select(Election election, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var profile = election.Profile;
        var nothing = new Allocation(Name, [], 0, election.Budget, profile.Votes(), []);
        return Completion.Fill(Name, profile, nothing, SelectionStep.Greedy);
    }
}
