using Microsoft.AspNetCore.Mvc.RazorPages;
using Participation.Initiatives;
using Participation.Initiatives.Routing;
using Participation.Routing;

namespace Participation.Web.Officials;

/// <summary>The back office's inbox (CaseInbox, as the API): overdue first, then by due date.</summary>
public sealed class InboxModel(InitiativeStore store, RoutingDirectory routing, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CaseInbox.Item> Items { get; private set; } = [];
    public RoutingConfiguration Configuration { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = UseCaseResults.Value<IReadOnlyList<CaseInbox.Item>>(await CaseInbox.HandleAsync(HttpContext, store, clock, cancellationToken)) ?? [];
        Configuration = await routing.CurrentAsync(cancellationToken);
        Now = clock.GetUtcNow();
    }
}
