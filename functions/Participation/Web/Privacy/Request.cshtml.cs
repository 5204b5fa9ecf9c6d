using Microsoft.AspNetCore.RateLimiting;
using Participation.App.Privacy;

namespace Participation.App.Web.Privacy;

/// <summary>Asking for the privacy link (as <c>POST /api/privacy/requests</c>); the answer is the same whether the address is known or not.</summary>
[EnableRateLimiting(RateLimits.Submissions)]
public sealed class RequestModel(MyData myData, WebLanguage language) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public string? Error { get; private set; }
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await myData.RequestLinkAsync(Email, language.Code, cancellationToken);
        if (!outcome.Succeeded)
        {
            Error = outcome.Refusals[0].In(language.IsEnglish);
            Response.StatusCode = outcome.Refusals[0].Status;
        }

        Sent = outcome.Succeeded;
        return Page();
    }
}
