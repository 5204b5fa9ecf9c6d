using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Participation.Identity;
using Participation.Initiatives;
using Participation.Initiatives.Deadlines;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.Notifications;
using Participation.Privacy;
using Participation.Realisation;
using Participation.Routing;
using Participation.Storage;

namespace Participation.Web.Officials;

/// <summary>
/// A case as the back office sees it (CaseDetail) with forms for what the official may do now (CaseActions): every form
/// carries the version it was based on, so a colleague's change in between is shown instead of overwritten.
/// </summary>
public sealed class CaseModel(
    InitiativeStore store, RoutingDirectory routing, InitiativeLifecycle lifecycle, ServiceLevels serviceLevels, ContactStore contacts,
    QueueSender queue, Pseudonyms pseudonyms, IOptions<PlatformOptions> platform, TimeProvider clock, WebLanguage language,
    RealisationStore realisationItems) : PageModel
{
    /// <summary>The realisation item of an accepted initiative, once created.</summary>
    public RealisationItem? Realisation { get; private set; }

    public CaseDetail.View View { get; private set; } = null!;
    public RoutingConfiguration Configuration { get; private set; } = null!;
    [BindProperty(SupportsGet = true, Name = "gedaan")] public string? Done { get; set; }
    public string? FailedAction { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Problem { get; private set; }

    public sealed class ActionForm
    {
        public string? Version { get; set; }
        public string? Decision { get; set; }
        public string? Message { get; set; }
        public string? Reason { get; set; }
        public string? Question { get; set; }
        public string? Team { get; set; }
        public string? OfficialId { get; set; }
        public string? Target { get; set; }
        public string? Theme { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public ActionForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, string act, CancellationToken cancellationToken)
    {
        var action = act;
        // One decision form, two outcomes: the choice picks the lifecycle action.
        if (action == "decide")
        {
            action = Form.Decision is "accept" or "reject" ? Form.Decision : "";
            if (action == "")
            {
                Errors = new Dictionary<string, string[]> { ["decision"] = [language.T("Kies goedkeuren of afwijzen.", "Choose accept or reject.")] };
                FailedAction = "decide";
                return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
            }

            // The motivation is the resident's answer, whichever way it goes: an acceptance without one tells them nothing.
            if (string.IsNullOrWhiteSpace(Form.Reason))
            {
                Errors = new Dictionary<string, string[]> { ["reason"] = ["A decision needs a reason; the resident reads it."] };
                FailedAction = "decide";
                if (!await LoadAsync(code, cancellationToken))
                {
                    return NotFound();
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }

        var request = new CaseActions.Request(
            Form.Version, action == "accept" ? Form.Reason ?? Form.Message : Form.Message, Form.Reason, Form.Question, Form.Team,
            Form.OfficialId, Form.Target, Form.Theme, Form.Note);
        var result = await CaseActions.HandleAsync(
            code, action, request, HttpContext, store, routing, lifecycle, serviceLevels, contacts, queue, pseudonyms, platform, clock, cancellationToken);
        if (result is Ok<CaseActions.Response>)
        {
            return LocalRedirect($"/behandelen/{Uri.EscapeDataString(code)}?gedaan={Uri.EscapeDataString(action)}");
        }

        FailedAction = action is "accept" or "reject" ? "decide" : action;
        Errors = UseCaseResults.Errors(result);
        Problem = UseCaseResults.Status(result) switch
        {
            StatusCodes.Status412PreconditionFailed => UseCaseResults.Say(language, UseCaseResults.Problem(result)?.Detail ?? ""),
            StatusCodes.Status400BadRequest => null,
            StatusCodes.Status403Forbidden => language.T(
                "Dit mag alleen de behandelaar van de zaak, de teamleider of een beheerder.", "Only the case's official, the team lead or an administrator may do this."),
            StatusCodes.Status409Conflict => language.T(
                "Dat kan niet in de huidige status van de zaak; hieronder staat de huidige stand.", "That is not possible in the case's current status; its current state is shown below."),
            _ => UseCaseResults.Problem(result)?.Detail,
        };
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = UseCaseResults.Status(result) ?? StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? ErrorFor(string action, string field) =>
        FailedAction == action && Errors.TryGetValue(field, out var messages) && messages.Length > 0 ? CaseTexts.Say(language, messages[0]) : null;

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var result = await CaseDetail.HandleAsync(code, HttpContext, store, routing, cancellationToken);
        if (UseCaseResults.Value<CaseDetail.View>(result.Result) is not { } view)
        {
            return false;
        }

        View = view;
        Configuration = await routing.CurrentAsync(cancellationToken);
        Realisation = await realisationItems.FindAsync(RealisationItem.IdForInitiative(view.TrackingCode), cancellationToken);
        return true;
    }
}
