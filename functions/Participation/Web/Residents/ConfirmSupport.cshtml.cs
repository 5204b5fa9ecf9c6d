using Microsoft.AspNetCore.RateLimiting;
using Participation.Initiatives;
using Participation.App.Initiatives;

namespace Participation.App.Web.Residents;

/// <summary>
/// The link in the support e-mail. Opening it shows a button; only pressing it counts the support, so a mail scanner
/// that follows links cannot support on the resident's behalf.
/// </summary>
[EnableRateLimiting(RateLimits.Supports)]
public sealed class ConfirmSupportModel(InitiativeStore store, SupportInitiative support, WebLanguage language) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public string Code { get; private set; } = "";
    public string? Message { get; private set; }
    public bool? Succeeded { get; private set; }
    /// <summary>The initiative's title, so the resident sees what they are about to support.</summary>
    public string? Title { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        Title = await store.TitleOfAsync(code, cancellationToken);
    }

    public async Task OnPostAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        Title = await store.TitleOfAsync(code, cancellationToken);
        Succeeded = (await support.ConfirmAsync(code, new SupportInitiative.ConfirmRequest(Token), cancellationToken)).Succeeded;
        Message = Succeeded == true
            ? language.T("Bedankt! Uw steun is geteld.", "Thank you! Your support has been counted.")
            : language.T("Deze link werkt niet (meer). Misschien is uw steun al geteld, of is de link verlopen.", "This link does not work (any more). Perhaps your support was already counted, or the link expired.");
    }
}
