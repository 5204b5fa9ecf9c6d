using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Participation.Identity;
using Participation.Privacy;

namespace Participation.Web.Privacy;

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
        if (!MyData.IsValidEmail(Email))
        {
            Error = language.T("Geef het e-mailadres dat u gebruikte.", "Give the e-mail address you used.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await myData.RequestLinkAsync(Email!, language.Code, cancellationToken);
        Sent = true;
        return Page();
    }
}
