using Microsoft.AspNetCore.RateLimiting;
using Participation.Initiatives;
using Participation.App.Initiatives;

namespace Participation.App.Web.Residents;

/// <summary>The support buttons post here (SupportInitiative, rate limited as the API); the page says what happened.</summary>
[EnableRateLimiting(RateLimits.Supports)]
public sealed class SupportModel(InitiativeStore store, SupportInitiative support, WebLanguage language) : PageModel
{
    public string Code { get; private set; } = "";
    public string? Message { get; private set; }
    public bool Succeeded { get; private set; }
    /// <summary>The initiative's title, so the page says which initiative the support was for.</summary>
    public string? Title { get; private set; }

    public IActionResult OnGet(string code) => LocalRedirect($"/initiatieven/{Uri.EscapeDataString(code)}");

    public async Task<IActionResult> OnPostResidentAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        Title = await store.TitleOfAsync(code, cancellationToken);
        if (PlatformUser.From(User) is not { } resident || !resident.IsIn(Roles.Resident))
        {
            return LocalRedirect($"/aanmelden?terug={Uri.EscapeDataString($"/initiatieven/{code}")}");
        }

        var outcome = await support.BySignedInResidentAsync(code, resident, cancellationToken);
        Succeeded = outcome.Succeeded;
        Message = Succeeded
            ? language.T("Bedankt! Uw steun is geteld.", "Thank you! Your support has been counted.")
            : outcome.Refusals[0].Code switch
            {
                var already when already == InitiativeRefusals.AlreadySupported.Code =>
                    language.T("U steunt dit initiatief al. Iedereen telt één keer.", "You already support this initiative. Everyone counts once."),
                var closed when closed == InitiativeRefusals.SupportClosed.Code =>
                    language.T("Dit initiatief is afgerond en kan niet meer gesteund worden.", "This initiative is closed and can no longer be supported."),
                _ => outcome.Refusals[0].In(language.IsEnglish),
            };
        return Page();
    }

    public async Task<IActionResult> OnPostEmailAsync(string code, string? email, CancellationToken cancellationToken)
    {
        Code = code;
        Title = await store.TitleOfAsync(code, cancellationToken);
        var outcome = await support.ByEmailAsync(code, new SupportInitiative.EmailRequest(email, language.Code), cancellationToken);
        Succeeded = outcome.Succeeded;
        Message = Succeeded
            ? language.T("Kijk in uw e-mail: met de link daarin bevestigt u uw steun.", "Check your e-mail: the link in it confirms your support.")
            : outcome.Refusals[0].In(language.IsEnglish);
        return Page();
    }
}
