namespace Participation.Budgeting.Rules;

/// <summary>
/// What the final run of equal shares left behind, so an outcome can be explained and checked:
/// every voter's share, what each ballot group paid and kept, and what a project's supporters had left.
/// Ballot groups are indexed as in <see cref="Election.Ballots"/>.
/// </summary>
public sealed class EqualSharesDetails
{
    private readonly EqualSharesRun run;
    private readonly BallotProfile profile;

    internal EqualSharesDetails(EqualSharesRun run, BallotProfile profile, int increments)
    {
        this.run = run;
        this.profile = profile;
        Increments = increments;
        FundedByEqualShares = run.Selected.Select(profile.Id).ToArray();
    }

    /// <summary>Money each voter started the final run with: budget / voters, plus one unit per increment.</summary>
    public Rational VoterShare => run.Share;

    /// <summary>How often every voter's share was raised by one currency unit (the add1 completion).</summary>
    public int Increments { get; }

    public IReadOnlyList<string> FundedByEqualShares { get; }

    /// <summary>Money one voter of the ballot group had left at the end.</summary>
    public Rational LeftoverOf(int ballotGroup) => run.LeftoverOf(ballotGroup);

    /// <summary>Money one voter of the ballot group paid in total.</summary>
    public Rational PaidBy(int ballotGroup) => VoterShare - run.LeftoverOf(ballotGroup);

    /// <summary>Money the project's supporters had left together at the end.</summary>
    public Rational SupportersLeftover(string projectId) => run.SupportersLeftover(profile.ProjectIndex[projectId]);
}
