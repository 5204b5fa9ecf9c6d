using Participation.Initiatives.Routing;
using Participation.Realisation;
using Participation.App.Realisation;
using Participation.App.Routing;

namespace Participation.App.Web.Realisation;

/// <summary>"Wat is er gedaan?": what accepted initiatives and funded projects became, per neighbourhood (ShowRealisation, as the API).</summary>
public sealed class IndexModel(RealisationStore store, Slipping slipping, RoutingDirectory routing, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "buurt")] public string? Neighbourhood { get; set; }
    public IReadOnlyList<RealisationView> Items { get; private set; } = [];
    public RoutingConfiguration Configuration { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Configuration = await routing.CurrentAsync(cancellationToken);
        var known = Configuration.Neighbourhoods.Any(n => n.Code == Neighbourhood);
        Neighbourhood = known ? Neighbourhood : null;
        Items = await ShowRealisation.ListAsync(Neighbourhood, null, store, slipping, clock, cancellationToken);
    }

    public string NameOf(string neighbourhood) => Configuration.Neighbourhoods.FirstOrDefault(n => n.Code == neighbourhood)?.Name ?? neighbourhood;
}
