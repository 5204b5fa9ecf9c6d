using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Routing;
using Participation.App.Routing;

namespace Participation.App.Web.Residents;

/// <summary>What anyone with the code sees (TrackInitiative, as the API): status, timeline of public messages, support.</summary>
public sealed class InitiativeModel(TrackInitiative track, RoutingDirectory routing, SupportCounter supports, Pseudonyms pseudonyms) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ingediend")] public string? Submitted { get; set; }
    public bool JustSubmitted => Submitted == "1";
    public TrackInitiative.PublicView View { get; private set; } = null!;
    public RoutingConfiguration Configuration { get; private set; } = null!;
    public bool SignedInResident => PlatformUser.From(User)?.IsIn(Roles.Resident) == true;
    /// <summary>The signed-in resident's support is already counted: the page says so instead of offering the button.</summary>
    public bool AlreadySupports { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if ((await track.HandleAsync(code, cancellationToken)).Value is not { } view)
        {
            return NotFound();
        }

        View = view;
        if (SignedInResident)
        {
            AlreadySupports = await supports.HasSupportedAsync(view.TrackingCode, SupportInitiative.SupporterOf(PlatformUser.From(User)!, pseudonyms), cancellationToken);
        }

        Configuration = await routing.CurrentAsync(cancellationToken);
        return Page();
    }
}
