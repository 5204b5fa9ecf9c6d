using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Participation.Bot.Hosting.DirectLine;
using Participation.Bot.Hosting.Handoff;
using Participation.Bot.Protocol;

namespace Participation.Web.Agents;

/// <summary>
/// The live conversation: the transcript so far, a message box and close. Without script the page is a form that
/// reloads; with script (agent.js) new messages appear as they come, read from the console's API.
/// </summary>
public sealed class ConversationModel(HandoffQueue queue, WebLanguage language) : PageModel
{
    public string ConversationId { get; private set; } = "";
    public IReadOnlyList<Activity> Messages { get; private set; } = [];
    public string Watermark { get; private set; } = "0";
    public string? Problem { get; private set; }
    public bool Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string conversationId, CancellationToken cancellationToken)
    {
        ConversationId = conversationId;
        var set = UseCaseResults.Value<ActivitySet>((await AgentApi.GetActivitiesAsync(conversationId, null, User, queue, cancellationToken)).Result);
        if (set is null)
        {
            return NotFound();
        }

        Messages = set.Activities.Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text)).ToList();
        Watermark = set.Watermark;
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(string conversationId, string? text, CancellationToken cancellationToken)
    {
        var result = (await AgentApi.SendAsync(conversationId, new AgentMessage(text), User, queue, cancellationToken)).Result;
        if (UseCaseResults.Problem(result) is { } problem)
        {
            Problem = string.IsNullOrWhiteSpace(text) ? language.T("Typ eerst een bericht.", "Type a message first.") : problem.Detail;
        }

        return Problem is null ? LocalRedirect($"/agent/{Uri.EscapeDataString(conversationId)}") : await OnGetAsync(conversationId, cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(string conversationId, CancellationToken cancellationToken)
    {
        await AgentApi.CloseAsync(conversationId, User, queue, cancellationToken);
        return LocalRedirect("/agent?gesloten=1");
    }
}
