using Microsoft.AspNetCore.Authentication;

namespace Participation.App.Web.Account;

/// <summary>Ends the site's session and, for a provider's sign-in, the provider's session too; back to the page the person was on.</summary>
public sealed class SignOutModel(IOptions<IdentityOptions> identity) : PageModel
{
    [BindProperty(Name = "terug")] public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Cookies.Delete(DevelopmentSignIn.CookieName, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true });
        var returnUrl = BrowserSignIn.SafeReturnUrl(ReturnUrl, "/");
        var sessions = await BrowserSignIn.SessionsToEndAsync(HttpContext, identity.Value);
        return sessions.Length == 0 ? LocalRedirect(returnUrl) : SignOut(new AuthenticationProperties { RedirectUri = returnUrl }, sessions);
    }
}
