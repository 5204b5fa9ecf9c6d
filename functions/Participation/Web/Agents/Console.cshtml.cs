using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Participation.Bot.Hosting.Handoff;

namespace Participation.Web.Agents;

/// <summary>The live-chat queue (AgentApi, as the console's API): waiting and running handoffs, accept one.</summary>
public sealed class ConsoleModel(HandoffQueue queue, WebLanguage language) : PageModel
{
    public IReadOnlyList<HandoffView> Handoffs { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Handoffs = UseCaseResults.Value<List<HandoffView>>((await AgentApi.ListAsync(User, queue, cancellationToken)).Result) ?? [];

    public async Task<IActionResult> OnPostAcceptAsync(string conversationId, CancellationToken cancellationToken)
    {
        var result = (await AgentApi.AcceptAsync(conversationId, User, queue, cancellationToken)).Result;
        if (result is NoContent)
        {
            return LocalRedirect($"/agent/{Uri.EscapeDataString(conversationId)}");
        }

        Problem = UseCaseResults.Status(result) == StatusCodes.Status409Conflict
            ? language.T("Een collega heeft dit gesprek al overgenomen.", "A colleague has already taken this conversation.")
            : language.T("Dit gesprek wacht niet meer.", "This conversation is no longer waiting.");
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
