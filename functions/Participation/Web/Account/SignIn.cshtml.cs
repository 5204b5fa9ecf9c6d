using Participation.App.Demo;

namespace Participation.App.Web.Account;

/// <summary>
/// The two ways in: staff through Entra ID, residents through the municipality's provider (both OpenID Connect, see
/// <see cref="BrowserSignIn"/>). In Development only, also the demo users: the page sets the HttpOnly token cookie the JWT bearer reads.
/// </summary>
public sealed class SignInModel(DemoUsers users, DevelopmentSignIn signIn, IWebHostEnvironment environment, IOptions<IdentityOptions> identity) : PageModel
{
    public IReadOnlyList<DevelopmentSignIn.DemoUser> Users => users.All;
    public bool Available => environment.IsDevelopment();
    public bool StaffSignIn { get; private set; }
    public bool ResidentSignIn { get; private set; }
    [BindProperty(SupportsGet = true, Name = "mislukt")] public string? FailedFlag { get; set; }
    public bool Failed => FailedFlag == "1";
    public string ReturnQuery => string.IsNullOrEmpty(ReturnUrl) ? "" : "?terug=" + Uri.EscapeDataString(BrowserSignIn.SafeReturnUrl(ReturnUrl, "/"));
    [BindProperty(SupportsGet = true, Name = "terug")] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true, Name = "geweigerd")] public string? Refused { get; set; }
    public bool Denied => Refused == "1";

    public void OnGet()
    {
        StaffSignIn = identity.Value.Staff.OffersBrowserSignIn;
        ResidentSignIn = identity.Value.Residents.OffersBrowserSignIn;
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
        return LocalRedirect(BrowserSignIn.SafeReturnUrl(ReturnUrl, LandingPage(user)));
    }

    public static string LandingPage(DevelopmentSignIn.DemoUser user) => BrowserSignIn.LandingPage([.. user.Roles]);
}
