using Participation.Municipality.Calendar;
using Participation.Realisation;
using Participation.App.Realisation;

namespace Participation.App.Council;

/// <summary>
/// The dashboard's <c>realisation</c> section: what accepted initiatives and funded projects became, computed from the
/// stored items for today (Amsterdam). Not per period — like the budgets, it is the state now.
/// </summary>
public sealed class RealisationFiguresQuery(RealisationStore store, Slipping slipping, TimeProvider clock)
{
    public async Task<RealisationFigures> ComputeAsync(CancellationToken cancellationToken) =>
        RealisationFigures.Compute(await store.ListAsync(null, null, cancellationToken), slipping, DutchTime.Today(clock));
}
