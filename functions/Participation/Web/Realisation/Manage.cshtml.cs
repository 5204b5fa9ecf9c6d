using Participation.Realisation;
using Participation.App.Realisation;

namespace Participation.App.Web.Realisation;

/// <summary>
/// An item as its team works on it: forms for milestones, updates, status and money, each through ChangeRealisation — the
/// same use case as the API — carrying the version the form was based on.
/// </summary>
public sealed class ManageModel(RealisationStore store, Slipping slipping, ChangeRealisation change, TimeProvider clock, WebLanguage language) : PageModel
{
    public sealed class ActionForm
    {
        public string? Version { get; set; }
        public string? MilestoneId { get; set; }
        public string? Title { get; set; }
        public string? Planned { get; set; }
        public string? Date { get; set; }
        public string? Reason { get; set; }
        public string? Text { get; set; }
        public string? Status { get; set; }
        public long? Amount { get; set; }
    }

    [BindProperty] public ActionForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "gedaan")] public string? Done { get; set; }
    public RealisationView Item { get; private set; } = null!;
    public bool MayChange { get; private set; }
    public string? FailedAction { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, string act, CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(User)!;
        var f = Form;
        var outcome = act switch
        {
            "mijlpaal" => await change.AddMilestoneAsync(id, f.Version, user, f.Title, f.Planned, cancellationToken),
            "klaar" => await change.CompleteMilestoneAsync(id, f.MilestoneId ?? "", f.Version, user, f.Date, cancellationToken),
            "verplaatsen" => await change.ReplanMilestoneAsync(id, f.MilestoneId ?? "", f.Version, user, f.Planned, f.Reason, cancellationToken),
            "nieuws" => await change.AddUpdateAsync(id, f.Version, user, f.Text, cancellationToken),
            "status" => await change.ChangeStatusAsync(id, f.Version, user, f.Status, f.Reason, cancellationToken),
            "uitgegeven" => await change.RecordSpentAsync(id, f.Version, user, f.Amount, cancellationToken),
            _ => null,
        };
        if (outcome is null)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            return LocalRedirect($"/uitvoering/{Uri.EscapeDataString(id)}?gedaan={Uri.EscapeDataString(act)}");
        }

        if (outcome.Refusal.Code == RealisationRefusals.ItemNotFoundCode)
        {
            return NotFound();
        }

        FailedAction = act;
        Problem = outcome.Refusal.In(language.IsEnglish);
        // The item is there, so a milestone the form named and that is gone is a wrong form: 400, not the page's 404.
        Response.StatusCode = outcome.Refusal.Status == StatusCodes.Status404NotFound ? StatusCodes.Status400BadRequest : outcome.Refusal.Status;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await ShowRealisation.FindAsync(id, store, slipping, clock, cancellationToken) is not { } item)
        {
            return false;
        }

        Item = item;
        var stored = await store.FindAsync(id, cancellationToken);
        MayChange = stored is not null && RealisationAccess.MayChange(PlatformUser.From(User)!, stored);
        return true;
    }
}
