using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Participation.Identity;
using Participation.Initiatives;
using Participation.Initiatives.Routing;
using Participation.Routing;

namespace Participation.Web.Residents;

/// <summary>What anyone with the code sees (TrackInitiative, as the API): status, timeline of public messages, support.</summary>
public sealed class InitiativeModel(InitiativeStore store, RoutingDirectory routing, IOptions<InitiativesOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ingediend")] public string? Submitted { get; set; }
    public bool JustSubmitted => Submitted == "1";
    public TrackInitiative.PublicView View { get; private set; } = null!;
    public RoutingConfiguration Configuration { get; private set; } = null!;
    public bool SignedInResident => PlatformUser.From(User)?.IsIn(Roles.Resident) == true;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var result = await TrackInitiative.HandleAsync(code, store, routing, options, cancellationToken);
        if (UseCaseResults.Value<TrackInitiative.PublicView>(result.Result) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Configuration = await routing.CurrentAsync(cancellationToken);
        return Page();
    }
}
