using Microsoft.AspNetCore.RateLimiting;
using Participation.Budgeting;
using Participation.App.Budgeting;

namespace Participation.App.Web.Budgeting;

/// <summary>
/// 'Is my vote counted?': the receipt is posted, not put in the query string, so it stays out of logs and history
/// (CheckReceipt answers with the ballot's fingerprint). Rate limited as the API, the form included.
/// </summary>
[EnableRateLimiting(RateLimits.VotingCodes)]
public sealed class CheckReceiptModel(BudgetStore store, BallotBox box, TimeProvider clock, WebLanguage language) : PageModel
{
    [BindProperty(Name = "stembewijs")] public string? Receipt { get; set; }
    public ShowBudget.Response Budget { get; private set; } = null!;
    public CheckReceipt.Response? Checked { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(Receipt))
        {
            Error = language.T("Vul uw stembewijs in.", "Enter your receipt.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await Participation.App.Budgeting.CheckReceipt.HandleAsync(id, Receipt, box, cancellationToken);
        Checked = outcome.Value;
        if (outcome.Refusals is [var refusal, ..])
        {
            Error = refusal.In(language.IsEnglish) + " " +
                    language.T("Controleer de code: 12 letters en cijfers, zoals ABCD-EFGH-JK23.", "Check the code: 12 letters and digits, like ABCD-EFGH-JK23.");
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if ((await ShowBudget.HandleAsync(id, store, clock, cancellationToken)).Value is not { } budget)
        {
            return false;
        }

        Budget = budget;
        return true;
    }

    public string Status(string state) => state switch
    {
        "counted" => language.T("Uw stem wordt meegeteld.", "Your vote is counted."),
        "replaced" => language.T("Deze stem is vervangen door een latere stem met dezelfde code of inlog; alleen de laatste stem telt.",
            "This vote was replaced by a later vote with the same code or sign-in; only the last vote counts."),
        _ => language.T("Deze stem wordt niet meegeteld. Neem contact op met de gemeente.", "This vote is not counted. Please contact the municipality."),
    };
}
