using Microsoft.AspNetCore.RateLimiting;
using Participation.App.Following;
using Participation.App.Privacy;

namespace Participation.App.Web.Residents;

/// <summary>The follow panel posts here (the same <see cref="Followers"/> use case as the API); the page says what happened.</summary>
[EnableRateLimiting(RateLimits.Supports)]
public sealed class FollowModel(Followers followers, WebLanguage language) : PageModel
{
    public string Code { get; private set; } = "";
    public string? Message { get; private set; }
    public bool Succeeded { get; private set; }

    public IActionResult OnGet(string code) => LocalRedirect($"/initiatieven/{Uri.EscapeDataString(code)}");

    public async Task<IActionResult> OnPostEmailAsync(string code, string? email, CancellationToken cancellationToken)
    {
        Code = code;
        if (!MyData.IsValidEmail(email))
        {
            Message = FollowingRefusals.EmailInvalid.In(language.IsEnglish);
            return Page();
        }

        Succeeded = await followers.RequestAsync(code, email!, language.Code, cancellationToken) is Followers.Requested;
        Message = Succeeded
            ? language.T("Kijk in uw e-mail: met de link daarin bevestigt u dat u dit initiatief wilt volgen.", "Check your e-mail: the link in it confirms that you want to follow this initiative.")
            : FollowingRefusals.UnknownInitiative(code).In(language.IsEnglish);
        return Page();
    }

    public Task<IActionResult> OnPostResidentAsync(string code, CancellationToken cancellationToken) =>
        WithVerifiedEmailAsync(code, async email =>
        {
            Succeeded = await followers.FollowVerifiedAsync(code, email, language.Code, cancellationToken) is Followers.Following;
            Message = Succeeded
                ? language.T("U volgt dit initiatief. U krijgt een e-mail als er iets verandert.", "You follow this initiative. You will get an e-mail when something changes.")
                : FollowingRefusals.UnknownInitiative(code).In(language.IsEnglish);
        });

    public Task<IActionResult> OnPostStopAsync(string code, CancellationToken cancellationToken) =>
        WithVerifiedEmailAsync(code, async email =>
        {
            Succeeded = await followers.UnfollowVerifiedAsync(code, email, cancellationToken) is Followers.Unfollowed;
            Message = language.T("U volgt dit initiatief niet meer.", "You no longer follow this initiative.");
        });

    /// <summary>Following without a confirmation link needs the address the sign-in verified; without one the panel offers the e-mail form.</summary>
    private async Task<IActionResult> WithVerifiedEmailAsync(string code, Func<string, Task> act)
    {
        Code = code;
        if (Followers.VerifiedEmailOf(User) is not { } email)
        {
            return LocalRedirect($"/initiatieven/{Uri.EscapeDataString(code)}");
        }

        await act(email);
        return Page();
    }
}
