using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Participation.Identity;
using Participation.Initiatives;
using Participation.Initiatives.Geography;
using Participation.Initiatives.Lifecycle;
using Participation.MyPage;
using Participation.Notifications;
using Participation.Privacy;
using Participation.Routing;
using Participation.Storage;

namespace Participation.Web.Residents;

/// <summary>Receives the form and hands it to SubmitInitiative; errors come back next to their fields.</summary>
[EnableRateLimiting(RateLimits.Submissions)]
public sealed class SubmitPostModel(
    InitiativeStore store, RoutingDirectory routing, MunicipalityMap map, ContactStore contacts, QueueSender queue, Pseudonyms pseudonyms,
    InitiativeLifecycle lifecycle, IOptions<PlatformOptions> platform, TimeProvider clock, ResidentActivity activity, WebLanguage language) : PageModel
{
    [BindProperty] public SubmitForm Form { get; set; } = new();

    public IActionResult OnGet() => LocalRedirect("/initiatieven/nieuw");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Form.Key) && Form.Key.Length <= 64)
        {
            Request.Headers["Idempotency-Key"] = Form.Key;
        }

        var result = await SubmitInitiative.HandleAsync(
            Form.ToRequest(language.Code), HttpContext, store, routing, map, contacts, queue, pseudonyms, lifecycle, platform, clock, activity, cancellationToken);
        if (result.Result is Accepted<SubmitInitiative.Response> { Value: { } accepted })
        {
            return LocalRedirect($"/initiatieven/{accepted.TrackingCode}?ingediend=1");
        }

        Form.Errors = UseCaseResults.Errors(result.Result);
        if (!language.IsEnglish && UseCaseResults.Problem(result.Result) is { } refused && refused.Extensions.TryGetValue("dutch", out var dutch) && dutch is string nl
            && Form.Errors.ContainsKey("location"))
        {
            // The map's refusals name a neighbourhood, so they come with their Dutch text rather than from the phrase list.
            Form.Errors["location"] = [nl];
        }

        Form.Configuration = await routing.CurrentAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        if (result.Result is ProblemHttpResult problem)
        {
            Response.StatusCode = problem.StatusCode;
            if (problem.StatusCode == StatusCodes.Status422UnprocessableEntity)
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
        }

        return Page();
    }
}
