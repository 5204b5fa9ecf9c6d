using Participation.Bot.Hosting.Handoff;

namespace Participation.App.Web.Agents;

/// <summary>The live-chat queue: waiting and running handoffs, accept one. The list refreshes itself (agent-queue.js).</summary>
public sealed class ConsoleModel(HandoffQueue queue, WebLanguage language) : PageModel
{
    public IReadOnlyList<HandoffView> Handoffs { get; private set; } = [];
    public string? Problem { get; private set; }
    [BindProperty(SupportsGet = true, Name = "gesloten")] public bool Closed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Agent.From(User) is not { } agent)
        {
            return Forbid();
        }

        Handoffs = await queue.ListAsync(agent, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (Agent.From(User) is not { } agent)
        {
            return Forbid();
        }

        switch (await queue.AcceptAsync(conversationId, agent, cancellationToken))
        {
            case HandoffResult.Done:
                return LocalRedirect($"/agent/{Uri.EscapeDataString(conversationId)}");
            case HandoffResult.TakenByAnother:
                Problem = language.T("Een collega heeft dit gesprek al overgenomen.", "A colleague has already taken this conversation.");
                break;
            default:
                Problem = language.T("Dit gesprek wacht niet meer.", "This conversation is no longer waiting.");
                break;
        }

        Handoffs = await queue.ListAsync(agent, cancellationToken);
        return Page();
    }
}
