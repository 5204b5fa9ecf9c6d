using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.App.Routing;

namespace Participation.App.Council;

/// <summary>
/// The council's agenda list: initiatives that reached their neighbourhood's support threshold, with what the
/// municipality decided and when, so a council member sees the outcome next to the demand without opening each case.
/// </summary>
public sealed class CouncilAgenda(InitiativeStore initiatives, RoutingDirectory routing)
{
    private static readonly HashSet<string> DecisionEvents = ["accepted", "rejected", "merged", "completed"];

    public sealed record Item(
        string TrackingCode, string Title, string Neighbourhood, string NeighbourhoodName, string? Theme, int Supports,
        string Status, DateTimeOffset SubmittedAt, DateTimeOffset? ThresholdReachedAt, DateTimeOffset? DecidedAt, string? Decision);

    public async Task<IReadOnlyList<Item>> ListAsync(CancellationToken cancellationToken)
    {
        var configuration = await routing.CurrentAsync(cancellationToken);
        var names = configuration.Neighbourhoods.ToDictionary(n => n.Code, n => n.Name);
        var listed = await initiatives.ListOnCouncilAgendaAsync(cancellationToken);
        var items = new List<Item>(listed.Count);
        foreach (var listing in listed)
        {
            // The agenda is short (initiatives with enough support), so one timeline read each is affordable.
            var timeline = await initiatives.TimelineAsync(listing.TrackingCode, cancellationToken);
            var reached = timeline.FirstOrDefault(e => e.Event == "threshold-reached")?.At;
            var decision = timeline.LastOrDefault(e => DecisionEvents.Contains(e.Event));
            items.Add(new Item(
                listing.TrackingCode, listing.Title, listing.Neighbourhood, names.GetValueOrDefault(listing.Neighbourhood, listing.Neighbourhood),
                listing.Theme, listing.Supports, listing.Status.ToWireName(), listing.SubmittedAt, reached,
                decision?.At ?? listing.DecidedAt, decision?.PublicMessage));
        }

        return items.OrderByDescending(i => i.ThresholdReachedAt ?? i.SubmittedAt).ToList();
    }
}
