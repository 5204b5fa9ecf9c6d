using Participation.Bot.Initiatives;
using InitiativeStatus = Participation.Bot.Initiatives.InitiativeStatus;
using Participation.Initiatives;
using Participation.App.Initiatives;

namespace Participation.App.Web.Residents;

/// <summary>
/// 'Follow my request': a tracking code leads to the initiative's page (TrackInitiative decides whether it exists), or shows
/// where a question left with the chatbot outside office hours is. The question's text is not shown: a code is all it
/// takes to open this page, and what a resident asked may be personal.
/// </summary>
public sealed class TrackModel(TrackInitiative track, IInitiativeStatusLookup statuses, WebLanguage language) : PageModel
{
    /// <summary>In the form the confirmation shows (no dashes), with a check symbol that fits: it reads like a real code.</summary>
    public const string ExampleCode = "K7QXM2PD9RB";

    [BindProperty(SupportsGet = true, Name = "code")] public string? Code { get; set; }
    public string? Error { get; private set; }

    /// <summary>The registered chat question the code belongs to, when it is not an initiative's.</summary>
    public InitiativeStatus? Question { get; private set; }

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

        var outcome = await track.HandleAsync(Code.Trim(), cancellationToken);
        if (outcome.Value is { } view)
        {
            return LocalRedirect($"/initiatieven/{view.TrackingCode}");
        }

        if (await statuses.FindAsync(Code.Trim(), cancellationToken) is { IsQuestion: true } question)
        {
            Question = question;
            return Page();
        }

        Error = language.T("Er is geen initiatief met deze volgcode. ", "There is no initiative with this tracking code. ")
                + outcome.Refusals[0].In(language.IsEnglish);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
