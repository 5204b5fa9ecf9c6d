using Microsoft.AspNetCore.RateLimiting;
using Participation.App.Discussion;
using Participation.Initiatives.Discussion;

namespace Participation.App.Web.Residents;

/// <summary>
/// The discussion's forms post here (PostComment and ReportComment, rate limited as the API); on success the browser goes
/// back to the initiative (POST-redirect-GET), otherwise this page says why and keeps what was typed.
/// </summary>
[EnableRateLimiting(RateLimits.Comments)]
public sealed class CommentModel(PostComment post, ReportComment report, WebLanguage language) : PageModel
{
    public string Code { get; private set; } = "";
    public string? Message { get; private set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? ReplyTo { get; set; }
    [BindProperty] public string? DisplayName { get; set; }

    public IActionResult OnGet(string code) => LocalRedirect($"/initiatieven/{Uri.EscapeDataString(code)}#reacties");

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        if (PlatformUser.From(User) is not { } user)
        {
            return LocalRedirect($"/aanmelden?terug={Uri.EscapeDataString($"/initiatieven/{code}")}");
        }

        if (!user.IsIn(Roles.Resident) && !DiscussionAccess.IsStaff(user))
        {
            return Forbid();
        }

        var outcome = await post.ExecuteAsync(code, new PostComment.Request(Text, ReplyTo, DisplayName), user, cancellationToken);
        if (outcome.Value is { } created)
        {
            return LocalRedirect($"/initiatieven/{Uri.EscapeDataString(code)}?reactie={(created.Status == "visible" ? "geplaatst" : "wacht")}#reactie-{created.Id}");
        }

        Message = outcome.Refusals[0].In(language.IsEnglish);
        Response.StatusCode = outcome.Refusals[0].Status;
        return Page();
    }

    public async Task<IActionResult> OnPostMeldenAsync(string code, string? id, string? reason, CancellationToken cancellationToken)
    {
        Code = code;
        if (PlatformUser.From(User) is not { } user)
        {
            return LocalRedirect($"/aanmelden?terug={Uri.EscapeDataString($"/initiatieven/{code}")}");
        }

        var outcome = await report.ExecuteAsync(code, id ?? "", new ReportComment.Request(reason), user, cancellationToken);
        if (outcome.Succeeded)
        {
            return LocalRedirect($"/initiatieven/{Uri.EscapeDataString(code)}?reactie=gemeld#reacties");
        }

        Message = outcome.Refusals[0].In(language.IsEnglish);
        Response.StatusCode = outcome.Refusals[0].Status;
        return Page();
    }
}

/// <summary>One comment as the public page draws it, with what the viewer may do with it.</summary>
public sealed record CommentCard(ListComments.Item Comment, string StatusText, bool SignedIn, bool CanReply, string Code)
{
    /// <summary>The author as stored, except the two names the platform itself gives, which read in the page's language.</summary>
    public string Author(WebLanguage language)
    {
        var official = CommentRules.MunicipalityAuthor + " (";
        return Comment.Author switch
        {
            CommentRules.AnonymousAuthor when !Comment.Official => language.T(CommentRules.AnonymousAuthor, "Resident"),
            var name when Comment.Official && name.StartsWith(official, StringComparison.Ordinal) => language.T(name, "Municipality (" + name[official.Length..]),
            var name => name,
        };
    }

    /// <summary>Reasons a resident picks when reporting; stored as the value, shown in the page's language.</summary>
    public static IReadOnlyList<(string Value, string Dutch, string English)> Reasons { get; } =
    [
        ("beledigend", "Beledigend of discriminerend", "Offensive or discriminatory"),
        ("persoonsgegevens", "Bevat persoonsgegevens", "Contains personal data"),
        ("reclame", "Reclame of spam", "Advertising or spam"),
        ("anders", "Iets anders", "Something else"),
    ];
}
