using Azure;
using Participation.Budgeting;
using Participation.App.Budgeting;

namespace Participation.App.Web.Residents;

/// <summary>
/// The front door. It also answers the Functions host's readiness probe on <c>/</c>, so the one thing it reads — the
/// buurtbudgets open for voting, for the teaser — is left out when storage does not answer within two seconds.
/// </summary>
public sealed class HomeModel(BudgetStore budgets, TimeProvider clock, ILogger<HomeModel> logger) : PageModel
{
    private static readonly TimeSpan TeaserPatience = TimeSpan.FromSeconds(2);

    public IReadOnlyList<Budget> OpenForVoting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TeaserPatience);
        try
        {
            var now = clock.GetUtcNow();
            OpenForVoting = (await budgets.ListRecentAsync(patience.Token)).Where(b => b.AcceptsBallotsAt(now)).ToList();
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The home page shows no buurtbudget teaser: storage did not answer ({Reason}).", e.GetType().Name);
        }
    }
}
