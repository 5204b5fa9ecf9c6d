using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Routing;
using Participation.Realisation;
using Participation.App.Realisation;
using Participation.App.Routing;
using Refusal = Participation.App.UseCases.Refusal;

namespace Participation.App.Web.Officials;

/// <summary>
/// A case as the back office sees it (CaseDetail) with forms for what the official may do now (ActOnCase): every form
/// carries the version it was based on, so a colleague's change in between is shown instead of overwritten.
/// </summary>
public sealed class CaseModel(
    CaseDetail detail, ActOnCase actOnCase, RoutingDirectory routing, WebLanguage language, RealisationStore realisationItems) : PageModel
{
    /// <summary>The realisation item of an accepted initiative, once created.</summary>
    public RealisationItem? Realisation { get; private set; }

    public CaseDetail.View View { get; private set; } = null!;
    public RoutingConfiguration Configuration { get; private set; } = null!;
    [BindProperty(SupportsGet = true, Name = "gedaan")] public string? Done { get; set; }
    public string? FailedAction { get; private set; }
    /// <summary>Why the failed action was refused, one refusal per field.</summary>
    public IReadOnlyList<Refusal> Errors { get; private set; } = [];
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
                Errors = [CaseRefusals.DecisionMissing];
                FailedAction = "decide";
                return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
            }

            // The motivation is the resident's answer, whichever way it goes: an acceptance without one tells them nothing.
            if (string.IsNullOrWhiteSpace(Form.Reason))
            {
                Errors = [CaseRefusals.DecisionReasonMissing];
                FailedAction = "decide";
                if (!await LoadAsync(code, cancellationToken))
                {
                    return NotFound();
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }

        var body = new CaseAction.Body(
            Form.Version, action == "accept" ? Form.Reason ?? Form.Message : Form.Message, Form.Reason, Form.Question, Form.Team,
            Form.OfficialId, Form.Target, Form.Theme, Form.Note);
        var request = CaseAction.From(action, body);
        var outcome = request.Value is { } known
            ? await actOnCase.HandleAsync(code, known, PlatformUser.From(User)!, cancellationToken)
            : Outcome<ActOnCase.Response>.Refused(request.Refusals);
        if (outcome.Succeeded)
        {
            return LocalRedirect($"/behandelen/{Uri.EscapeDataString(code)}?gedaan={Uri.EscapeDataString(action)}");
        }

        var refusal = outcome.Refusals[0];
        FailedAction = action is "accept" or "reject" ? "decide" : action;
        Errors = outcome.Refusals.Where(r => r.Field is not null && r.Status == StatusCodes.Status400BadRequest).ToList();
        // The API's texts for 403 and 409 are the lifecycle's reasoning; the page says what the official can do about it.
        Problem = refusal.Status switch
        {
            StatusCodes.Status400BadRequest => null,
            StatusCodes.Status403Forbidden => CaseRefusals.NotYours.In(language.IsEnglish),
            StatusCodes.Status409Conflict => CaseRefusals.NotPossibleNow.In(language.IsEnglish),
            _ => refusal.In(language.IsEnglish),
        };
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = refusal.Status;
        return Page();
    }

    public string? ErrorFor(string action, string field) =>
        FailedAction == action ? Errors.FirstOrDefault(refusal => refusal.Field == field)?.In(language.IsEnglish) : null;

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if ((await detail.HandleAsync(code, PlatformUser.From(User)!, cancellationToken)).Value is not { } view)
        {
            return false;
        }

        View = view;
        Configuration = await routing.CurrentAsync(cancellationToken);
        Realisation = await realisationItems.FindAsync(RealisationItem.IdForInitiative(view.TrackingCode), cancellationToken);
        return true;
    }
}
