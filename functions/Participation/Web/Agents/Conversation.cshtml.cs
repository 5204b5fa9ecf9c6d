using Participation.Bot.Hosting.Handoff;
using Participation.Bot.Protocol;

namespace Participation.App.Web.Agents;

/// <summary>
/// The live conversation: the transcript so far, a message box and close (after a confirmation). Without script the page
/// is a form that reloads; with script (agent.js) new messages appear as they come, read from the console's API.
/// </summary>
public sealed class ConversationModel(HandoffQueue queue, WebLanguage language) : PageModel
{
    public string ConversationId { get; private set; } = "";
    public IReadOnlyList<Activity> Messages { get; private set; } = [];
    public string Watermark { get; private set; } = "0";
    public string? Problem { get; private set; }
    public bool ConfirmClose { get; private set; }

    public async Task<IActionResult> OnGetAsync(string conversationId, CancellationToken cancellationToken) =>
        await ShowAsync(conversationId, cancellationToken);

    public async Task<IActionResult> OnPostSendAsync(string conversationId, string? text, CancellationToken cancellationToken)
    {
        if (Agent.From(User) is not { } agent)
        {
            return Forbid();
        }

        var message = text?.Trim() ?? "";
        if (message.Length is 0 or > AgentApi.MaxMessageLength)
        {
            Problem = message.Length == 0
                ? language.T("Typ eerst een bericht.", "Type a message first.")
                : language.T($"Een bericht is ten hoogste {AgentApi.MaxMessageLength} tekens.", $"A message is at most {AgentApi.MaxMessageLength} characters.");
            return await ShowAsync(conversationId, cancellationToken);
        }

        var (result, _) = await queue.SendAsync(conversationId, agent, message, cancellationToken);
        if (result == HandoffResult.Done)
        {
            return LocalRedirect($"/agent/{Uri.EscapeDataString(conversationId)}");
        }

        Problem = Refusal(result);
        return await ShowAsync(conversationId, cancellationToken);
    }

    /// <summary>The first press asks "are you sure": a closed conversation cannot be reopened by the agent.</summary>
    public async Task<IActionResult> OnPostCloseAsync(string conversationId, CancellationToken cancellationToken)
    {
        ConfirmClose = true;
        return await ShowAsync(conversationId, cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseConfirmedAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (Agent.From(User) is not { } agent)
        {
            return Forbid();
        }

        var result = await queue.CloseAsync(conversationId, agent, cancellationToken);
        if (result == HandoffResult.Done)
        {
            return LocalRedirect("/agent?gesloten=true");
        }

        Problem = Refusal(result);
        return await ShowAsync(conversationId, cancellationToken);
    }

    private string Refusal(HandoffResult result) => result == HandoffResult.TakenByAnother
        ? language.T("Een collega voert dit gesprek.", "A colleague has this conversation.")
        : language.T("Dit gesprek is al afgesloten.", "This conversation has already been closed.");

    private async Task<IActionResult> ShowAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (Agent.From(User) is not { } agent)
        {
            return Forbid();
        }

        ConversationId = conversationId;
        var (result, page) = await queue.ReadTranscriptAsync(conversationId, agent, 0, cancellationToken);
        if (result != HandoffResult.Done || page is null)
        {
            return NotFound();
        }

        Messages = page.Activities.Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text)).ToList();
        Watermark = page.Watermark.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }
}
