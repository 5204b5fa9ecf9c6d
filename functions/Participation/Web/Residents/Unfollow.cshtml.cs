using Microsoft.AspNetCore.RateLimiting;
using Participation.App.Following;

namespace Participation.App.Web.Residents;

/// <summary>
/// The unsubscribe link of every follower's e-mail, and the URL of its List-Unsubscribe header. GET shows a button (link
/// scanners open links; they must not unsubscribe anyone); POST unsubscribes — from that button or from a mail client's
/// RFC 8058 one-click request, which carries no antiforgery token. The secret key in the URL is the authorisation, so
/// the token check adds nothing here and is skipped.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RateLimits.Supports)]
public sealed class UnfollowModel(Followers followers, WebLanguage language) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "volger")] public string? Follower { get; set; }
    [BindProperty(SupportsGet = true, Name = "sleutel")] public string? Key { get; set; }
    public string Code { get; private set; } = "";
    public string? Message { get; private set; }
    public bool? Succeeded { get; private set; }

    public void OnGet(string code) => Code = code;

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        Succeeded = await followers.UnfollowAsync(code, Follower, Key, cancellationToken) is Followers.Unfollowed;
        Message = Succeeded == true
            ? language.T("U bent afgemeld. U krijgt geen e-mail meer over dit initiatief.", "You have unsubscribed. You will get no more e-mail about this initiative.")
            : language.T("Deze afmeldlink werkt niet. Controleer of u de hele link uit de e-mail heeft gebruikt.", "This unsubscribe link does not work. Check that you used the whole link from the e-mail.");
        if (Succeeded != true)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
