using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Participation.Identity;
using Participation.Initiatives;
using Participation.Initiatives.Deadlines;
using Participation.Initiatives.Lifecycle;
using Participation.Notifications;
using Participation.Storage;

namespace Participation.Web.Residents;

/// <summary>The reply link in the 'information requested' e-mail: the submitter answers (ReplyToInitiative, as the API).</summary>
[EnableRateLimiting(RateLimits.Submissions)]
public sealed class ReplyModel(
    InitiativeStore store, InitiativeLifecycle lifecycle, Pseudonyms pseudonyms, ServiceLevels serviceLevels, QueueSender queue,
    IOptions<PlatformOptions> platform, WebLanguage language) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty] public string? Message { get; set; }
    public string Code { get; private set; } = "";
    public string? Error { get; private set; }
    public bool Sent { get; private set; }

    public void OnGet(string code) => Code = code;

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        var result = (await ReplyToInitiative.HandleAsync(
            code, new ReplyToInitiative.Request(Message, Key), HttpContext, store, lifecycle, pseudonyms, serviceLevels, queue, platform, cancellationToken)).Result;
        if (UseCaseResults.Value<TrackInitiative.TimelineItem>(result) is not null)
        {
            Sent = true;
            return Page();
        }

        Error = UseCaseResults.Errors(result).Values.SelectMany(m => m).FirstOrDefault() is { } field
            ? UseCaseResults.Say(language, field)
            : UseCaseResults.Status(result) == StatusCodes.Status404NotFound
                ? language.T("Deze link hoort niet bij een initiatief waarop u kunt antwoorden.", "This link does not belong to an initiative you can answer.")
                : language.T("Er wacht geen vraag op antwoord.", "No question is waiting for an answer.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
