using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Participation.Initiatives;
using Participation.Routing;

namespace Participation.Web.Residents;

/// <summary>'Follow my request': a tracking code leads to the initiative's page (TrackInitiative decides whether it exists).</summary>
public sealed class TrackModel(InitiativeStore store, RoutingDirectory routing, IOptions<InitiativesOptions> options, WebLanguage language) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")] public string? Code { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Code is null)
        {
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            Error = language.T("Vul uw volgcode in.", "Enter your tracking code.");
            return Page();
        }

        var result = (await TrackInitiative.HandleAsync(Code.Trim(), store, routing, options, cancellationToken)).Result;
        if (UseCaseResults.Value<TrackInitiative.PublicView>(result) is { } view)
        {
            return LocalRedirect($"/initiatieven/{view.TrackingCode}");
        }

        Error = language.T("Er is geen initiatief met deze volgcode. ", "There is no initiative with this tracking code. ")
                + UseCaseResults.Say(language, UseCaseResults.Problem(result)?.Detail ?? "");
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
