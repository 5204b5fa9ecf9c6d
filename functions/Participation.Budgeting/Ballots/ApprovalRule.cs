namespace Participation.Budgeting.Ballots;

/// <summary>Choose between <see cref="MinProjects"/> and <see cref="MaxProjects"/> projects (no maximum when null).</summary>
public sealed record ApprovalRule(int MinProjects = 1, int? MaxProjects = null) : BallotRule
{
    public override string Name => "approval";

    protected override BallotError? CheckRule(Ballot ballot, IReadOnlyDictionary<string, Project> projects) =>
        NoPoints(ballot) ?? CheckCount(ballot.Projects.Count, MinProjects, MaxProjects);
}
