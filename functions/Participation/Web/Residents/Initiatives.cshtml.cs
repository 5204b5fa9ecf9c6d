using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Routing;
using Participation.App.Routing;

namespace Participation.App.Web.Residents;

/// <summary>The public list with filters, a page at a time (ListInitiatives, as the API).</summary>
public sealed class InitiativesModel(ListInitiatives list, RoutingDirectory routing) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "buurt")] public string? Neighbourhood { get; set; }
    [BindProperty(SupportsGet = true, Name = "thema")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "verder")] public string? Next { get; set; }
    public ListInitiatives.Page Listing { get; private set; } = new([], null);
    public RoutingConfiguration Configuration { get; private set; } = null!;
    /// <summary>The map's markers, with the list's filters (all pages of the list, not only this one).</summary>
    public string MapUrl => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/initiatives.geojson",
        new Dictionary<string, string?> { ["neighbourhood"] = Neighbourhood, ["theme"] = Theme, ["status"] = Status }.Where(p => p.Value is not null));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Configuration = await routing.CurrentAsync(cancellationToken);
        Neighbourhood = Known(Neighbourhood, Configuration.Neighbourhoods.Select(n => n.Code));
        Theme = Known(Theme, Configuration.Themes.Select(t => t.Code));
        Status = Known(Status, StatusLabels.AllStatuses);
        var outcome = await list.HandleAsync(
            new ListInitiatives.Query(Neighbourhood, Theme, Status, ListInitiatives.DefaultPageSize, string.IsNullOrEmpty(Next) ? null : Next), cancellationToken);
        Listing = outcome.Value ?? Listing;
    }

    private static string? Known(string? value, IEnumerable<string> known) => value is not null && known.Contains(value) ? value : null;
}
