using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.App.MyPage;
using Participation.Budgeting.Lifecycle;

namespace Participation.App.Web.MyPage;

/// <summary>
/// "Mijn omgeving" (<c>/mijn</c>, signed-in residents): the initiatives I submitted and supported with their status, and
/// the buurtbudgets I voted in. Everything here stays reachable without signing in, by tracking code and e-mailed link.
/// </summary>
public sealed class IndexModel(ResidentActivity activity, InitiativeStore initiatives, BudgetStore budgets, BallotBox box, TimeProvider clock) : PageModel
{
    /// <summary>At most this many initiatives per list: the overview reads each one.</summary>
    private const int MostShown = 50;

    public sealed record InitiativeLine(string TrackingCode, string Title, string Status, DateTimeOffset At);
    public sealed record VoteLine(Budget Budget, BallotBox.ResidentVote Vote, bool CanChange);

    public IReadOnlyList<InitiativeLine> Submitted { get; private set; } = [];
    public IReadOnlyList<InitiativeLine> Supported { get; private set; } = [];
    public IReadOnlyList<VoteLine> Votes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var resident = PlatformUser.From(User)!;
        var entries = await activity.ListAsync(resident, cancellationToken);
        Submitted = await LinesAsync(entries.Where(e => e.Kind == ResidentActivity.Submitted), cancellationToken);
        Supported = await LinesAsync(entries.Where(e => e.Kind == ResidentActivity.Supported), cancellationToken);

        var votes = new List<VoteLine>();
        foreach (var budget in (await budgets.ListAsync(cancellationToken)).Where(b => b.Phase >= BudgetPhase.Voting))
        {
            if (await box.FindResidentVoteAsync(budget.Id, resident.Id, cancellationToken) is { } vote)
            {
                votes.Add(new VoteLine(budget, vote, budget.AcceptsBallotsAt(clock.GetUtcNow())));
            }
        }

        Votes = votes;
    }

    private async Task<IReadOnlyList<InitiativeLine>> LinesAsync(IEnumerable<ResidentActivity.Entry> entries, CancellationToken cancellationToken)
    {
        var lines = new List<InitiativeLine>();
        foreach (var entry in entries.Take(MostShown))
        {
            if (await initiatives.FindAsync(entry.TrackingCode, cancellationToken) is { } initiative)
            {
                lines.Add(new InitiativeLine(initiative.TrackingCode, initiative.Title, initiative.Status.ToWireName(), entry.At));
            }
        }

        return lines;
    }
}
