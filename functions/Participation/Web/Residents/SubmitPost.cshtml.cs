using Microsoft.AspNetCore.RateLimiting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.App.Routing;

namespace Participation.App.Web.Residents;

/// <summary>Receives the form and hands it to SubmitInitiative; refusals come back next to their fields.</summary>
[EnableRateLimiting(RateLimits.Submissions)]
public sealed class SubmitPostModel(SubmitInitiative submit, RoutingDirectory routing, WebLanguage language) : PageModel
{
    [BindProperty] public SubmitForm Form { get; set; } = new();

    public IActionResult OnGet() => LocalRedirect("/initiatieven/nieuw");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var key = !string.IsNullOrWhiteSpace(Form.Key) && Form.Key.Length <= 64 ? Form.Key : null;
        var outcome = await submit.HandleAsync(Form.ToRequest(language.Code), PlatformUser.From(User), key, cancellationToken);
        if (outcome.Value is { } accepted)
        {
            return LocalRedirect($"/initiatieven/{accepted.TrackingCode}?ingediend=1");
        }

        Form.Configuration = await routing.CurrentAsync(cancellationToken);
        if (outcome.Refusals.All(refusal => refusal.Field is not null))
        {
            Form.Errors = outcome.Refusals;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Response.StatusCode = outcome.Refusals[0].Status;
        if (outcome.Refusals[0].Code == InitiativeRefusals.IdempotencyKeyReused.Code)
        {
            // The first sending arrived, then the form was changed: this is a new initiative, so it gets a new key.
            Form.Key = Guid.NewGuid().ToString("N");
            Form.Problem = language.T(
                "U had dit formulier al verstuurd en daarna gewijzigd. Controleer uw initiatief en verstuur het opnieuw; het wordt dan als nieuw initiatief ingediend.",
                "You had already sent this form and changed it afterwards. Check your initiative and send it again; it will then be submitted as a new initiative.");
        }
        else
        {
            Form.Problem = language.T(
                "Het indienen lukte nu niet. Uw tekst staat nog in het formulier; probeer het over een paar minuten opnieuw.",
                "Submitting did not work just now. Your text is still in the form; please try again in a few minutes.");
        }

        return Page();
    }
}
