namespace Participation.Budgeting.Ballots;

/// <summary>
/// Spread at most <see cref="PointsPerVoter"/> points over projects, at most <see cref="MaxPointsPerProject"/> on one
/// project, and at least one point on every project named.
/// </summary>
public sealed record CumulativeRule(long PointsPerVoter, long MaxPointsPerProject) : BallotRule
{
    public override string Name => "cumulative";

    protected override BallotError? CheckRule(Ballot ballot, IReadOnlyDictionary<string, Project> projects)
    {
        if (ballot.Points is not { } points)
        {
            return Error("points_required", "This ballot paper asks for points per project.", "Op dit stembiljet verdeelt u punten over plannen.");
        }
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] < 1)
            {
                return Error("min_points",
                    $"Project '{ballot.Projects[i]}' needs at least 1 point, or leave it out.",
                    $"Plan '{ballot.Projects[i]}' krijgt minstens 1 punt, of laat het weg.");
            }
            if (points[i] > MaxPointsPerProject)
            {
                return Error("max_points_per_project",
                    $"Project '{ballot.Projects[i]}' has {points[i]} points; at most {MaxPointsPerProject} are allowed per project.",
                    $"Plan '{ballot.Projects[i]}' heeft {points[i]} punten; per plan mogen er hoogstens {MaxPointsPerProject}.");
            }
        }
        var total = points.Sum();
        return total <= PointsPerVoter
            ? null
            : Error("max_points",
                $"This ballot gives {total} points; each voter has {PointsPerVoter}.",
                $"Deze stem geeft {total} punten; iedere stemmer heeft er {PointsPerVoter}.");
    }
}
