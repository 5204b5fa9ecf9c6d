using Microsoft.AspNetCore.RateLimiting;
using Participation.App.Following;

namespace Participation.App.Web.Residents;

/// <summary>
/// The link in the "confirm following" e-mail. Opening it shows a button; only pressing it makes the address a follower,
/// so a mail scanner that follows links cannot subscribe someone.
/// </summary>
[EnableRateLimiting(RateLimits.Supports)]
public sealed class ConfirmFollowModel(Followers followers, WebLanguage language) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public string Code { get; private set; } = "";
    public string? Message { get; private set; }
    public bool? Succeeded { get; private set; }

    public void OnGet(string code) => Code = code;

    public async Task OnPostAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        Succeeded = await followers.ConfirmAsync(code, Token, cancellationToken) is Followers.Following;
        Message = Succeeded == true
            ? language.T("U volgt dit initiatief. U krijgt een e-mail als er iets verandert; in elke e-mail staat een link om af te melden.", "You follow this initiative. You will get an e-mail when something changes; every e-mail has a link to unsubscribe.")
            : language.T("Deze link werkt niet (meer). Misschien volgt u het initiatief al, of is de link verlopen.", "This link does not work (any more). Perhaps you already follow the initiative, or the link expired.");
    }
}
