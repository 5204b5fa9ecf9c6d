using Participation.App.Council;

namespace Participation.App.Web.Council;

/// <summary>The council's agenda list (<c>/raad/agenda</c>): initiatives with enough support, and what became of them.</summary>
public sealed class AgendaModel(CouncilAgenda agenda) : PageModel
{
    public IReadOnlyList<CouncilAgenda.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await agenda.ListAsync(cancellationToken);
}
