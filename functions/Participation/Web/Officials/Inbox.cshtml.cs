using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Routing;
using Participation.App.Routing;

namespace Participation.App.Web.Officials;

/// <summary>The back office's inbox (CaseInbox, as the API): overdue first, then by due date; filters, search and pages.</summary>
public sealed class InboxModel(CaseInbox inbox, RoutingDirectory routing, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "buurt")] public string? Neighbourhood { get; set; }
    [BindProperty(SupportsGet = true, Name = "thema")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "telaat")] public bool OverdueOnly { get; set; }
    [BindProperty(SupportsGet = true, Name = "mijn")] public bool MineOnly { get; set; }
    [BindProperty(SupportsGet = true, Name = "zoek")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CaseInbox.Item> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int Overdue { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool Filtered => !string.IsNullOrEmpty(Status) || !string.IsNullOrEmpty(Neighbourhood) || !string.IsNullOrEmpty(Theme) || OverdueOnly || MineOnly || !string.IsNullOrWhiteSpace(Search);
    public RoutingConfiguration Configuration { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(User)!;
        var all = (await inbox.HandleAsync(user, new CaseInbox.Filter(Status, Neighbourhood, Theme, OverdueOnly, MineOnly, Search), cancellationToken)).Value!;
        Total = all.Count;
        Overdue = all.Count(i => i.Overdue);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Items = all.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        Configuration = await routing.CurrentAsync(cancellationToken);
        Now = clock.GetUtcNow();
    }

    public string NeighbourhoodName(string code) => Configuration.Neighbourhoods.FirstOrDefault(n => n.Code == code)?.Name ?? code;

    public string OfficialName(string? id) => Configuration.Officials.FirstOrDefault(o => o.Id == id)?.DisplayName ?? id ?? "–";

    public string TeamName(string? code) => Configuration.Teams.FirstOrDefault(t => t.Code == code)?.Name ?? code ?? "–";

    public string PageLink(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/behandelen", new Dictionary<string, string?>
    {
        ["status"] = Status, ["buurt"] = Neighbourhood, ["thema"] = Theme, ["telaat"] = OverdueOnly ? "true" : null,
        ["mijn"] = MineOnly ? "true" : null, ["zoek"] = Search, ["pagina"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
}
