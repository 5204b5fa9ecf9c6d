namespace Participation.Budgeting;

/// <summary>
/// Ballot groups as flat arrays of project indexes, the form a count works on and a file reader builds without a
/// string per vote: group g names <c>Projects[Start[g]..Start[g + 1]]</c> (each project once; in ranked order for a
/// ranking), with <c>Points</c> beside them for cumulative ballots, and was cast <c>Multiplicity[g]</c> times.
/// </summary>
internal sealed record IndexedBallots(int[] Start, int[] Projects, long[]? Points, long[] Multiplicity)
{
    public int GroupCount => Multiplicity.Length;

    public ReadOnlySpan<int> ProjectsOf(int group) => Projects.AsSpan(Start[group], Start[group + 1] - Start[group]);
}
