using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Participation.Identity;

namespace Participation.Web.Account;

/// <summary>
/// Development only: pick a demo user; the page sets the same HttpOnly token cookie the JWT bearer reads. Elsewhere
/// residents and staff sign in with the municipality's identity providers and this page only says so.
/// </summary>
public sealed class SignInModel(DemoUsers users, DevelopmentSignIn signIn, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<DevelopmentSignIn.DemoUser> Users => users.All;
    public bool Available => environment.IsDevelopment();
    [BindProperty(SupportsGet = true, Name = "terug")] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true, Name = "geweigerd")] public string? Refused { get; set; }
    public bool Denied => Refused == "1";

    public void OnGet()
    {
    }

    public IActionResult OnPost(string userId)
    {
        var user = users.All.FirstOrDefault(u => u.Id == userId);
        if (!Available || user is null)
        {
            return NotFound();
        }

        Response.Cookies.Append(DevelopmentSignIn.CookieName, signIn.Issue(user), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, Path = "/", MaxAge = TimeSpan.FromHours(8),
        });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : LandingPage(user));
    }

    public static string LandingPage(DevelopmentSignIn.DemoUser user) => user.Roles switch
    {
        var r when r.Contains(Roles.Official) || r.Contains(Roles.TeamLead) => "/behandelen",
        var r when r.Contains(Roles.Agent) => "/agent",
        var r when r.Contains(Roles.Council) || r.Contains(Roles.Admin) => "/raad",
        _ => "/initiatieven",
    };
}
