using Microsoft.AspNetCore.RateLimiting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;

namespace Participation.App.Web.Residents;

/// <summary>The reply link in the 'information requested' e-mail: the submitter answers (ReplyToInitiative, as the API).</summary>
[EnableRateLimiting(RateLimits.Submissions)]
public sealed class ReplyModel(InitiativeStore store, ReplyToInitiative reply, Pseudonyms pseudonyms, WebLanguage language) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty] public string? Message { get; set; }
    public string Code { get; private set; } = "";
    public string? Error { get; private set; }
    public bool Sent { get; private set; }

    /// <summary>The official's latest question, shown above the answer field.</summary>
    public string? Question { get; private set; }
    /// <summary>The submitter's answer to that question once sent: the link then shows it instead of the form again.</summary>
    public TimelineEntry? Answer { get; private set; }
    /// <summary>The link's key does not belong to this initiative (and the visitor is not its signed-in submitter).</summary>
    public bool NotTheSubmitter { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        await ReadQuestionAsync(cancellationToken);
    }

    private async Task ReadQuestionAsync(CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(Code, out var parsed, out _) || await store.FindAsync(parsed.Value, cancellationToken) is not { } initiative ||
            !ReplyToInitiative.IsSubmitter(initiative, Key, PlatformUser.From(User), pseudonyms))
        {
            NotTheSubmitter = true;
            return;
        }

        var timeline = await store.TimelineAsync(initiative.TrackingCode, cancellationToken);
        var asked = timeline.Select((entry, index) => (entry, index)).LastOrDefault(e => e.entry.Event == QuestionEvent);
        if (asked.entry is null)
        {
            return;
        }

        Question = asked.entry.PublicMessage;
        Answer = timeline.Skip(asked.index + 1).FirstOrDefault(e => e.Event == AnswerEvent);
    }

    private const string QuestionEvent = "information-requested";
    private const string AnswerEvent = "resident-replied";

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        var outcome = await reply.HandleAsync(code, new ReplyToInitiative.Request(Message, Key), PlatformUser.From(User), cancellationToken);
        if (outcome.Succeeded)
        {
            Sent = true;
            await ReadQuestionAsync(cancellationToken);
            return Page();
        }

        await ReadQuestionAsync(cancellationToken);

        var refusal = outcome.Refusals[0];
        Error = refusal.Field is not null
            ? refusal.In(language.IsEnglish)
            : refusal.Code == InitiativeRefusals.NotFound.Code
                ? language.T("Deze link hoort niet bij een initiatief waarop u kunt antwoorden.", "This link does not belong to an initiative you can answer.")
                : language.T("Er wacht geen vraag op antwoord.", "No question is waiting for an answer.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
