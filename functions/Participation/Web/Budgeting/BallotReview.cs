using Participation.Budgeting;
using Participation.App.Budgeting;

namespace Participation.App.Web.Budgeting;

/// <summary>
/// The review step of the ballot: the projects as chosen (with points for a cumulative ballot), checked against the
/// rule but not yet cast, so the resident sees exactly what will count before pressing "Stem uitbrengen".
/// </summary>
public sealed class BallotReview(ShowBudget.Response budget, CastBallot.Request request)
{
    public sealed record Line(ShowBudget.ProjectView Project, long? Points);

    public ShowBudget.Response Budget { get; } = budget;
    public string? Code { get; } = request.Code;
    public bool Cumulative => Budget.Rules?.VoteType == BallotSettings.Cumulative;

    public IReadOnlyList<Line> Lines { get; } = budget.Projects
        .Where(p => request.Points?.ContainsKey(p.Id) ?? request.Projects?.Contains(p.Id) == true)
        .Select(p => new Line(p, request.Points is { } points && points.TryGetValue(p.Id, out var given) ? given : null))
        .ToList();

    public long TotalCost => Lines.Sum(l => l.Project.Cost);
    public long TotalPoints => Lines.Sum(l => l.Points ?? 0);
}
