using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Participation.Identity;
using Participation.Initiatives;
using Participation.MyPage;
using Participation.Notifications;
using Participation.Privacy;
using Participation.Storage;

namespace Participation.Web.Residents;

/// <summary>The support buttons post here (SupportInitiative, rate limited as the API); the page says what happened.</summary>
[EnableRateLimiting(RateLimits.Supports)]
public sealed class SupportModel(
    InitiativeStore store, ContactStore contacts, SupportCounter counter, QueueSender queue, Pseudonyms pseudonyms,
    IOptions<PlatformOptions> platform, TimeProvider clock, WebLanguage language, ResidentActivity activity) : PageModel
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
        if (PlatformUser.From(User)?.IsIn(Roles.Resident) != true)
        {
            return LocalRedirect($"/aanmelden?terug={Uri.EscapeDataString($"/initiatieven/{code}")}");
        }

        var result = (await SupportInitiative.BySignedInResidentAsync(code, HttpContext, counter, pseudonyms, activity, cancellationToken)).Result;
        Succeeded = result is Ok<SupportInitiative.Response>;
        Message = Succeeded
            ? language.T("Bedankt! Uw steun is geteld.", "Thank you! Your support has been counted.")
            : UseCaseResults.Status(result) == StatusCodes.Status409Conflict
                ? UseCaseResults.Problem(result)?.Title == "Already supported"
                    ? language.T("U steunt dit initiatief al. Iedereen telt één keer.", "You already support this initiative. Everyone counts once.")
                    : language.T("Dit initiatief is afgerond en kan niet meer gesteund worden.", "This initiative is closed and can no longer be supported.")
                : UseCaseResults.Say(language, UseCaseResults.Problem(result)?.Detail ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostEmailAsync(string code, string? email, CancellationToken cancellationToken)
    {
        Code = code;
        Title = await store.TitleOfAsync(code, cancellationToken);
        var result = (await SupportInitiative.ByEmailAsync(
            code, new SupportInitiative.EmailRequest(email, language.Code), store, contacts, queue, platform, clock, cancellationToken)).Result;
        Succeeded = result is Accepted;
        Message = Succeeded
            ? language.T("Kijk in uw e-mail: met de link daarin bevestigt u uw steun.", "Check your e-mail: the link in it confirms your support.")
            : UseCaseResults.Errors(result).Values.SelectMany(m => m).Select(m => UseCaseResults.Say(language, m)).FirstOrDefault()
              ?? UseCaseResults.Say(language, UseCaseResults.Problem(result)?.Detail ?? "");
        return Page();
    }
}
