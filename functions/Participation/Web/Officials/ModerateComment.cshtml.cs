using Participation.App.Discussion;

namespace Participation.App.Web.Officials;

/// <summary>The case page's hide and restore forms post here (ModerateComment, as the API); back to the case on success.</summary>
public sealed class ModerateCommentModel(ModerateComment moderate, WebLanguage language) : PageModel
{
    public string Code { get; private set; } = "";
    public string? Message { get; private set; }

    public IActionResult OnGet(string code) => LocalRedirect($"/behandelen/{Uri.EscapeDataString(code)}#reacties");

    public async Task<IActionResult> OnPostAsync(string code, string? id, string? act, string? reason, CancellationToken cancellationToken)
    {
        Code = code;
        var action = act == ModerateComment.Restore ? ModerateComment.Restore : ModerateComment.Hide;
        var outcome = await moderate.ExecuteAsync(code, id ?? "", action, new ModerateComment.Request(reason), PlatformUser.From(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            return LocalRedirect($"/behandelen/{Uri.EscapeDataString(code)}?reactie={(action == ModerateComment.Hide ? "verborgen" : "hersteld")}#reacties");
        }

        Message = outcome.Refusals[0].In(language.IsEnglish);
        Response.StatusCode = outcome.Refusals[0].Status;
        return Page();
    }
}
