using Participation.Realisation;
using Participation.App.Realisation;
using Participation.App.Routing;

namespace Participation.App.Web.Realisation;

/// <summary>One realisation item for residents; the link in the e-mails about progress leads here.</summary>
public sealed class ItemModel(RealisationStore store, Slipping slipping, RoutingDirectory routing, TimeProvider clock) : PageModel
{
    public RealisationView Item { get; private set; } = null!;
    public string NeighbourhoodName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await ShowRealisation.FindAsync(id, store, slipping, clock, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        NeighbourhoodName = (await routing.CurrentAsync(cancellationToken)).Neighbourhoods.FirstOrDefault(n => n.Code == item.Neighbourhood)?.Name ?? item.Neighbourhood;
        return Page();
    }
}
